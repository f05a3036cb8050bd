package org.podium.outbox;

import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsTable;
import org.podium.combined.CombinedClassification;
import org.podium.model.SeasonRef;
import org.podium.model.SessionResult;
import org.podium.recompute.Classification;
import org.podium.recompute.LoadedSession;
import org.podium.recompute.Publication;
import org.podium.store.StoredDocument;

import java.util.List;

/**
 * Writes what a recompute produced into the outbox: each changed season's current session results
 * ({@code results/<series>/<season>/}) and standings ({@code standings/<series>/<season>/<table>.json}),
 * the combined classifications ({@code combined/<invitation>.json}), the invitation notices, then the
 * index. Unchanged documents are not rewritten; notices are never rewritten.
 */
public final class Publisher {

    private final Outbox outbox;
    private final NoticeDesk notices;
    private final java.util.Map<String, String> publishedResults = new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.function.BooleanSupplier backlog = () -> false;
    private long maxIndexDelayNanos;
    private long indexWrittenNanos = System.nanoTime();

    public Publisher(Outbox outbox, NoticeDesk notices) {
        this.outbox = outbox;
        this.notices = notices;
    }

    /**
     * While {@code backlog} says more seasons wait to be published, a publication puts its files in place
     * but leaves {@code index.json} as it is, for at most {@code maxDelayMillis} since it was last written:
     * each rewrite lists every file of the outbox, and a backfill publishes many times a second. The
     * publication that empties the backlog always writes it.
     */
    public Publisher deferIndexWhile(java.util.function.BooleanSupplier backlog, long maxDelayMillis) {
        this.backlog = backlog;
        this.maxIndexDelayNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        return this;
    }

    /** @return what was published, and how many files were written */
    public Publication publish(Classification c) {
        int written = 0;
        for (SeasonRef season : c.changed()) written += publishResults(season, c.sessionsOf(season));
        for (SeasonStandings s : c.standings()) written += publishStandings(s);
        for (CombinedClassification cc : c.combined().values()) {
            if (outbox.publish(CombinedDocument.path(cc), "combined", CombinedDocument.json(cc))) written++;
        }
        written += notices.publish(c.decisions()).size() * 2;
        if (System.nanoTime() - indexWrittenNanos < maxIndexDelayNanos && backlog.getAsBoolean()) {
            outbox.flush();
        } else {
            outbox.writeIndex();
            indexWrittenNanos = System.nanoTime();
        }
        return new Publication(c.changed(), c.computedFrom(), written);
    }

    public int publishStandings(SeasonStandings s) {
        int written = 0;
        for (StandingsTable t : s.tables()) {
            if (outbox.publish(StandingsDocument.path(s, t), "standings", StandingsDocument.json(s, t))) written++;
        }
        return written;
    }

    /**
     * The season's sessions as the recompute loaded them: the store is not read again.
     *
     * @return how many result files were written (unchanged ones are not)
     */
    public int publishResults(SeasonRef season, List<LoadedSession> sessions) {
        int written = 0;
        for (LoadedSession loaded : sessions) {
            StoredDocument d = loaded.document();
            // The current version already published by this instance needs no second look.
            if (d.sha256().equals(publishedResults.get(d.sessionKey()))) continue;
            SessionResult r = loaded.result();
            if (outbox.publish(SessionDocument.path(season, r), "session-result", SessionDocument.json(r, d))) written++;
            publishedResults.put(d.sessionKey(), d.sha256());
        }
        return written;
    }
}
