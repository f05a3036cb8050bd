package org.podium.combined;

import java.util.List;
import java.util.Objects;

/**
 * A team seen in a counting table that is not classified, and why ("did not start a round of the
 * Asian Le Mans Series 2023-24").
 *
 * @param shares what it has from the series it did race, for the arithmetic of who can still win
 * @param score  the sum of those shares
 */
public record IneligibleTeam(String team, String teamKey, List<SeriesShare> shares, double score, String reason) {
    public IneligibleTeam {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(teamKey, "teamKey");
        shares = List.copyOf(shares);
        Objects.requireNonNull(reason, "reason");
    }
}
