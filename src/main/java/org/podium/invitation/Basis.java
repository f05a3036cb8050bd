package org.podium.invitation;

import org.podium.combined.SeriesShare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a decision rests on.
 *
 * @param classification the table path ({@code gtwc-europe/2023/cars-bronze}) or combined id
 *                       ({@code combined/lemans-2024-asia-combined})
 * @param value          the recipient's points or score; null without a recipient
 * @param runnerUp       the next eligible entrant; null where there is none
 * @param margin         the recipient's lead over the runner-up, as computed; notices print the
 *                       difference of the two figures as printed ({@link NoticeFigures#margin})
 * @param remaining      per deciding season, in the configured order
 * @param shares         for a combined classification, what each series gives the recipient
 * @param standings      every eligible entrant in order, the recipient among them
 */
public record Basis(String classification, Measure measure, Double value, RunnerUp runnerUp, Double margin,
                    List<SeriesRemaining> remaining, List<SeriesShare> shares, List<Standing> standings) {
    public Basis {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(measure, "measure");
        remaining = List.copyOf(remaining);
        shares = List.copyOf(shares);
        standings = standings == null ? List.of() : List.copyOf(standings);
    }

    public Basis(String classification, Measure measure, Double value, RunnerUp runnerUp, Double margin,
                 List<SeriesRemaining> remaining, List<SeriesShare> shares) {
        this(classification, measure, value, runnerUp, margin, remaining, shares, List.of());
    }

    /** The most one entrant can still add over every deciding season. */
    public double maxStillAvailable() {
        return remaining.stream().mapToDouble(SeriesRemaining::maxStillAvailable).sum();
    }

    /** The entrant's place, by its identity. */
    public Optional<Standing> standingOf(String key) {
        return standings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The first eligible entrant. */
    public Optional<Standing> leader() {
        return standings.stream().findFirst();
    }
}
