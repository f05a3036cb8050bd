package org.podium.combined;

import java.util.Objects;

/** A calendar round, by number and event name, as the series' rules list it. */
public record RoundRef(int round, String event) {
    public RoundRef {
        if (round < 1) throw new IllegalArgumentException("round must be 1 or more, was " + round);
        Objects.requireNonNull(event, "event");
    }

    @Override
    public String toString() { return event + " (round " + round + ")"; }
}
