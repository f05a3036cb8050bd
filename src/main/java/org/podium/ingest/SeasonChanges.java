package org.podium.ingest;

import org.podium.store.SeasonRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Debounces recomputation per season: a burst of files for one season costs one recompute, taken when
 * the season has been quiet for {@code quiet}, or at the latest {@code maxDelay} after its first change
 * so that a long backfill still publishes as it goes.
 */
public final class SeasonChanges {

    private record Pending(long first, long last) {}

    private final Map<SeasonRef, Pending> pending = new ConcurrentHashMap<>();
    private final long quietNanos;
    private final long maxDelayNanos;
    private final LongSupplier nanoTime;

    public SeasonChanges(Duration quiet, Duration maxDelay, LongSupplier nanoTime) {
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.nanoTime = nanoTime;
    }

    public void changed(SeasonRef season) {
        long now = nanoTime.getAsLong();
        pending.merge(season, new Pending(now, now), (old, n) -> new Pending(old.first, now));
    }

    /** Removes and returns the seasons that are due for recompute, in a stable order. */
    public List<SeasonRef> takeDue() {
        long now = nanoTime.getAsLong();
        List<SeasonRef> due = new ArrayList<>();
        for (Map.Entry<SeasonRef, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (now - p.last >= quietNanos || now - p.first >= maxDelayNanos) {
                if (pending.remove(e.getKey(), p)) due.add(e.getKey());
            }
        }
        due.sort(null);
        return due;
    }

    public int pendingCount() { return pending.size(); }

    public boolean isPending(SeasonRef season) { return pending.containsKey(season); }
}
