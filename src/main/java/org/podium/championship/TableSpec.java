package org.podium.championship;

import java.util.Objects;

/**
 * One kind of table a series publishes: {@code drivers} by {@code class} gives one table per class.
 *
 * @param teamScoring overrides the series' team scoring for this table; null to use the series'
 */
public record TableSpec(Ranks ranks, Scope scope, TeamScoring teamScoring) {
    public TableSpec {
        Objects.requireNonNull(ranks, "ranks");
        Objects.requireNonNull(scope, "scope");
    }
}
