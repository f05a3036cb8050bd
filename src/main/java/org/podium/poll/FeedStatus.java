package org.podium.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Each feed's health as far as polling knows it: last poll, last success, last error, next fire time and
 * the last poll's counts. Kept up to date after every poll; read by whatever reports health.
 */
public final class FeedStatus {

    /**
     * @param lastError           the last problem (a failure, a refusal, a skipped poll), or null
     * @param nextFireAt          when the feed's cron fires next, null for a disabled feed
     * @param lastCounts          the last poll's documents per outcome; empty before the first poll
     * @param failingSince        when the first of the polls failing since the last success failed; null when
     *                            the last poll that ran succeeded. Skipped polls (breaker open) do not move it.
     * @param consecutiveFailures polls that ran and failed since the last success
     * @param lastCause           why the last poll that ran failed: kept while polls are skipped, so that the
     *                            cause ("Connection refused") is not replaced by "poll skipped"
     * @param misconfigured       true when the last poll that ran found a setting of config/feeds.yaml that the
     *                            source's own page contradicts ({@link FeedMisconfigured}): the file must change
     */
    public record State(String feedId, boolean enabled, Instant lastPollAt, Instant lastSuccessAt, Instant lastErrorAt,
                        String lastError, Instant nextFireAt, Map<FetchOutcome, Integer> lastCounts,
                        Instant failingSince, int consecutiveFailures, String lastCause, boolean misconfigured) {
        public State {
            lastCounts = lastCounts == null ? Map.of() : Map.copyOf(lastCounts);
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final List<Consumer<PollResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changes = new CopyOnWriteArrayList<>();

    /** Tells {@code listener} of every poll's result once the status has it (the metrics count fetches). */
    public void onPolled(Consumer<PollResult> listener) { listeners.add(listener); }

    /** Runs {@code listener} after every change of a feed's state: a poll, or a poll skipped (the report shows them). */
    public void onChanged(Runnable listener) { changes.add(listener); }

    /** The state of one feed of {@code config/feeds.yaml}. */
    public Optional<State> of(String feedId) { return Optional.ofNullable(states.get(feedId)); }

    /** Every feed's state, by feed id. */
    public List<State> all() {
        List<State> out = new ArrayList<>(states.values());
        out.sort(Comparator.comparing(State::feedId));
        return out;
    }

    /** Starts from what the store remembers of earlier runs. */
    void load(Feeds feeds, Map<String, FeedLedger.PollRecord> remembered, Instant now) {
        for (Feed f : feeds.all()) {
            FeedLedger.PollRecord r = remembered.get(f.id());
            if (r == null) {
                states.put(f.id(), new State(f.id(), f.enabled(), null, null, null, null, nextFire(f, now), Map.of(), null, 0, null, false));
                continue;
            }
            // the store keeps the last error, not the run of failures: a feed failing then is failing since then
            boolean failing = r.lastErrorAt() != null && (r.lastSuccessAt() == null || r.lastSuccessAt().isBefore(r.lastErrorAt()));
            states.put(f.id(), new State(f.id(), f.enabled(), r.lastPollAt(), r.lastSuccessAt(), r.lastErrorAt(), r.lastError(),
                    nextFire(f, now), r.counts(), failing ? r.lastErrorAt() : null, failing ? 1 : 0, failing ? r.lastError() : null,
                    false));
        }
    }

    void polled(Feed feed, PollResult r) {
        states.compute(feed.id(), (id, old) -> {
            Instant since = !r.failed() ? null : old != null && old.failingSince() != null ? old.failingSince() : r.finishedAt();
            int failures = !r.failed() ? 0 : (old == null ? 0 : old.consecutiveFailures()) + 1;
            String cause = r.failed() ? r.problem() : old == null ? null : old.lastCause();
            return new State(id, feed.enabled(), r.startedAt(),
                    r.failed() ? (old == null ? null : old.lastSuccessAt()) : r.finishedAt(),
                    r.problem() == null ? (old == null ? null : old.lastErrorAt()) : r.finishedAt(),
                    r.problem() == null ? (old == null ? null : old.lastError()) : r.problem(),
                    nextFire(feed, r.finishedAt()), r.counts(), since, failures, cause,
                    r.misconfigured());
        });
        listeners.forEach(l -> l.accept(r));
        changes.forEach(Runnable::run);
    }

    /** A poll that did not run (the circuit breaker is open) or ended without a result: the run of failures goes on. */
    void problem(Feed feed, String problem, Instant at) {
        states.compute(feed.id(), (id, old) -> new State(id, feed.enabled(), old == null ? null : old.lastPollAt(),
                old == null ? null : old.lastSuccessAt(), at, problem, nextFire(feed, at),
                old == null ? Map.of() : old.lastCounts(),
                old == null || old.failingSince() == null ? at : old.failingSince(),
                old == null ? 0 : old.consecutiveFailures(), old == null ? null : old.lastCause(),
                old != null && old.misconfigured()));
        changes.forEach(Runnable::run);
    }

    static Instant nextFire(Feed feed, Instant after) {
        if (!feed.enabled()) return null;
        java.util.Date next = feed.cronExpression().getNextValidTimeAfter(java.util.Date.from(after));
        return next == null ? null : next.toInstant();
    }
}
