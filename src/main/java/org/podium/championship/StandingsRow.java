package org.podium.championship;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entrant's line in a standings table.
 *
 * @param rank        1-based; entrants level on points and every tie-break share a rank (1, 1, 3);
 *                    null for an excluded entrant
 * @param shared      whether another row holds the same rank
 * @param excluded    excluded from the championship (see adjustments for why)
 * @param points      total after adjustments
 * @param rounds      per round, in round order, with per-session detail
 * @param wins        places 1 counted in this table's scope
 * @param positions   how many times each place in the scope was counted (place → count)
 * @param tieBreak    for a row level on points with a neighbour: which tie-break placed it and how
 *                    (e.g. {@code countback: 2 second places vs 1}); null where points decided
 * @param adjustments deductions, exclusions and reinstatements that touched the row
 * @param history     rank and points after each round
 * @param sources     SHA-256 of the documents the row's points come from
 */
public record StandingsRow(
        Integer rank,
        boolean shared,
        boolean excluded,
        Entrant entrant,
        double points,
        List<RoundScore> rounds,
        int wins,
        Map<Integer, Integer> positions,
        String tieBreak,
        List<AppliedAdjustment> adjustments,
        List<HistoryPoint> history,
        List<String> sources) {

    public StandingsRow {
        Objects.requireNonNull(entrant, "entrant");
        if (excluded != (rank == null)) throw new IllegalArgumentException("only an excluded row goes without a rank");
        rounds = List.copyOf(rounds);
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
        adjustments = List.copyOf(adjustments);
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }
}
