package org.podium.app;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.podium.delivery.Delivery;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;
import org.podium.delivery.Signature;
import org.podium.delivery.Target;
import org.podium.delivery.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The bean {@code routes/5-deliver.yaml} calls for each target: claims what is due from the store, makes each
 * request (body and signed headers), and records the outcome. Which deliveries may go, how long to wait
 * after a failure and when to give up is the domain's ({@code org.podium.delivery}); the route sends.
 */
public final class Webhooks {

    /** The exchange property holding the {@link Outgoing} being sent. */
    public static final String PROPERTY = "podiumDelivery";
    public static final String EVENT_HEADER = "X-Podium-Event";
    public static final String TIMESTAMP_HEADER = "X-Podium-Timestamp";
    public static final String ATTEMPT_HEADER = "X-Podium-Attempt";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger("podium.deliver");

    private final DeliveryQueue queue;
    private final Targets targets;
    private final Clock clock;
    private final PodiumMeters meters;
    private final int batch;
    private final String owner = UUID.randomUUID().toString();
    private volatile Runnable changed = () -> {};

    /** Told after each delivery's outcome is recorded (the report shows the queues). */
    public void onChanged(Runnable r) { this.changed = r; }

    public Webhooks(DeliveryQueue queue, Targets targets, Clock clock, PodiumMeters meters, int batch) {
        this.queue = queue;
        this.targets = targets;
        this.clock = clock;
        this.meters = meters;
        this.batch = batch;
    }

    /** A claimed delivery on its way, with the chains of its batch that failed (their later ones wait). */
    public record Outgoing(Delivery delivery, Target target, Set<String> failedChains) {}

    /** What may be sent to the target now, each claimed under a lease of its place in line × (timeout + 5 s). */
    public List<Outgoing> claim(String targetId) {
        Target target = targets.get(targetId).orElseThrow(() -> new IllegalArgumentException("no target " + targetId));
        List<Delivery> claimed = queue.claim(targetId, owner, target.timeout().plusSeconds(5), batch);
        Set<String> failed = new HashSet<>();
        return claimed.stream().map(d -> new Outgoing(d, target, failed)).toList();
    }

    /** False (and the delivery given back) when an earlier one of its chain failed in this batch. */
    public boolean ready(Exchange exchange) {
        Outgoing o = exchange.getProperty(PROPERTY, Outgoing.class);
        if (!o.failedChains().contains(o.delivery().chain())) return true;
        queue.release(o.delivery().id(), owner);
        return false;
    }

    /** The request: the document's bytes as stored, and only the headers below. */
    public void prepare(Exchange exchange) {
        Outgoing o = exchange.getProperty(PROPERTY, Outgoing.class);
        Delivery d = o.delivery();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader(EVENT_HEADER, d.eventId());
        m.setHeader(TIMESTAMP_HEADER, timestamp);
        m.setHeader(ATTEMPT_HEADER, Integer.toString(d.attempts() + 1));
        m.setHeader(IDEMPOTENCY_HEADER, d.idempotencyKey());
        m.setHeader(Signature.HEADER, Signature.sign(o.target().secret(), timestamp, d.body()));
        m.setBody(d.body());
    }

    /** The target answered 2xx. */
    public void delivered(Exchange exchange) {
        Outgoing o = exchange.getProperty(PROPERTY, Outgoing.class);
        queue.delivered(o.delivery().id(), owner);
        meters.delivered(o.target().id());
        changed.run();
        LOG.debug("{}: delivered {} (attempt {})", o.target().id(), o.delivery().eventId(), o.delivery().attempts() + 1);
    }

    /**
     * The request failed (an answer other than 2xx, a timeout, a refused connection) or the target's breaker
     * is open. An open breaker sent nothing: the delivery goes back unchanged, without an attempt counted.
     */
    public void failed(Exchange exchange) {
        Outgoing o = exchange.getProperty(PROPERTY, Outgoing.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Delivery d = o.delivery();
        o.failedChains().add(d.chain());
        // The breaker's fallback for a call it did not let through carries no exception: nothing was sent
        if (cause == null || cause instanceof CallNotPermittedException) {
            queue.release(d.id(), owner);
            return;
        }
        String error = describe(cause);
        DeliveryState now = queue.failed(d, o.target().retry(), error);
        meters.deliveryFailed(o.target().id());
        changed.run();
        if (now == DeliveryState.DEAD) {
            meters.deadLetter(o.target().id());
            LOG.error("{}: {} is a dead letter after {} attempt(s): {}; the later deliveries of {} wait for it "
                    + "(podium deliveries --resend)", o.target().id(), d.eventId(), d.attempts() + 1, error, d.chain());
        } else {
            LOG.warn("{}: {} attempt {} failed: {}; tried again later", o.target().id(), d.eventId(), d.attempts() + 1, error);
        }
    }

    /** One line: the HTTP status, or the exception's own message. */
    static String describe(Throwable cause) {
        if (cause == null) return "failed without a cause";
        if (cause instanceof org.apache.camel.http.base.HttpOperationFailedException h) {
            return "HTTP " + h.getStatusCode() + (h.getStatusText() == null ? "" : " " + h.getStatusText());
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + m;
    }

    public String owner() { return owner; }
}
