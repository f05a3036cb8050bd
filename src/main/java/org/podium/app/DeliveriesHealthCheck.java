package org.podium.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;
import org.podium.delivery.Target;
import org.podium.delivery.Targets;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Readiness: no delivery to a webhook target is a dead letter. Each target's backlog (pending deliveries,
 * the oldest one's age), dead letters and circuit breaker are in the details; DOWN names the targets with
 * dead letters and says how to send them again. A backlog alone is not DOWN: it drains once the target
 * answers, and its size and age are there to alert on. No targets configured, nothing to fail.
 */
final class DeliveriesHealthCheck extends AbstractHealthCheck {

    private final Supplier<Targets> targets;
    private final Supplier<DeliveryQueue> queue;
    private final Function<String, String> breakers;

    DeliveriesHealthCheck(Supplier<Targets> targets, Supplier<DeliveryQueue> queue, Function<String, String> breakers) {
        super("podium", "podium-deliveries");
        this.targets = targets;
        this.queue = queue;
        this.breakers = breakers;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<Target> all = targets.get().all();
        builder.detail("targets", all.size());
        if (all.isEmpty()) {
            builder.up();
            return;
        }
        List<DeliveryQueue.Count> counts = queue.get().counts();
        StringBuilder dead = new StringBuilder();
        for (Target t : all) {
            String key = "target." + t.id();
            long pending = 0;
            long deadLetters = 0;
            java.time.Instant oldest = null;
            for (DeliveryQueue.Count c : counts) {
                if (!c.targetId().equals(t.id())) continue;
                if (c.state() == DeliveryState.DEAD) deadLetters = c.count();
                else {
                    pending = c.count();
                    oldest = c.oldest();
                }
            }
            builder.detail(key + ".pending", pending);
            if (oldest != null) builder.detail(key + ".oldestPending", oldest.toString());
            builder.detail(key + ".dead", deadLetters);
            String breaker = breakers.apply(t.id());
            if (breaker != null) builder.detail(key + ".breaker", breaker);
            if (deadLetters > 0) {
                if (dead.length() > 0) dead.append("; ");
                dead.append(t.id()).append(": ").append(deadLetters).append(" dead letter(s), ").append(pending)
                        .append(" pending");
            }
        }
        if (dead.length() > 0) {
            builder.down().message(dead + " (list them with podium deliveries, send them again with podium deliveries --resend)");
        } else {
            builder.up();
        }
    }
}
