package org.podium.recompute;


import org.podium.model.SeasonRef;
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
        return takeDue(Integer.MAX_VALUE);
    }

    /**
     * Removes and returns at most {@code max} of the seasons that are due, those waiting longest first:
     * a recompute holds every season it computes in memory, so a backfill of a hundred seasons is
     * computed a few at a time; the rest stay due for the next call.
     */
    public List<SeasonRef> takeDue(int max) {
        long now = nanoTime.getAsLong();
        List<Map.Entry<SeasonRef, Pending>> due = new ArrayList<>();
        for (Map.Entry<SeasonRef, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (now - p.last >= quietNanos || now - p.first >= maxDelayNanos) due.add(Map.entry(e.getKey(), p));
        }
        due.sort(Map.Entry.<SeasonRef, Pending>comparingByValue(java.util.Comparator.comparingLong(Pending::first))
                .thenComparing(Map.Entry.comparingByKey()));
        List<SeasonRef> taken = new ArrayList<>();
        for (Map.Entry<SeasonRef, Pending> e : due) {
            if (taken.size() >= max) break;
            if (pending.remove(e.getKey(), e.getValue())) taken.add(e.getKey());
        }
        taken.sort(null);
        return taken;
    }

    public int pendingCount() { return pending.size(); }

    public boolean isPending(SeasonRef season) { return pending.containsKey(season); }
}
