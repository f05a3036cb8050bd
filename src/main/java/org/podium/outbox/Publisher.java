package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.feed.CanonicalJson;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.SeasonRef;
import org.podium.store.StoredDocument;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Publishes a season's current session results into {@code outbox/results/<series>/<season>/}. */
public final class Publisher {

    private final ResultStore store;
    private final Outbox outbox;

    public Publisher(ResultStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** @return how many result files were written (unchanged ones are not) */
    public int publishResults(SeasonRef season) {
        int written = 0;
        for (StoredDocument d : store.currentDocuments(season)) {
            SessionResult r = store.load(d.id());
            String path = "results/" + season.series() + "/" + season.season() + "/"
                    + String.format("%02d", r.event().round()) + "-" + r.session().key() + ".json";
            ObjectNode doc = sessionDocument(r, d);
            if (outbox.publish(path, "session-result", doc)) written++;
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
