package org.podium.app;

import org.podium.ingest.SeasonChanges;
import org.podium.outbox.Outbox;
import org.podium.outbox.Publisher;
import org.podium.store.ResultStore;
import org.podium.store.SeasonRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes what depends on the seasons that changed and publishes it. Only the changed seasons are
 * recomputed; a season is marked published only after its outputs are written.
 */
public final class Recompute {

    private static final Logger LOG = LoggerFactory.getLogger("podium.recompute");

    private final ResultStore store;
    private final Publisher publisher;
    private final Outbox outbox;
    private final SeasonChanges changes;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Instant> lastPublish = new AtomicReference<>();

    public Recompute(ResultStore store, Publisher publisher, Outbox outbox, SeasonChanges changes, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    /** Seasons a stop or a crash left unpublished are queued again. */
    public int resume() {
        List<SeasonRef> dirty = store.dirtySeasons();
        dirty.forEach(changes::changed);
        if (!dirty.isEmpty()) LOG.info("resuming: {} season(s) changed since last published: {}", dirty.size(), dirty);
        return dirty.size();
    }

    /** Queues every stored season (the {@code rebuild} command). */
    public int rebuildAll() {
        store.markAllDirty();
        return resume();
    }

    public void run(List<SeasonRef> seasons) {
        if (seasons.isEmpty()) return;
        running.set(true);
        try {
            Instant from = clock.instant();
            long t0 = System.nanoTime();
            int written = 0;
            for (SeasonRef s : seasons) {
                written += publisher.publishResults(s);
            }
            outbox.writeIndex();
            for (SeasonRef s : seasons) store.markPublished(s, from);
            lastPublish.set(clock.instant());
            LOG.info("recomputed {} in {} ms: {} outbox file(s) written", seasons,
                    (System.nanoTime() - t0) / 1_000_000, written);
        } finally {
            running.set(false);
        }
    }

    public boolean running() { return running.get(); }

    public Instant lastPublish() { return lastPublish.get(); }
}
