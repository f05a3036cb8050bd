package org.podium.combined;

import org.podium.model.SeasonRef;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a combined classification of several series ranks teams (Podium's default for the GT World
 * Challenge Asia + Asian Le Mans Series invitation, docs/rules.md, B): a team's score in each series is
 * the points of its best car in that series' counting table as a share of the most one car could
 * score there; the combined score is the sum of the shares.
 *
 * @param id        the classification's id (the invitation's), used in file names
 * @param minRounds rounds a team must have started in EACH series to be classified
 * @param decimals  how many decimals scores and shares are printed with
 */
public record CombinedRule(String id, String name, List<CountingTable> tables, int minRounds,
                           List<CombinedTieBreak> tieBreak, int decimals) {
    public CombinedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        tables = List.copyOf(tables);
        tieBreak = List.copyOf(tieBreak);
        if (tables.size() < 2) throw new IllegalArgumentException("a combined classification needs two series or more");
        Set<SeasonRef> seasons = new HashSet<>();
        for (CountingTable t : tables) {
            if (!seasons.add(t.season())) throw new IllegalArgumentException(t.season() + " is counted twice");
        }
        if (minRounds < 1) throw new IllegalArgumentException("minRounds must be 1 or more, was " + minRounds);
        if (new HashSet<>(tieBreak).size() != tieBreak.size()) throw new IllegalArgumentException("a tie-break is listed twice");
        if (decimals < 0 || decimals > 9) throw new IllegalArgumentException("decimals must be from 0 to 9, was " + decimals);
    }
}
