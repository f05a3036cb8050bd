package org.podium.recompute;


import org.podium.model.SeasonRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
        return takeDue(max, Integer.MAX_VALUE, seasons -> Map.of());
    }

    /**
     * Removes and returns the seasons that are due, those waiting longest first, at most {@code maxSeasons}
     * of them and, after the first, only while their sessions add up to at most {@code maxSessions}: what a
     * recompute holds in memory grows with the sessions it reads, so many small seasons go together and a
     * large one alone. The season that would overstep the bound is left for the next call, with those
     * after it, so that no large season waits behind smaller ones that came later.
     *
     * @param sessions the number of stored sessions of each of the given seasons (a season missing counts as none)
     */
    public List<SeasonRef> takeDue(int maxSeasons, int maxSessions,
                                   Function<List<SeasonRef>, Map<SeasonRef, Integer>> sessions) {
        List<Map.Entry<SeasonRef, Pending>> due = due();
        if (due.size() > maxSeasons) due = due.subList(0, maxSeasons);
        Map<SeasonRef, Integer> counts = due.isEmpty() || maxSessions == Integer.MAX_VALUE
                ? Map.of() : sessions.apply(due.stream().map(Map.Entry::getKey).toList());
        List<SeasonRef> taken = new ArrayList<>();
        long total = 0;
        for (Map.Entry<SeasonRef, Pending> e : due) {
            int n = counts.getOrDefault(e.getKey(), 0);
            if (!taken.isEmpty() && total + n > maxSessions) break;
            if (pending.remove(e.getKey(), e.getValue())) {
                taken.add(e.getKey());
                total += n;
            }
        }
        taken.sort(null);
        return taken;
    }

    /** The seasons due now, those waiting longest first. */
    private List<Map.Entry<SeasonRef, Pending>> due() {
        long now = nanoTime.getAsLong();
        List<Map.Entry<SeasonRef, Pending>> due = new ArrayList<>();
        for (Map.Entry<SeasonRef, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (now - p.last >= quietNanos || now - p.first >= maxDelayNanos) due.add(Map.entry(e.getKey(), p));
        }
        due.sort(Map.Entry.<SeasonRef, Pending>comparingByValue(java.util.Comparator.comparingLong(Pending::first))
                .thenComparing(Map.Entry.comparingByKey()));
        return due;
    }

    public int pendingCount() { return pending.size(); }

    public boolean isPending(SeasonRef season) { return pending.containsKey(season); }
}
