package org.podium.feed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

import org.podium.model.Event;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionType;

/**
 * What a feed file does not say about itself, taken from its path under the inbox
 * ({@code <series>/<season>/<round>_<event>/<session>/<file>}) and its sidecar {@code <file>.meta.json}.
 *
 * @param finalResult whether the file name said {@code _Final}: among versions of one session, Final
 *                    is preferred over Official over Provisional (see {@link #precedence()})
 */
public record SessionMetadata(
        String series,
        String season,
        int round,
        String event,
        String circuit,
        LocalDate date,
        String session,
        SessionType sessionType,
        Integer race,
        String kind,
        Integer hour,
        ResultStatus status,
        boolean finalResult,
        Duration plannedDuration) {

    public SessionMetadata {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(sessionType, "sessionType");
        Objects.requireNonNull(status, "status");
        if (round < 1) throw new IllegalArgumentException("round must be 1 or more, was " + round);
        if (finalResult && status != ResultStatus.OFFICIAL) throw new IllegalArgumentException("a final result is official");
    }

    public Event toEvent() { return new Event(round, event, circuit, date); }

    public Session toSession() { return new Session(sessionType, session, race, kind, hour, plannedDuration); }

    /** Higher for the version to prefer: Final 2, Official 1, Provisional 0. */
    public int precedence() {
        return finalResult ? 2 : status == ResultStatus.OFFICIAL ? 1 : 0;
    }
}
