package org.podium.app;

import org.podium.model.SeasonRef;
import org.podium.classify.Classification;
import org.podium.ingest.SeasonChanges;
import org.podium.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
    private final PodiumMeters meters;
    private final AtomicReference<Instant> lastPublish = new AtomicReference<>();

    public Recompute(ResultStore store, SeasonChanges changes, Clock clock, PodiumMeters meters) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.meters = meters;
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
    public void published(Classification c, int filesWritten) {
        for (SeasonRef s : c.changed()) store.markPublished(s, c.computedFrom());
        Instant now = clock.instant();
        lastPublish.set(now);
        meters.published(now, Duration.between(c.computedFrom(), now));
        LOG.info("published {}: {} outbox file(s) written", c.changed(), filesWritten);
    }

    public Instant lastPublish() { return lastPublish.get(); }
}
