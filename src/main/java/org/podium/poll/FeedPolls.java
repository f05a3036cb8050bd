package org.podium.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls feeds: one at a time per feed, whoever asks (the feed's scheduled route, {@code once}, the demo).
 * After every poll it logs one summary line (counts, last success, last error, next fire time), updates
 * {@link FeedStatus} and remembers the poll in the store.
 */
public final class FeedPolls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    private final Feeds feeds;
    private final FeedLedger ledger;
    private final FeedStatus status;
    private final InboxWriter inbox;
    private final MirrorTarget outbox;
    private final String userAgent;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, FeedClient> clients = new ConcurrentHashMap<>();

    public FeedPolls(Feeds feeds, FeedLedger ledger, FeedStatus status, InboxWriter inbox, String userAgent, Clock clock) {
        this(feeds, ledger, status, inbox, null, userAgent, clock);
    }

    /** @param outbox where mirror feeds ({@code mirror: true}) write; null when no feed mirrors */
    public FeedPolls(Feeds feeds, FeedLedger ledger, FeedStatus status, InboxWriter inbox, MirrorTarget outbox, String userAgent,
                     Clock clock) {
        this.feeds = feeds;
        this.ledger = ledger;
        this.status = status;
        this.inbox = inbox;
        this.outbox = outbox;
        this.userAgent = userAgent;
        this.clock = clock;
        status.load(feeds, ledger.polls(), clock.instant());
    }

    public Feeds feeds() { return feeds; }

    /**
     * Polls a feed for its scheduled route.
     *
     * @throws FeedPollException when the poll met a fault (an outage, a 5xx after the retries…), so that the
     *                           route's circuit breaker counts it. A poll that only found a setting the source
     *                           contradicts returns: the source answered, and skipping polls would not mend the
     *                           file; the feed's status (and health) says what to change.
     */
    public PollResult poll(String feedId) throws FeedPollException {
        PollResult r = pollNow(feedId);
        if (r.faulted()) throw new FeedPollException(r);
        return r;
    }

    /** Polls a feed now, waiting for a poll of it already running; a failure is in the result, never thrown. */
    public PollResult pollNow(String feedId) {
        Feed feed = feeds.require(feedId);
        ReentrantLock lock = locks.computeIfAbsent(feedId, id -> new ReentrantLock());
        lock.lock();
        try {
            FeedPoll poll = new FeedPoll(feed, client(feed), LinkPolicy.of(feed), ledger, inbox, outbox, clock);
            try {
                FeedAdapter.of(feed.kind()).poll(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                poll.failed("interrupted: Podium is stopping");
            } catch (RuntimeException e) {
                poll.failed("the poll stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.debug("{}: poll stopped", feedId, e);
            }
            // a mirror's documents are in the outbox: its index lists them now, not at the next publication
            if (poll.mirrored()) outbox.writeIndex();
            PollResult r = poll.finish();
            record(feed, r);
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Polls, one after another, the enabled feeds whose cron has fired since their last poll (or never polled). */
    public List<PollResult> pollDue() {
        Instant now = clock.instant();
        Map<String, FeedLedger.PollRecord> last = ledger.polls();
        List<PollResult> out = new ArrayList<>();
        for (Feed f : feeds.enabled()) {
            FeedLedger.PollRecord r = last.get(f.id());
            if (due(f, r == null ? null : r.lastPollAt(), now)) {
                out.add(pollNow(f.id()));
            } else {
                LOG.info("{}: not due (last polled {}, next at {})", f.id(), r.lastPollAt(), FeedStatus.nextFire(f, now));
            }
        }
        return out;
    }

    /** Polls every enabled feed now, one after another. */
    public List<PollResult> pollAll() {
        List<PollResult> out = new ArrayList<>();
        for (Feed f : feeds.enabled()) out.add(pollNow(f.id()));
        return out;
    }

    /** True when the feed's cron has fired after {@code lastPoll} and not after {@code now}, or it was never polled. */
    static boolean due(Feed feed, Instant lastPoll, Instant now) {
        if (lastPoll == null) return true;
        Date next = feed.cronExpression().getNextValidTimeAfter(Date.from(lastPoll));
        return next != null && !next.toInstant().isAfter(now);
    }

    /**
     * The feed route's circuit-breaker fallback: the poll failed (already logged and recorded) or was not
     * run because the breaker is open.
     */
    public void fallback(String feedId, Throwable cause) {
        Feed feed = feeds.require(feedId);
        if (cause instanceof FeedPollException) {
            LOG.warn("{}: the poll failed and counts against the feed's circuit breaker: {}", feedId, cause.getMessage());
            return;
        }
        String why = cause == null ? "the feed's circuit breaker is open after failed polls" : cause.getMessage();
        status.problem(feed, "poll skipped: " + why, clock.instant());
        LOG.warn("{}: poll skipped: {}; polls go through again once the breaker half-opens "
                + "(podium.poll.breaker.wait-seconds)", feedId, why);
    }

    private void record(Feed feed, PollResult r) {
        status.polled(feed, r);
        try {
            ledger.pollFinished(r);
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot remember the poll in the store: {}", feed.id(), e.getMessage());
        }
        FeedStatus.State s = status.of(feed.id()).orElseThrow();
        long ms = Duration.between(r.startedAt(), r.finishedAt()).toMillis();
        String line = "{}: polled in {} ms, {} request(s): {}; last success {}, last error {}, next poll {}";
        Object[] args = {feed.id(), ms, r.requests(), r.summary(), s.lastSuccessAt() == null ? "never" : s.lastSuccessAt(),
                s.lastError() == null ? "none" : s.lastErrorAt() + " (" + s.lastError() + ")",
                s.nextFireAt() == null ? "none (disabled)" : s.nextFireAt()};
        if (r.failed()) LOG.warn(line, args);
        else LOG.info(line, args);
    }

    private FeedClient client(Feed feed) {
        return clients.computeIfAbsent(feed.id(), id -> new FeedClient(feed, LinkPolicy.of(feed), userAgent));
    }

    @Override
    public void close() {
        clients.values().forEach(FeedClient::close);
        clients.clear();
    }
}
