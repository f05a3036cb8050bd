package org.podium.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.podium.ingest.IngestStats;
import org.podium.poll.PollResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Podium's own meters, scraped at {@code /observe/metrics} next to Camel's. Prometheus names:
 * <ul>
 *   <li>{@code podium_files_total{outcome="ingested|rejected|duplicate"}}: inbox files since start;</li>
 *   <li>{@code podium_feed_fetches_total{feed,outcome}}: feed documents fetched, by outcome;</li>
 *   <li>{@code podium_last_publish_timestamp_seconds}: when the outbox was last published (NaN before);</li>
 *   <li>{@code podium_recompute_seconds} (count, sum, max): from the start of a recompute to its publication;</li>
 *   <li>{@code podium_notices_published_total{state}}: invitation notices published;</li>
 *   <li>{@code podium_deliveries_total{target,outcome="delivered|failed|dead"}}: deliveries to webhook targets
 *       received (2xx), attempts failed, deliveries given up on (dead letters);</li>
 *   <li>{@code podium_delivery_backlog{target,state="pending|dead"}}: deliveries waiting in the store.</li>
 * </ul>
 */
public final class PodiumMeters {

    public static final String BEAN = "podiumMeters";

    private final MeterRegistry registry;
    private final AtomicReference<Instant> lastPublish = new AtomicReference<>();
    private final Timer recompute;

    /**
     * @param feedIds the enabled feeds: their fetch counters, like every notice state's, are there from the
     *                start with the value 0, so that an alert on them sees a series before the first event
     */
    public PodiumMeters(MeterRegistry registry, IngestStats files, java.util.Collection<String> feedIds) {
        this.registry = registry;
        for (org.podium.invitation.NoticeState state : org.podium.invitation.NoticeState.values()) noticeCounter(state);
        for (String feed : feedIds) {
            for (org.podium.poll.FetchOutcome outcome : org.podium.poll.FetchOutcome.values()) feedCounter(feed, outcome);
        }
        fileCounter("ingested", files, IngestStats::ingestedCount);
        fileCounter("rejected", files, IngestStats::rejectedCount);
        fileCounter("duplicate", files, IngestStats::duplicateCount);
        Gauge.builder("podium.last.publish.timestamp", lastPublish,
                        r -> r.get() == null ? Double.NaN : r.get().toEpochMilli() / 1000.0)
                .baseUnit("seconds")
                .description("When the outbox was last published, in seconds since the epoch")
                .register(registry);
        recompute = Timer.builder("podium.recompute")
                .description("From the start of a recompute of the changed seasons to their publication")
                .register(registry);
    }

    private void fileCounter(String outcome, IngestStats files, java.util.function.ToLongFunction<IngestStats> count) {
        FunctionCounter.builder("podium.files", files, s -> count.applyAsLong(s))
                .tag("outcome", outcome)
                .description("Inbox files processed since start, by outcome")
                .register(registry);
    }

    /** A recompute that started {@code took} before it was published, at {@code at}. */
    public void published(Instant at, Duration took) {
        lastPublish.set(at);
        recompute.record(took.isNegative() ? Duration.ZERO : took);
    }

    /** One invitation notice published, in its state ({@code LEADER}, {@code CLINCHED}…). */
    public void noticePublished(Object state) {
        noticeCounter(state).increment();
    }

    private Counter noticeCounter(Object state) {
        return Counter.builder("podium.notices.published")
                .tag("state", label(state))
                .description("Invitation notices published since start, by state")
                .register(registry);
    }

    /** {@code count} documents of one feed's poll ended as {@code outcome} ({@code fetched}, {@code failed}…). */
    private void feedFetches(String feedId, Object outcome, int count) {
        feedCounter(feedId, outcome).increment(count);
    }

    private Counter feedCounter(String feedId, Object outcome) {
        return Counter.builder("podium.feed.fetches")
                .tag("feed", feedId)
                .tag("outcome", label(outcome))
                .description("Feed documents fetched since start, by feed and outcome")
                .register(registry);
    }

    /** The webhook targets: their counters start at 0, their backlog is read from the store at each scrape. */
    public void deliveryTargets(java.util.Collection<String> targetIds,
                                java.util.function.Supplier<java.util.Map<String, long[]>> backlog) {
        for (String target : targetIds) {
            for (String outcome : new String[] {"delivered", "failed", "dead"}) deliveryCounter(target, outcome);
            Gauge.builder("podium.delivery.backlog", backlog, b -> b.get().getOrDefault(target, new long[2])[0])
                    .tag("target", target).tag("state", "pending").strongReference(true)
                    .description("Deliveries waiting to be sent, by target").register(registry);
            Gauge.builder("podium.delivery.backlog", backlog, b -> b.get().getOrDefault(target, new long[2])[1])
                    .tag("target", target).tag("state", "dead").strongReference(true)
                    .description("Dead letters kept in the store, by target").register(registry);
        }
    }

    public void delivered(String targetId) { deliveryCounter(targetId, "delivered").increment(); }

    public void deliveryFailed(String targetId) { deliveryCounter(targetId, "failed").increment(); }

    public void deadLetter(String targetId) { deliveryCounter(targetId, "dead").increment(); }

    private Counter deliveryCounter(String targetId, String outcome) {
        return Counter.builder("podium.deliveries")
                .tag("target", targetId)
                .tag("outcome", outcome)
                .description("Deliveries to webhook targets since start: delivered, failed attempts, dead letters")
                .register(registry);
    }

    /** A whole poll's documents, counted by outcome. */
    public void feedPolled(PollResult poll) {
        poll.counts().forEach((outcome, n) -> feedFetches(poll.feedId(), outcome, n));
    }

    public Instant lastPublish() { return lastPublish.get(); }

    /** {@code SAME_HASH} → {@code same-hash}: label values as the logs write them. */
    static String label(Object value) {
        String s = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
