package org.podium.outbox;

import org.podium.support.Json;
import org.podium.support.Sha256;
import org.podium.support.AtomicFiles;
import org.podium.invitation.InvitationDecision;
import org.podium.outbox.NoticeDocument;
import org.podium.invitation.NoticePlanner;
import org.podium.invitation.PlannedNotice;
import org.podium.invitation.PublishedNotice;
import org.podium.store.LedgerNotice;
import org.podium.store.NoticeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Publishes invitation notices exactly once. The planner compares each decision with the last notice
 * in the ledger; what it plans is recorded in the ledger first (one instance wins a race for the same
 * next notice), then written into {@code outbox/notices/}, which is append-only: a notice file is never
 * rewritten. Notices recorded but not yet written (a crash came in between) are written on the next run.
 */
public final class NoticeDesk {

    private static final Logger LOG = LoggerFactory.getLogger("podium.notices");

    private final NoticeLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final Consumer<LedgerNotice> written;

    public NoticeDesk(NoticeLedger ledger, Outbox outbox, Clock clock) {
        this(ledger, outbox, clock, n -> {});
    }

    /** @param written told of each notice once its files are in the outbox (the metrics count them) */
    public NoticeDesk(NoticeLedger ledger, Outbox outbox, Clock clock, Consumer<LedgerNotice> written) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.written = written;
    }

    /** @return the notices written by this call */
    public List<LedgerNotice> publish(List<InvitationDecision> decisions) {
        // To the second: a notice is read by people, and the same notice gives the same bytes.
        Instant issued = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (InvitationDecision d : decisions) {
            String id = d.invitation().id();
            Optional<PublishedNotice> last = ledger.last(id).map(n -> PublishedNotice.fromJson(n.json()));
            List<PlannedNotice> planned = NoticePlanner.plan(last, d);
            if (planned.isEmpty()) continue;
            List<LedgerNotice> rows = new ArrayList<>();
            for (PlannedNotice p : planned) {
                byte[] json = NoticeDocument.bytes(p, issued);
                rows.add(new LedgerNotice(id, p.seq(), p.state().name(), p.recipient().identity(), p.supersedes(),
                        Sha256.hex(json), NoticeDocument.path(p, "json"), new String(json, StandardCharsets.UTF_8),
                        NoticeDocument.markdown(p, issued), issued, null));
            }
            if (!ledger.record(rows)) {
                LOG.info("{}: notice {} was already recorded by another instance", d.invitation().name(), rows.get(0).seq());
            }
        }
        return writeUnwritten();
    }

    /** Writes the notices the ledger holds but the outbox does not yet. */
    public List<LedgerNotice> writeUnwritten() {
        List<LedgerNotice> written = new ArrayList<>();
        for (LedgerNotice n : ledger.unwritten()) {
            byte[] json = n.json().getBytes(StandardCharsets.UTF_8);
            String md = n.path().replaceAll("\\.json$", ".md");
            AtomicFiles.writeNew(outbox.resolve(n.path()), json);
            AtomicFiles.writeNew(outbox.resolve(md), n.markdown().getBytes(StandardCharsets.UTF_8));
            outbox.record(n.path(), "invitation-notice", json);
            outbox.record(md, "invitation-notice-text", n.markdown().getBytes(StandardCharsets.UTF_8));
            ledger.markWritten(n.invitationId(), n.seq());
            LOG.info("notice published: outbox/{} ({} {})", n.path(), n.state(), recipientOf(json, n.recipientKey()));
            this.written.accept(n);
            written.add(n);
        }
        return written;
    }

    /** The recipient as the notice names it (team, and #car for a car's invitation), for the log. */
    private static String recipientOf(byte[] notice, String key) {
        try {
            var r = Json.MAPPER.readTree(notice).path("recipient");
            String team = r.path("team").asText("");
            if (team.isEmpty()) return key;
            return r.path("car").isTextual() ? team + " #" + r.path("car").asText() : team;
        } catch (java.io.IOException e) {
            return key;
        }
    }
}
