package org.podium.classify;

import org.podium.model.SeasonRef;
import org.podium.championship.SeasonStandings;
import org.podium.combined.CombinedClassification;
import org.podium.invitation.InvitationDecision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one recompute produced, from the store as it was at {@code computedFrom}.
 *
 * @param changed   the seasons whose inputs changed (their results and standings are republished)
 * @param standings the standings of the changed seasons that have a calendar in the rules
 * @param combined  each combined classification, by invitation id (computed over every season)
 * @param decisions each invitation's decision (computed over every season)
 */
public record Classification(Instant computedFrom, List<SeasonRef> changed, List<SeasonStandings> standings,
                             Map<String, CombinedClassification> combined, List<InvitationDecision> decisions) {
    public Classification {
        changed = List.copyOf(changed);
        standings = List.copyOf(standings);
        combined = Map.copyOf(combined);
        decisions = List.copyOf(decisions);
    }
}
