package org.podium.poll;

import org.podium.support.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One poll of one feed, as the adapters see it: fetch a page, fetch a document into the inbox, report a
 * problem. Every fetch is logged on one line with its outcome, and counted.
 */
final class FeedPoll {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    private final Feed feed;
    private final FeedClient client;
    private final LinkPolicy links;
    private final FeedLedger ledger;
    private final InboxWriter inbox;
    private final MirrorTarget outbox;
    private final Clock clock;
    private final Instant startedAt;
    private final long requestsBefore;
    private final Map<FetchOutcome, Integer> counts = new EnumMap<>(FetchOutcome.class);
    private final List<String> problems = new ArrayList<>();
    private final List<FeedMisconfigured> misconfigurations = new ArrayList<>();
    private boolean failed;
    private boolean mirrored;

    /** @param outbox where a mirror feed writes; null where there is none (a mirror's poll then fails) */
    FeedPoll(Feed feed, FeedClient client, LinkPolicy links, FeedLedger ledger, InboxWriter inbox, MirrorTarget outbox, Clock clock) {
        this.feed = feed;
        this.client = client;
        this.links = links;
        this.ledger = ledger;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.requestsBefore = client.requestsSent();
    }

    Feed feed() { return feed; }

    LinkPolicy links() { return links; }

