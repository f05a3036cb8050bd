package org.podium.combined;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A classified team.
 *
 * @param rank         1-based; teams level on score and on every tie-break share a rank (1, 1, 3)
 * @param team         the alias group's name where one is configured, else the first series' spelling
 * @param teamKey      the normalised identity the series were matched on
 * @param shares       one per counting series, in the order of the rule
 * @param score        the sum of the shares, unrounded
 * @param tieBreak     for a team level on score with a neighbour: which tie-break placed it and how;
 *                     null where the score decided
 * @param bestFinishes per race of every counting table, the place of the team's best car: place → count
 */
public record CombinedRow(int rank, boolean shared, String team, String teamKey, List<SeriesShare> shares,
                          double score, String tieBreak, Map<Integer, Integer> bestFinishes) {
    public CombinedRow {
        if (rank < 1) throw new IllegalArgumentException("rank must be 1 or more, was " + rank);
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(teamKey, "teamKey");
        shares = List.copyOf(shares);
        bestFinishes = Collections.unmodifiableMap(new TreeMap<>(bestFinishes));
    }

    /** The higher of the team's shares in any one series. */
    public double bestShare() {
        return shares.stream().mapToDouble(SeriesShare::share).max().orElse(0);
    }
}
