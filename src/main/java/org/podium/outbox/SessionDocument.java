package org.podium.outbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.podium.feed.CanonicalJson;
import org.podium.model.SeasonRef;
import org.podium.model.SessionResult;
import org.podium.store.StoredDocument;
import org.podium.support.Json;

import java.io.ByteArrayOutputStream;
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

    /**
     * The document's bytes as {@link Json} writes them: the canonical fields, then the stored version and
     * the file it came from, written straight out (no tree is built and written again).
     */
    public static byte[] json(SessionResult r, StoredDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + r.entries().size() * 800);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            CanonicalJson.writeFields(g, r);
            g.writeNumberField("documentVersion", d.version());
            g.writeArrayFieldStart("inputs");
            g.writeStartObject();
            g.writeStringField("sha256", d.sha256());
            g.writeStringField("document", d.documentName());
            g.writeStringField("received", d.receivedAt().toString());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
