package org.podium.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.podium.poll.FeedStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Readiness: every enabled feed's latest poll succeeded. DOWN names the failing feeds, since when, how many
 * polls failed, the cause of the last failure (kept while the breaker skips polls) and the next attempt;
 * a feed whose setting the source's own page contradicts is named as misconfigured, with the setting, the
 * wrong value and the values the page offers. Each feed's state is in the details, with its circuit
 * breaker's (CLOSED, OPEN, HALF_OPEN).
 * No feeds configured, nothing to fail.
 */
final class FeedsHealthCheck extends AbstractHealthCheck {

    private final Supplier<FeedStatus> feeds;
    private final Function<String, String> breakers;

    /** @param breakers a feed id to its route's circuit breaker state, or null when it has none running */
    FeedsHealthCheck(Supplier<FeedStatus> feeds, Function<String, String> breakers) {
        super("podium", "podium-feeds");
        this.feeds = feeds;
        this.breakers = breakers;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FeedStatus status = feeds.get();
        List<FeedStatus.State> all = status == null ? List.of() : status.all();
        builder.detail("feeds", all.size());
        StringBuilder failing = new StringBuilder();
        for (FeedStatus.State f : all) {
            String key = "feed." + f.feedId();
            builder.detail(key, describe(f));
            String breaker = f.enabled() ? breakers.apply(f.feedId()) : null;
            if (breaker != null) builder.detail(key + ".breaker", breaker);
            if (f.enabled() && failing(f)) {
                Instant since = f.failingSince() != null ? f.failingSince() : f.lastErrorAt();
                String cause = f.lastCause() != null ? f.lastCause() : f.lastError();
                builder.detail(key + ".failingSince", String.valueOf(since));
                builder.detail(key + ".consecutiveFailures", f.consecutiveFailures());
                builder.detail(key + ".lastCause", cause);
                builder.detail(key + ".nextAttempt", String.valueOf(f.nextFireAt()));
                builder.detail(key + ".misconfigured", f.misconfigured());
                if (failing.length() > 0) failing.append("; ");
                if (f.misconfigured()) {
                    // not an outage: polls go on reaching the source and find the same; the file must change
                    failing.append(f.feedId()).append(" misconfigured since ").append(since).append(": ").append(cause)
                            .append(" (config/feeds.yaml is read at start: restart after the change)");
                    continue;
                }
                failing.append(f.feedId()).append(" failing since ").append(since).append(" (")
                        .append(f.consecutiveFailures()).append(" failed poll(s)")
                        .append(breaker == null ? "" : ", breaker " + breaker + ("OPEN".equals(breaker) ? ": polls skipped" : ""))
                        .append("): ").append(cause).append("; next attempt ").append(f.nextFireAt());
            }
        }
        if (failing.length() > 0) builder.down().message(failing.toString());
        else builder.up();
    }

    /**
     * True when the feed's latest problem came after its latest success. A poll that only refused a link
     * records its problem at the same moment as its success: the feed is not failing.
     */
    static boolean failing(FeedStatus.State f) {
        return f.lastErrorAt() != null && (f.lastSuccessAt() == null || f.lastSuccessAt().isBefore(f.lastErrorAt()));
    }

    static String describe(FeedStatus.State f) {
        if (!f.enabled()) return "disabled";
        return (failing(f) ? "failing: " + (f.lastCause() != null ? f.lastCause() : f.lastError()) : "ok")
                + ", last poll " + (f.lastPollAt() == null ? "never" : f.lastPollAt())
                + ", last success " + (f.lastSuccessAt() == null ? "never" : f.lastSuccessAt())
                + ", next " + f.nextFireAt();
    }
}
