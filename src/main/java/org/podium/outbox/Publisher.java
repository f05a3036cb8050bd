package org.podium.outbox;

import org.podium.model.SeasonRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsTable;
import org.podium.classify.Classification;
import org.podium.combined.CombinedClassification;
import org.podium.combined.CombinedDocument;
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

    public static final String STANDINGS_SCHEMA = "podium.standings/1";

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
            String path = "standings/" + s.series() + "/" + s.season() + "/" + t.id() + ".json";
            if (outbox.publish(path, "standings", standingsDocument(s, t))) written++;
        }
        return written;
    }

    static ObjectNode standingsDocument(SeasonStandings s, StandingsTable t) {
        ObjectNode doc = Json.object();
        doc.put("schema", STANDINGS_SCHEMA);
        doc.put("series", s.series());
        doc.put("season", s.season());
        doc.put("table", t.id());
        doc.put("ranks", t.ranks().name().toLowerCase());
        doc.put("scope", t.scope().name().toLowerCase());
        doc.put("scopeValue", t.scopeValue());
        if (t.teamScoring() != null) doc.put("teamScoring", t.teamScoring().name().toLowerCase().replace('_', '-'));
        doc.put("status", t.status().name().toLowerCase());
        doc.set("roundsComplete", Json.MAPPER.valueToTree(s.roundsComplete()));
        doc.set("roundsToRun", Json.MAPPER.valueToTree(s.roundsToRun()));
        doc.put("maxSeasonPoints", t.maxSeasonPoints());
        doc.put("maxRemainingPoints", t.maxRemainingPoints());
        doc.set("rows", Json.MAPPER.valueToTree(t.rows()));
        doc.set("inputs", Json.MAPPER.valueToTree(s.inputs()));
        if (!s.warnings().isEmpty()) doc.set("warnings", Json.MAPPER.valueToTree(s.warnings()));
        return doc;
    }

    /** @return how many result files were written (unchanged ones are not) */
    public int publishResults(SeasonRef season) {
        int written = 0;
        for (StoredDocument d : store.currentDocuments(season)) {
            // The current version already published by this instance needs no second look.
            if (d.sha256().equals(publishedResults.get(d.sessionKey()))) continue;
            SessionResult r = store.load(d.id());
            String path = "results/" + season.series() + "/" + season.season() + "/"
                    + String.format("%02d", r.event().round()) + "-" + r.session().key() + ".json";
            ObjectNode doc = sessionDocument(r, d);
            if (outbox.publish(path, "session-result", doc)) written++;
            publishedResults.put(d.sessionKey(), d.sha256());
        }
        return written;
    }

    static ObjectNode sessionDocument(SessionResult r, StoredDocument d) {
        try {
            JsonNode canonical = Json.MAPPER.readTree(CanonicalJson.write(r));
            ObjectNode doc = (ObjectNode) canonical;
            doc.put("documentVersion", d.version());
            doc.putArray("inputs").addObject()
                    .put("sha256", d.sha256())
                    .put("document", d.documentName())
                    .put("received", d.receivedAt().toString());
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
