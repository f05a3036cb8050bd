package org.podium.championship;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A points-scoring race (or stage of one) in a round's calendar.
 *
 * @param race    its number within the round
 * @param session the session name that identifies it (case-insensitive), null to match by number
 * @param kind    the scoring kind, a key of {@code scoring.kinds}
 * @param planned the scheduled length, for the shortened-race rule; null where none applies
 * @param pole    false where the stage gives no pole points (the 6 and 12 hour stages of a 24 hours)
 * @param date    the day it is run (the day a stage is reached), null where the calendar gives none
 */
public record CalendarRace(int race, String session, String kind, Duration planned, boolean pole, LocalDate date) {

    public CalendarRace(int race, String session, String kind, Duration planned, boolean pole) {
        this(race, session, kind, planned, pole, null);
    }

    public CalendarRace {
        if (race < 1) throw new IllegalArgumentException("race number must be 1 or more, was " + race);
        Objects.requireNonNull(kind, "kind");
        session = session == null || session.isBlank() ? null : session.strip();
    }
}
