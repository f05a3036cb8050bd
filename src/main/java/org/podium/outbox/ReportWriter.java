package org.podium.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Writes {@code outbox/report/index.html} after every publish, from what the outbox then holds and the
 * rejection reports in {@code inbox/.failed/}. A report whose content did not change is not rewritten;
 * a changed one is written atomically and recorded in the outbox index with kind {@value #KIND}.
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
