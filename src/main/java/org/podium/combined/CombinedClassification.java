package org.podium.combined;

import org.podium.championship.InputDocument;

import java.util.List;
import java.util.Objects;

/**
 * A combined classification of several series' seasons, ranking teams.
 *
 * @param seasons    each counting season's state, in the rule's order
 * @param rows       the classified teams, in rank order
 * @param ineligible teams seen in some counting table that are not classified, with the reason
 * @param nearMisses names close enough to be one team, not matched
 * @param inputs     the documents every counting season was computed from
 * @param warnings   what was left out and why (a car without a team name)
 */
public record CombinedClassification(CombinedRule rule, List<SeasonState> seasons, List<CombinedRow> rows,
                                     List<IneligibleTeam> ineligible, List<NearMiss> nearMisses,
                                     List<InputDocument> inputs, List<String> warnings) {
    public CombinedClassification {
        Objects.requireNonNull(rule, "rule");
        seasons = List.copyOf(seasons);
        rows = List.copyOf(rows);
        ineligible = List.copyOf(ineligible);
        nearMisses = List.copyOf(nearMisses);
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
    }

    /** Every season complete and every session used official: the classification can no longer change. */
    public boolean allFinal() {
        return seasons.stream().allMatch(SeasonState::isFinal);
    }

    /** The most combined score any team can still add: the sum of every series' remaining share. */
    public double maxScoreStillAvailable() {
        return seasons.stream().mapToDouble(SeasonState::maxShareStillAvailable).sum();
    }
}