    /**
     * GETs a page that lists documents (never conditional: what it lists decides what is fetched).
     *
     * @return its bytes, or empty when it could not be had (already logged and counted)
     */
    Optional<byte[]> page(URI uri) throws InterruptedException {
        try {
            Fetched f = client.page(links.check(uri, uri.toString()));
            LOG.info("{}: page {}: fetched ({} bytes)", feed.id(), uri, f.body().length);
            return Optional.of(f.body());
        } catch (Refused e) {
            refused("page " + uri, e.getMessage());
        } catch (FetchFailed e) {
            failed("page " + uri + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Fetches a document into the inbox unless the source says it has not changed (304) or sends the bytes
     * already written.
     *
     * @param parts          its path under the inbox
     * @param expectedSha256 the hash the source announces (a feed index), or null; a document whose bytes
     *                       differ from it is not written
     */
    FetchOutcome document(URI uri, List<String> parts, String expectedSha256) throws InterruptedException {
        return document(uri, parts, expectedSha256, body -> null);
    }

    /**
     * As {@link #document(URI, List, String)}, also refusing a body that {@code notDocument} finds wrong
     * (it returns why, or null when the body is a document).
     */
    FetchOutcome document(URI uri, List<String> parts, String expectedSha256, Function<byte[], String> notDocument)
            throws InterruptedException {
        String url = uri.toString();
        Optional<FeedLedger.KnownDocument> known = ledger.document(feed.id(), url);
        if (expectedSha256 != null && known.isPresent() && expectedSha256.equalsIgnoreCase(known.get().sha256())) {
            return count(FetchOutcome.SAME_HASH, url, "as the index says; not requested");
        }
        Validators validators = known.map(FeedLedger.KnownDocument::validators).orElse(Validators.NONE);
        Fetched f;
        try {
            f = client.get(uri, validators);
        } catch (Refused e) {
            return refused(url, e.getMessage());
        } catch (FetchFailed e) {
            return failed(url + ": " + e.getMessage());
        }
        Validators seen = new Validators(f.etag() != null ? f.etag() : validators.etag(),
                f.lastModified() != null ? f.lastModified() : validators.lastModified());
        if (f.notModified()) {
            ledger.remember(feed.id(), url, seen, null, null, clock.instant());
            return count(FetchOutcome.UNCHANGED, url, "");
        }
        String sha = Sha256.hex(f.body());
        if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(sha)) {
            return failed(url + ": its SHA-256 " + sha + " is not the " + expectedSha256 + " the index gives; not written");
        }
        String wrong = notDocument.apply(f.body());
        if (wrong != null) return refused(url, wrong + "; not written");
        if (known.isPresent() && sha.equals(known.get().sha256())) {
            ledger.remember(feed.id(), url, seen, null, null, clock.instant());
            return count(FetchOutcome.SAME_HASH, url, "(" + sha.substring(0, 12) + "), already in " + known.get().inboxPath());
        }
        String written;
        try {
            written = inbox.write(parts, f.body());
        } catch (Refused e) {
            return refused(url, e.getMessage());
        } catch (UncheckedIOException e) {
            return failed(url + ": " + e.getMessage());
        }
        ledger.remember(feed.id(), url, seen, sha, written, clock.instant());
        return count(FetchOutcome.FETCHED, url, "→ inbox/" + written + " (" + f.body().length + " bytes)");
    }

    /**
     * Copies another Podium's outbox document into this outbox, byte for byte, at {@code path} with the
     * index's kind, version and time of change, unless this outbox already holds those bytes there. The bytes
     * are fetched whole, without validators (the index's hash already says they changed), and written only
     * when their SHA-256 is the index's.
     */
    FetchOutcome mirror(URI uri, String path, FeedIndex.Document d) throws InterruptedException {
        String url = uri.toString();
        if (outbox == null) return failed(url + ": this Podium has no outbox to mirror into");
        if (outbox.holds(path, d.sha256())) return count(FetchOutcome.SAME_HASH, url, "as the index says, already in outbox/" + path);
        Fetched f;
        try {
            f = client.get(uri, Validators.NONE);
        } catch (Refused e) {
            return refused(url, e.getMessage());
        } catch (FetchFailed e) {
            return failed(url + ": " + e.getMessage());
        }
        if (f.notModified()) return failed(url + ": answered 304 to a request without validators");
        String sha = Sha256.hex(f.body());
        if (!d.sha256().equalsIgnoreCase(sha)) {
            return failed(url + ": its SHA-256 " + sha + " is not the " + d.sha256() + " the index gives; not written");
        }
        try {
            outbox.mirror(path, d.kind(), d.version(), d.updated() != null ? d.updated() : clock.instant(), f.body());
        } catch (IllegalArgumentException e) {
            return refused(url, e.getMessage() + "; not written");
        } catch (UncheckedIOException e) {
            return failed(url + ": " + e.getMessage());
        }
        mirrored = true;
        ledger.remember(feed.id(), url, new Validators(f.etag(), f.lastModified()), sha, "outbox/" + path, clock.instant());
        return count(FetchOutcome.FETCHED, url, "→ outbox/" + path + " (version " + d.version() + ", " + f.body().length + " bytes)");
    }

    /** True when this poll wrote a document into the outbox (its index is then to be rewritten). */
    boolean mirrored() { return mirrored; }

    /** Something that makes this poll's answer untrustworthy or incomplete (a portal answer for another event). */
    FetchOutcome failed(String problem) {
        failed = true;
        problems.add(problem);
        LOG.warn("{}: failed {}", feed.id(), problem);
        counts.merge(FetchOutcome.FAILED, 1, Integer::sum);
        return FetchOutcome.FAILED;
    }

    /**
     * A setting the source's own page contradicts: a configuration error, logged at ERROR with the values the
     * page offers. It is not a fault: nothing is retried for it and the feed's circuit breaker does not count it.
     */
    void misconfigured(FeedMisconfigured m) {
        misconfigurations.add(m);
        LOG.error("{}: configuration error: {}", feed.id(), m.message());
    }

    /** A link or document not followed or not kept; the rest of the poll goes on. */
    FetchOutcome refused(String what, String reason) {
        problems.add("refused " + what + ": " + reason);
        LOG.warn("{}: refused {}: {}", feed.id(), what, reason);
        counts.merge(FetchOutcome.REFUSED, 1, Integer::sum);
        return FetchOutcome.REFUSED;
    }

    private FetchOutcome count(FetchOutcome o, String url, String detail) {
        counts.merge(o, 1, Integer::sum);
        LOG.info("{}: {} {}{}", feed.id(), o.label(), url, detail.isEmpty() ? "" : " " + detail);
        return o;
    }

    PollResult finish() {
        return new PollResult(feed.id(), startedAt, clock.instant(), counts, problems, failed, misconfigurations,
                client.requestsSent() - requestsBefore);
    }
}
