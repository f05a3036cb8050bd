package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.feed.CanonicalJson;
import org.podium.model.SeasonRef;
import org.podium.model.SessionResult;
import org.podium.store.StoredDocument;
import org.podium.support.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The current version of a session as a document: its canonical JSON ({@code "schema":
 * "podium.session-result/1"}) with the stored version and the file it came from, written to
 * {@code outbox/results/<series>/<season>/<round>-<session>.json}.
 */
public final class SessionDocument {
    private SessionDocument() {}

    /** {@code results/<series>/<season>/<round>-<session>.json}, relative to the outbox. */
    public static String path(SeasonRef season, SessionResult r) {
        return "results/" + season.series() + "/" + season.season() + "/"
                + String.format("%02d", r.event().round()) + "-" + r.session().key() + ".json";
    }

    public static ObjectNode json(SessionResult r, StoredDocument d) {
        try {
            JsonNode canonical = Json.MAPPER.readTree(CanonicalJson.writeCompact(r));
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
