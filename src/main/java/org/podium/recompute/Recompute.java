package org.podium.recompute;

import org.podium.model.SeasonRef;
import org.podium.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Which seasons need recomputing. A season stays dirty in the store from the moment a new current
 * version of one of its sessions is saved until its outputs are published, so seasons that a stop or a
 * crash left unpublished are recomputed on the next start.
 */
public final class Recompute {

    private static final Logger LOG = LoggerFactory.getLogger("podium.recompute");

    private final ResultStore store;
    private final SeasonChanges changes;
    private final Clock clock;
    private final BiConsumer<Instant, Duration> onPublished;
    private final AtomicReference<Instant> lastPublish = new AtomicReference<>();

    /** @param onPublished told when each publication ended and how long after its recompute began (the metrics) */
    public Recompute(ResultStore store, SeasonChanges changes, Clock clock, BiConsumer<Instant, Duration> onPublished) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.onPublished = onPublished;
    }

    /**
     * The seasons due for recompute, at most {@code maxSeasons} and, beyond the first, at most
     * {@code maxSessions} stored sessions in all (see {@link SeasonChanges#takeDue(int, int, java.util.function.Function)}).
     */
    public List<SeasonRef> takeDue(int maxSeasons, int maxSessions) {
        return changes.takeDue(maxSeasons, maxSessions, store::sessionCounts);
    }

    /** Seasons a stop or a crash left unpublished are queued again. */
    public int resume() {
        List<SeasonRef> dirty = store.dirtySeasons();
        dirty.forEach(changes::changed);
        if (!dirty.isEmpty()) LOG.info("{} season(s) changed since last published, queued: {}", dirty.size(), dirty);
        return dirty.size();
    }

    /**
     * Seasons another instance changed but did not publish (it stopped or died) are queued here:
     * checked now and then, for seasons left dirty longer than {@code age} seconds.
     */
    public int adoptAbandoned(long ageSeconds) {
        // A season already queued here is on its way: queuing it again would only delay it.
        List<SeasonRef> dirty = store.dirtySeasonsOlderThan(java.time.Duration.ofSeconds(ageSeconds)).stream()
                .filter(s -> !changes.isPending(s)).toList();
        dirty.forEach(changes::changed);
        if (!dirty.isEmpty()) LOG.info("{} season(s) left unpublished for over {} s, queued: {}", dirty.size(), ageSeconds, dirty);
        return dirty.size();
    }

    /** Queues every stored season (the {@code rebuild} command). */
    public int rebuildAll() {
        store.markAllDirty();
        return resume();
    }

    /** After publishing: the seasons are clean unless a document arrived while they were computed. */
    public void published(Publication p) {
        store.markPublished(p.seasons(), p.computedFrom());
        Instant now = clock.instant();
        lastPublish.set(now);
        onPublished.accept(now, Duration.between(p.computedFrom(), now));
        LOG.info("published {}: {} outbox file(s) written", p.seasons(), p.filesWritten());
    }

    public Instant lastPublish() { return lastPublish.get(); }
}
