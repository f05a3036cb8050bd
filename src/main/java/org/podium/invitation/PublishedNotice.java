package org.podium.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.podium.championship.InputDocument;
import org.podium.model.ResultStatus;
import org.podium.model.SessionType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The latest notice published for an invitation, as the notice ledger keeps it: what the planner
 * compares the current decision with.
 *
 * @param inputs    the results documents it was computed from
 * @param standings the eligible entrants in order, with their figures as printed; empty where the
 *                  notice did not record them
 */
public record PublishedNotice(String invitationId, int seq, NoticeState state, Recipient recipient, boolean entitled,
                              List<InputDocument> inputs, List<Standing> standings) {
    /** The schema of a notice's JSON document. */
    public static final String SCHEMA = "podium.invitation-notice/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PublishedNotice {
        Objects.requireNonNull(invitationId, "invitationId");
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        standings = standings == null ? List.of() : List.copyOf(standings);
    }

    public PublishedNotice(String invitationId, int seq, NoticeState state, Recipient recipient, boolean entitled) {
        this(invitationId, seq, state, recipient, entitled, List.of(), List.of());
    }

    /** This notice as a later one names it. */
    public NoticeRef ref() { return new NoticeRef(seq, state, recipient.display()); }

    /** What the ledger records once a planned notice is published: its figures as the document prints them. */
    public static PublishedNotice of(PlannedNotice n) {
        Invitation inv = n.invitation();
        Measure measure = n.basis().measure();
        List<Standing> printed = n.basis().standings().stream()
                .map(s -> new Standing(s.position(), s.key(), s.name(),
                        NoticeFigures.printed(inv, measure, s.value()).doubleValue(), List.of()))
                .toList();
        return new PublishedNotice(inv.id(), n.seq(), n.state(), n.recipient(), n.entitled(), n.inputs(), printed);
    }

    /**
     * Read back from a notice's JSON document as it was written ({@code org.podium.outbox.NoticeDocument}): a
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
        if (doc == null || !SCHEMA.equals(doc.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + SCHEMA + " document");
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
        List<InputDocument> inputs = new ArrayList<>();
        for (JsonNode i : doc.path("inputs")) {
            inputs.add(new InputDocument(i.path("sessionKey").asText(), text(i, "document"), text(i, "sha256"),
                    ResultStatus.valueOf(i.path("status").asText()),
                    i.path("version").isIntegralNumber() ? i.path("version").asInt() : null, text(i, "event"),
                    text(i, "session"), i.path("type").isTextual() ? SessionType.valueOf(i.path("type").asText()) : null));
        }
        List<Standing> standings = new ArrayList<>();
        for (JsonNode s : doc.path("basis").path("standings")) {
            JsonNode value = s.has("score") ? s.path("score") : s.path("points");
            standings.add(new Standing(s.path("position").asInt(), s.path("key").asText(), s.path("name").asText(),
                    value.asDouble(), List.of()));
        }
        return new PublishedNotice(doc.path("invitation").path("id").asText(), doc.path("seq").asInt(),
                NoticeState.valueOf(doc.path("state").asText()), recipient, doc.path("entitled").asBoolean(), inputs,
                standings);
    }

    private static String text(JsonNode o, String field) {
        return o.path(field).isTextual() ? o.path(field).asText() : null;
    }
}
