package org.podium.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A session of an event.
 *
 * @param name            the session's name as the source gives it (Race 1, Qualifying 2, Race after 6 hours…)
 * @param race            the race number within the event this session belongs to (a qualifying
 *                        session names the race whose grid it set), null where there is only one
 * @param kind            the scoring kind (sprint, endurance-3h, 24h-6h…) where the metadata names
 *                        it; otherwise the series' calendar decides
 * @param hour            the hour of an endurance race's hourly snapshot ("Hour 4"), null for a
 *                        final classification
 * @param plannedDuration the scheduled length, where known, for the shortened-race rule
 */
public record Session(SessionType type, String name, Integer race, String kind, Integer hour, Duration plannedDuration) {
    public Session {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("session without a name");
        name = name.strip();
        kind = Driver.blankToNull(kind);
    }

    /** A stable key for the session within its event, e.g. {@code race-1}, {@code qualifying-2}. */
    public String key() {
        // every run of characters other than a-z and 0-9 becomes one '-', none at the ends; keys are
        // compared often when sessions are sorted, so no regular expressions here
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && b.length() > 0) b.append('-');
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }
}
