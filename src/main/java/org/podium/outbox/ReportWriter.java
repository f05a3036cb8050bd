package org.podium.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Writes {@code outbox/report/index.html} from what the outbox holds and the rejection reports in
 * {@code inbox/.failed/}. A publish marks the report stale; it is rewritten by its own route at most
 * every {@code podium.report.interval}, so that a burst of publications costs one report and the
 * report never delays a notice. A report whose content did not change is not rewritten; a changed one
 * is written atomically and recorded in the outbox index with kind {@value #KIND}.
 */
public final class ReportWriter {

    public static final String PATH = "report/index.html";
    public static final String KIND = "report";

    private static final Logger LOG = LoggerFactory.getLogger("podium.report");

    private final Outbox outbox;
    private final Path inbox;
    private final Clock clock;

    public ReportWriter(Outbox outbox, Path inbox, Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
    }

    private final java.util.concurrent.atomic.AtomicBoolean stale = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** The outbox changed: the report is to be rewritten. */
    public void stale() { stale.set(true); }

    public boolean isStale() { return stale.get(); }

    /** Rewrites the report when a publish made it stale. */
    public boolean writeIfStale() {
        if (!stale.getAndSet(false)) return false;
        try {
            return write();
        } catch (RuntimeException e) {
            stale.set(true);
            throw e;
        }
    }

    /** @return true when the report was written, false when it was already up to date */
    public boolean write() {
        ReportInputs inputs = ReportInputs.read(outbox.root(), inbox);
        String body = ReportPage.body(inputs);
        String sha = Json.sha256(body.getBytes(StandardCharsets.UTF_8));
        Path target = outbox.resolve(PATH);
        if (sha.equals(ReportPage.bodySha256(target))) return false;
        byte[] page = ReportPage.document(body, sha, clock.instant()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, page);
        outbox.record(PATH, KIND, page);
        outbox.writeIndex();
        LOG.info("report written: outbox/{} ({} standings tables, {} notices, {} rejected files)", PATH,
                inputs.standings().size(), inputs.notices().size(), inputs.rejections().size());
        return true;
    }
}
