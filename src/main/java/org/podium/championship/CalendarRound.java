package org.podium.championship;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A round (event) of a season's calendar and the races it scores. */
public record CalendarRound(int round, String event, List<CalendarRace> races) {
    public CalendarRound {
        if (round < 1) throw new IllegalArgumentException("round must be 1 or more, was " + round);
        Objects.requireNonNull(event, "event");
        races = List.copyOf(races);
        if (races.isEmpty()) throw new IllegalArgumentException("round " + round + " has no races");
    }

    public Optional<CalendarRace> race(int number) {
        return races.stream().filter(r -> r.race() == number).findFirst();
    }
}
