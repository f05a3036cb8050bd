package org.podium.invitation;

import org.podium.combined.SeriesShare;

import java.util.List;
import java.util.Objects;

/**
 * What a decision rests on.
 *
 * @param classification the table path ({@code gtwc-europe/2023/cars-bronze}) or combined id
 *                       ({@code combined/lemans-2024-asia-combined})
 * @param value          the recipient's points or score; null without a recipient
 * @param runnerUp       the next eligible entrant; null where there is none
 * @param margin         the recipient's lead over the runner-up; null where there is none
 * @param remaining      per deciding season, in the configured order
 * @param shares         for a combined classification, what each series gives the recipient
 */
public record Basis(String classification, Measure measure, Double value, RunnerUp runnerUp, Double margin,
                    List<SeriesRemaining> remaining, List<SeriesShare> shares) {
    public Basis {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(measure, "measure");
        remaining = List.copyOf(remaining);
        shares = List.copyOf(shares);
    }

    /** The most one entrant can still add over every deciding season. */
    public double maxStillAvailable() {
        return remaining.stream().mapToDouble(SeriesRemaining::maxStillAvailable).sum();
    }
}
