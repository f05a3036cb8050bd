package org.podium.recompute;

import org.podium.model.SeasonRef;

import java.time.Instant;
import java.util.List;

/**
 * What publishing a recompute did: the seasons it published, from the store as it was at
 * {@code computedFrom}, and how many outbox files it wrote (unchanged documents are not rewritten).
 */
public record Publication(List<SeasonRef> seasons, Instant computedFrom, int filesWritten) {
    public Publication {
        seasons = List.copyOf(seasons);
    }
}
