package org.podium.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Readiness: every enabled feed's latest poll succeeded. DOWN names the failing feeds and their last
 * problem; each feed's state is in the details. Without a poller ({@link FeedHealth} absent) there are
 * no feeds to fail.
 */
final class FeedsHealthCheck extends AbstractHealthCheck {

    private final Supplier<FeedHealth> feeds;

    FeedsHealthCheck(Supplier<FeedHealth> feeds) {
        super("podium", "podium-feeds");
        this.feeds = feeds;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FeedHealth health = feeds.get();
        if (health == null) {
            builder.detail("feeds", "none polled").up();
            return;
        }
        List<FeedHealth.Feed> all = health.feeds();
        builder.detail("feeds", all.size());
        StringBuilder failing = new StringBuilder();
        for (FeedHealth.Feed f : all) {
            builder.detail("feed." + f.feedId(), describe(f));
            if (f.enabled() && f.failing()) {
                if (failing.length() > 0) failing.append("; ");
                failing.append(f.feedId()).append(" failing since ").append(f.lastErrorAt()).append(": ").append(f.lastError());
            }
        }
        if (failing.length() > 0) builder.down().message(failing.toString());
        else builder.up();
    }

    static String describe(FeedHealth.Feed f) {
        if (!f.enabled()) return "disabled";
        return (f.failing() ? "failing: " + f.lastError() : "ok")
                + ", last poll " + (f.lastPollAt() == null ? "never" : f.lastPollAt())
                + ", last success " + (f.lastSuccessAt() == null ? "never" : f.lastSuccessAt())
                + ", next " + f.nextFireAt();
    }
}
