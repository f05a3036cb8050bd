package org.podium.championship;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A season's rounds in calendar order: what a complete season is. */
public record SeasonCalendar(List<CalendarRound> rounds) {
    public SeasonCalendar {
        rounds = rounds.stream().sorted(Comparator.comparingInt(CalendarRound::round)).toList();
        if (rounds.isEmpty()) throw new IllegalArgumentException("a season needs at least one round");
    }

    public Optional<CalendarRound> round(int number) {
        return rounds.stream().filter(r -> r.round() == number).findFirst();
    }
}
