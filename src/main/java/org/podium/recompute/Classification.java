package org.podium.recompute;

import org.podium.championship.SeasonStandings;
import org.podium.combined.CombinedClassification;
import org.podium.invitation.InvitationDecision;
import org.podium.model.SeasonRef;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one recompute produced, from the store as it was at {@code computedFrom}.
 *
 * @param changed   the seasons whose inputs changed (their results and standings are republished)
 * @param sessions  the current version of every session of each changed season, as the recompute
 *                  loaded it: publishing writes these, without reading the store again (a season
 *                  without rules or calendar has its sessions here too, and no standings)
 * @param standings the standings of the changed seasons that have a calendar in the rules
 * @param combined  each combined classification, by invitation id (computed over every season)
 * @param decisions each invitation's decision (computed over every season)
 */
public record Classification(Instant computedFrom, List<SeasonRef> changed, Map<SeasonRef, List<LoadedSession>> sessions,
                             List<SeasonStandings> standings, Map<String, CombinedClassification> combined,
                             List<InvitationDecision> decisions) {
    public Classification {
        changed = List.copyOf(changed);
        Map<SeasonRef, List<LoadedSession>> copy = new LinkedHashMap<>();
        sessions.forEach((season, loaded) -> copy.put(season, List.copyOf(loaded)));
        sessions = Collections.unmodifiableMap(copy);
        standings = List.copyOf(standings);
        combined = Map.copyOf(combined);
        decisions = List.copyOf(decisions);
    }

    /** The sessions of one changed season, in the store's order (none when it has none). */
    public List<LoadedSession> sessionsOf(SeasonRef season) {
        return sessions.getOrDefault(season, List.of());
    }
}
