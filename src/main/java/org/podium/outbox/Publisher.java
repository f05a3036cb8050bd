package org.podium.outbox;

import org.podium.model.SeasonRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsTable;
import org.podium.classify.Classification;
import org.podium.combined.CombinedClassification;
import org.podium.feed.CanonicalJson;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.StoredDocument;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes what a recompute produced into the outbox: each changed season's current session results
 * ({@code results/<series>/<season>/}) and standings ({@code standings/<series>/<season>/<table>.json}),
 * the combined classifications ({@code combined/<invitation>.json}), the invitation notices, then the
 * index. Unchanged documents are not rewritten; notices are never rewritten.
 */
public final class Publisher {

    private final ResultStore store;
    private final Outbox outbox;
    private final NoticeDesk notices;
    private final java.util.Map<String, String> publishedResults = new java.util.concurrent.ConcurrentHashMap<>();

    public Publisher(ResultStore store, Outbox outbox, NoticeDesk notices) {
        this.store = store;
        this.outbox = outbox;
        this.notices = notices;
    }

    /** @return how many files were written */
    public int publish(Classification c) {
        int written = 0;
        for (var season : c.changed()) written += publishResults(season);
        for (SeasonStandings s : c.standings()) written += publishStandings(s);
        for (CombinedClassification cc : c.combined().values()) {
            if (outbox.publish(CombinedDocument.path(cc), "combined", CombinedDocument.json(cc))) written++;
        }
        written += notices.publish(c.decisions()).size() * 2;
        outbox.writeIndex();
        return written;
    }

    public int publishStandings(SeasonStandings s) {
        int written = 0;
        for (StandingsTable t : s.tables()) {
            if (outbox.publish(StandingsDocument.path(s, t), "standings", StandingsDocument.json(s, t))) written++;
        }
        return written;
    }

    /** @return how many result files were written (unchanged ones are not) */
    public int publishResults(SeasonRef season) {
        int written = 0;
        for (StoredDocument d : store.currentDocuments(season)) {
            // The current version already published by this instance needs no second look.
            if (d.sha256().equals(publishedResults.get(d.sessionKey()))) continue;
            SessionResult r = store.load(d.id());
            if (outbox.publish(SessionDocument.path(season, r), "session-result", SessionDocument.json(r, d))) written++;
            publishedResults.put(d.sessionKey(), d.sha256());
        }
        return written;
    }
}
