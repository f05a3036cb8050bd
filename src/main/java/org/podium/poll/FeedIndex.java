package org.podium.poll;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Podium feed index (docs/formats.md, Podium JSON): {@code {"schema":"podium.feed-index/1","documents":[{"url","sha256","updated"}]}};
 * a Podium serving its outbox adds each document's {@code kind} and {@code version}, which a mirror needs.
 */
public record FeedIndex(List<Document> documents) {

    public static final String SCHEMA = "podium.feed-index/1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @param url     as the index writes it, relative to the index or absolute
     * @param sha256  of the document's bytes, lower case
     * @param updated when it last changed, or null
     * @param kind    the outbox's kind of the document ({@code standings}…), or null: what a Podium serving its
     *                outbox adds, for a mirror
     * @param version the document's version in that outbox, or null
     */
    public record Document(String url, String sha256, Instant updated, String kind, Integer version) {
        public Document {
            if (url == null || url.isBlank()) throw new IllegalArgumentException("url must be given");
            Objects.requireNonNull(sha256, "sha256");
            if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("sha256 must be 64 hex digits, was \"" + sha256 + "\"");
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (version != null && version < 1) throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }

        public Document(String url, String sha256, Instant updated) {
            this(url, sha256, updated, null, null);
        }
    }

    public FeedIndex {
        documents = List.copyOf(documents);
    }

    /** @throws IllegalArgumentException naming the field and what is wrong */
    public static FeedIndex parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("a feed index is one JSON object");
        String schema = root.path("schema").asText(null);
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be \"" + SCHEMA + "\", was " + root.path("schema"));
        }
        JsonNode docs = root.path("documents");
        if (!docs.isArray()) throw new IllegalArgumentException("documents must be a list");
        List<Document> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            String where = "documents[" + i + "]";
            if (!d.isObject()) throw new IllegalArgumentException(where + " must be an object {url, sha256, updated}");
            JsonNode url = d.path("url");
            JsonNode sha = d.path("sha256");
            if (!url.isTextual()) throw new IllegalArgumentException(where + ".url must be a text");
            if (!sha.isTextual()) throw new IllegalArgumentException(where + ".sha256 must be a text");
            Instant updated = null;
            JsonNode u = d.path("updated");
            if (!u.isMissingNode() && !u.isNull()) {
                try {
                    updated = Instant.parse(u.asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + ".updated must be an ISO-8601 instant such as 2024-02-10T18:00:00Z, was " + u);
                }
            }
            JsonNode kind = d.path("kind");
            if (!kind.isMissingNode() && !kind.isNull() && !kind.isTextual()) throw new IllegalArgumentException(where + ".kind must be a text");
            JsonNode version = d.path("version");
            if (!version.isMissingNode() && !version.isNull() && !version.isIntegralNumber()) {
                throw new IllegalArgumentException(where + ".version must be a whole number");
            }
            try {
                out.add(new Document(url.asText().strip(), sha.asText().strip(), updated, kind.isTextual() ? kind.asText() : null,
                        version.isIntegralNumber() ? version.intValue() : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (!urls.add(url.asText().strip())) throw new IllegalArgumentException(where + ".url is listed twice: " + url.asText());
        }
        return new FeedIndex(out);
    }
}
