package org.podium.championship;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published table, e.g. {@code drivers-overall}, {@code teams-lmp2}, {@code cars-bronze}.
 *
 * @param scopeValue         "overall", or the class or cup scored
 * @param teamScoring        how a teams' table counted cars; null for drivers and cars
 * @param maxSeasonPoints    the most one row could score over the whole season
 * @param maxRemainingPoints the most one row can still add from the races not yet in
 */
public record StandingsTable(String id, Ranks ranks, Scope scope, String scopeValue, TeamScoring teamScoring,
                             StandingsStatus status, double maxSeasonPoints, double maxRemainingPoints,
                             List<StandingsRow> rows) {
    public StandingsTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ranks, "ranks");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        rows = List.copyOf(rows);
    }

    /** {@code <ranks>-<scope value>}, lower-case, every run of non-alphanumerics as {@code -}. */
    public static String id(Ranks ranks, String scopeValue) {
        return ranks.id() + "-" + Names.slug(scopeValue);
    }

    /** The row whose entrant has this key ({@code car:7}, {@code driver:anna example}…). */
    public Optional<StandingsRow> row(String entrantKey) {
        return rows.stream().filter(r -> r.entrant().key().equals(entrantKey)).findFirst();
    }
}
