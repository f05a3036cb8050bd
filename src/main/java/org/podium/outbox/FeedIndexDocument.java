package org.podium.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.support.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The outbox as a {@code podium.feed-index/1} (docs/formats.md, "Podium JSON"): every document the ledger
 * records, each {@code url} its outbox path relative to the index, with its {@code kind} and {@code version}
 * for a mirror. It carries no time of its own, so that its ETag changes only when a document does.
 */
public final class FeedIndexDocument {

    public static final String SCHEMA = "podium.feed-index/1";

    private FeedIndexDocument() {}

    public static byte[] bytes(List<Outbox.Entry> entries) {
        ObjectNode index = Json.object();
        index.put("schema", SCHEMA);
        ArrayNode docs = index.putArray("documents");
        for (Outbox.Entry e : entries) {
            ObjectNode d = docs.addObject();
            d.put("url", encode(e.path()));
            d.put("sha256", e.sha256());
            d.put("updated", e.updated().toString());
            d.put("kind", e.kind());
            d.put("version", e.version());
        }
        return Json.bytes(index);
    }

    /** Each segment percent-encoded where a URL needs it (a space, a non-ASCII letter); slashes kept. */
    private static String encode(String path) {
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an outbox path that is no URI path: " + path, e);
        }
    }
}
