package org.podium.outbox;

import org.podium.support.Sha256;
import org.podium.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Writes {@code outbox/report/index.html} from what the outbox holds, the rejection reports in
 * {@code inbox/.failed/} and the feeds' state. A publish, a rejection or a feed poll marks the report stale; in the daemon it is rewritten by its own
 * route at most every {@code podium.report.interval}, so that a burst of publications costs one report
 * and the report never delays a notice; while a backlog is being worked through (seasons waiting to be
 * recomputed) it waits longer still, up to a bound ({@link #deferWhile}); a run that ends by itself ({@code once}, {@code rebuild},
 * {@code demo}) writes it as soon as its last publication is done ({@link #writeNowIfStale()}). A report whose content did not change is not rewritten; a changed one
 * is written atomically and recorded in the outbox index with kind {@value #KIND}.
 */
public final class ReportWriter {

    public static final String PATH = "report/index.html";
    public static final String KIND = "report";

    private static final Logger LOG = LoggerFactory.getLogger("podium.report");

    private final Outbox outbox;
    private final Path inbox;
    private final Clock clock;
    private final Supplier<List<ReportInputs.Feed>> feeds;

    /** A report without a feeds section's content (no feed known). */
    public ReportWriter(Outbox outbox, Path inbox, Clock clock) {
        this(outbox, inbox, clock, List::of);
    }

    /** @param feeds the configured feeds as polling last saw them, asked for each time the report is written */
    public ReportWriter(Outbox outbox, Path inbox, Clock clock, Supplier<List<ReportInputs.Feed>> feeds) {
        this(outbox, inbox, clock, feeds, List::of);
    }

    /** @param deliveries the webhook targets and their queues, asked for each time the report is written */
    public ReportWriter(Outbox outbox, Path inbox, Clock clock, Supplier<List<ReportInputs.Feed>> feeds,
                        Supplier<List<ReportInputs.Target>> deliveries) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.feeds = feeds;
        this.deliveries = deliveries;
    }

    private final Supplier<List<ReportInputs.Target>> deliveries;

    private final AtomicBoolean stale = new AtomicBoolean(true);
    /**
     * When the report last went stale: a backlog defers it for at most {@link #maxDeferMillis} from then
     * (none yet: the first report is not deferred).
     */
    private volatile long staleSinceMillis = Long.MIN_VALUE;
    /** A report of a large outbox takes a while to write: the next one waits a few times as long. */
    private volatile long notBeforeMillis;
    private volatile BooleanSupplier backlog = () -> false;
    private volatile long maxDeferMillis;

    /** The outbox changed: the report is to be rewritten. */
    public void stale() {
        if (stale.compareAndSet(false, true)) staleSinceMillis = clock.millis();
    }

    /**
     * While {@code backlog} says more publications are on their way, {@link #writeIfStale()} leaves the
     * report stale, for at most {@code maxDeferMillis} after it went stale: every report of a backfill
     * re-reads the whole outbox, and the next publication would make it stale again at once.
     */
    public ReportWriter deferWhile(BooleanSupplier backlog, long maxDeferMillis) {
        this.backlog = backlog;
        this.maxDeferMillis = maxDeferMillis;
        return this;
    }

    public boolean isStale() { return stale.get(); }

    /**
     * Rewrites the report when a publish made it stale, unless the last one was so slow that writing
     * again now would take more than a fifth of a CPU: then it stays stale until the next call.
     */
    public synchronized boolean writeIfStale() {
        if (!stale.get()) return false;
        long now = clock.millis();
        if (now < notBeforeMillis) return false;
        if (staleSinceMillis != Long.MIN_VALUE && now - staleSinceMillis < maxDeferMillis && backlog.getAsBoolean()) {
            return false;
        }
        return rewrite();
    }

    /** Rewrites the report now when it is stale, whatever the last write cost: the run is about to end. */
    public synchronized boolean writeNowIfStale() {
        if (!stale.get()) return false;
        return rewrite();
    }

    private boolean rewrite() {
        stale.set(false);
        long started = clock.millis();
        try {
            return write();
        } catch (RuntimeException e) {
            stale();
            throw e;
        } finally {
            long took = clock.millis() - started;
            notBeforeMillis = clock.millis() + 4 * took;
        }
    }

    /**
     * Writes the page by streaming: the body goes to a hidden temporary file while its SHA-256 is taken;
     * when it differs from the current page's, the page (head, body, tail) is streamed into place.
     *
     * @return true when the report was written, false when it was already up to date
     */
    public boolean write() {
        ReportInputs inputs = ReportInputs.read(outbox.root(), inbox).withFeeds(feeds.get())
                .withDeliveries(deliveries.get());
        Path target = outbox.resolve(PATH);
        Path body = target.resolveSibling("." + target.getFileName() + ".body." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = Sha256.digest();
            try (Writer w = new OutputStreamWriter(new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(body), 64 * 1024), digest), StandardCharsets.UTF_8)) {
                ReportPage.body(inputs, w);
            }
            String sha = Sha256.hex(digest);
            if (sha.equals(ReportPage.bodySha256(target))) return false;
            Instant now = clock.instant();
            String pageSha = AtomicFiles.stream(target, out -> {
                Writer page = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                ReportPage.page(sha, now, ReportPage.bodyFrom(body), page);
                page.flush();
            });
            outbox.recordHash(PATH, KIND, pageSha);
            outbox.writeIndex();
            LOG.info("report written: outbox/{} ({} seasons, {} standings tables, {} notices, {} rejected files)", PATH,
                    inputs.seasons().size(), inputs.tableCount(), inputs.notices().size(), inputs.rejections().size());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(body);
            } catch (IOException ignored) {
                // a hidden .tmp, removed by a later start's sweep
            }
        }
    }
}
