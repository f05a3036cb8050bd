package org.podium.model;

import java.util.List;
import java.util.Objects;

/**
 * A classification of one session, normalised from any feed format.
 *
 * @param statusReported whether the source states each car's status; where it does not
 *                       (SRO pages, wide qualifying files) a series' distance threshold decides who
 *                       is classified
 */
public record SessionResult(
        String series,
        String season,
        Event event,
        Session session,
        ResultStatus status,
        Source source,
        boolean statusReported,
        List<Entry> entries) {

    public static final String SCHEMA = "podium.session-result/1";

    public SessionResult {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(status, "status");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Identifies the session across versions: series/season/round/session. */
    public String sessionKey() {
        // sorting compares keys often: no Formatter here
        int round = event.round();
        return series + "/" + season + "/" + (round < 10 ? "0" : "") + round + "/" + session.key();
    }
}
