package org.podium.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The latest notice published for an invitation, as the notice ledger keeps it: what the planner
 * compares the current decision with.
 */
public record PublishedNotice(String invitationId, int seq, NoticeState state, Recipient recipient, boolean entitled) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PublishedNotice {
        Objects.requireNonNull(invitationId, "invitationId");
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** What the ledger records once a planned notice is published. */
    public static PublishedNotice of(PlannedNotice n) {
        return new PublishedNotice(n.invitation().id(), n.seq(), n.state(), n.recipient(), n.entitled());
    }

    /**
     * Read back from a notice's JSON document as it was written ({@link NoticeDocument#json}): a
     * ledger that keeps the document needs nothing else.
     *
     * @throws IllegalArgumentException when the text is not such a document
     */
    public static PublishedNotice fromJson(String json) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a notice document: " + e.getMessage(), e);
        }
        if (doc == null || !NoticeDocument.SCHEMA.equals(doc.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + NoticeDocument.SCHEMA + " document");
        }
        JsonNode r = doc.path("recipient");
        String key = r.path("key").asText();
        String car = r.path("car").isTextual() ? r.path("car").asText() : null;
        String suffix = car == null ? "" : "#" + car;
        if (!key.endsWith(suffix)) throw new IllegalArgumentException("recipient key " + key + " does not name car " + car);
        List<String> drivers = new ArrayList<>();
        r.path("drivers").forEach(d -> drivers.add(d.asText()));
        Recipient recipient = new Recipient(r.path("team").asText(), key.substring(0, key.length() - suffix.length()), car,
                drivers);
        return new PublishedNotice(doc.path("invitation").path("id").asText(), doc.path("seq").asInt(),
                NoticeState.valueOf(doc.path("state").asText()), recipient, doc.path("entitled").asBoolean());
    }
}
