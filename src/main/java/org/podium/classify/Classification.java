package org.podium.classify;

import org.podium.championship.SeasonStandings;
import org.podium.store.SeasonRef;

import java.time.Instant;
import java.util.List;

/**
 * What one recompute produced: the standings of the seasons that changed, computed from the store as
 * it was at {@code computedFrom}.
 *
 * @param changed   the seasons whose inputs changed (their results and standings are republished)
 * @param standings the standings of the changed seasons that have a calendar in the rules
 */
public record Classification(Instant computedFrom, List<SeasonRef> changed, List<SeasonStandings> standings) {
    public Classification {
        changed = List.copyOf(changed);
        standings = List.copyOf(standings);
    }
}
