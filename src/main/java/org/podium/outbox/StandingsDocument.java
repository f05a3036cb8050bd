package org.podium.outbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.podium.championship.AppliedAdjustment;
import org.podium.championship.Entrant;
import org.podium.championship.HistoryPoint;
import org.podium.championship.InputDocument;
import org.podium.championship.RoundScore;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SessionScore;
import org.podium.championship.StandingsRow;
import org.podium.championship.StandingsTable;
import org.podium.support.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One standings table of a season as a document ({@code "schema": "podium.standings/1"}), written to
 * {@code outbox/standings/<series>/<season>/<table>.json}; the outbox adds {@code generated} and {@code version}.
 */
public final class StandingsDocument {
    public static final String SCHEMA = "podium.standings/1";

    private StandingsDocument() {}

    /** {@code standings/<series>/<season>/<table>.json}, relative to the outbox. */
    public static String path(SeasonStandings s, StandingsTable t) {
        return "standings/" + s.series() + "/" + s.season() + "/" + t.id() + ".json";
    }

    /**
     * The document's bytes as {@link Json} writes them, field by field in the records' order, nulls left
     * out: the bytes Jackson's record serialization gives ({@link #viaRecords}, which the tests hold this
     * to), at a fraction of its cost; with hundreds of seasons of many tables, writing them out was the
     * largest cost of a recompute.
     */
    public static byte[] json(SeasonStandings s, StandingsTable t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + t.rows().size() * 1500);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            string(g, "series", s.series());
            string(g, "season", s.season());
            string(g, "table", t.id());
            g.writeStringField("ranks", t.ranks().name().toLowerCase(Locale.ROOT));
            g.writeStringField("scope", t.scope().name().toLowerCase(Locale.ROOT));
            string(g, "scopeValue", t.scopeValue());
            if (t.teamScoring() != null) g.writeStringField("teamScoring", t.teamScoring().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeStringField("status", t.status().name().toLowerCase(Locale.ROOT));
            integers(g, "roundsComplete", s.roundsComplete());
            integers(g, "roundsToRun", s.roundsToRun());
            g.writeNumberField("maxSeasonPoints", t.maxSeasonPoints());
            g.writeNumberField("maxRemainingPoints", t.maxRemainingPoints());
            g.writeArrayFieldStart("rows");
            for (StandingsRow r : t.rows()) row(g, r);
            g.writeEndArray();
            g.writeArrayFieldStart("inputs");
            for (InputDocument d : s.inputs()) input(g, d);
            g.writeEndArray();
            if (!s.warnings().isEmpty()) strings(g, "warnings", s.warnings());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void row(JsonGenerator g, StandingsRow r) throws IOException {
        g.writeStartObject();
        integer(g, "rank", r.rank());
        g.writeBooleanField("shared", r.shared());
        g.writeBooleanField("excluded", r.excluded());
        Entrant e = r.entrant();
        g.writeObjectFieldStart("entrant");
        string(g, "key", e.key());
        string(g, "name", e.name());
        string(g, "team", e.team());
        string(g, "carNumber", e.carNumber());
        string(g, "car", e.car());
        strings(g, "drivers", e.drivers());
        strings(g, "crew", e.crew());
        g.writeEndObject();
        g.writeNumberField("points", r.points());
        g.writeArrayFieldStart("rounds");
        for (RoundScore round : r.rounds()) {
            g.writeStartObject();
            g.writeNumberField("round", round.round());
            string(g, "event", round.event());
            g.writeNumberField("points", round.points());
            if (round.sessions() != null) {
                g.writeArrayFieldStart("sessions");
                for (SessionScore x : round.sessions()) session(g, x);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("wins", r.wins());
        g.writeObjectFieldStart("positions");
        for (Map.Entry<Integer, Integer> p : r.positions().entrySet()) {
            g.writeFieldName(String.valueOf(p.getKey()));
            if (p.getValue() == null) g.writeNull();
            else g.writeNumber(p.getValue());
        }
        g.writeEndObject();
        string(g, "tieBreak", r.tieBreak());
        g.writeArrayFieldStart("adjustments");
        for (AppliedAdjustment a : r.adjustments()) {
            g.writeStartObject();
            if (a.type() != null) g.writeStringField("type", a.type().name());
            if (a.points() != null) g.writeNumberField("points", a.points());
            integer(g, "round", a.round());
            string(g, "session", a.session());
            string(g, "reason", a.reason());
            string(g, "reference", a.reference());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("history");
        for (HistoryPoint h : r.history()) {
            g.writeStartObject();
            g.writeNumberField("round", h.round());
            integer(g, "rank", h.rank());
            g.writeNumberField("points", h.points());
            integer(g, "change", h.change());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "sources", r.sources());
        g.writeEndObject();
    }

    private static void session(JsonGenerator g, SessionScore x) throws IOException {
        g.writeStartObject();
        string(g, "sessionKey", x.sessionKey());
        if (x.type() != null) g.writeStringField("type", x.type().name());
        g.writeNumberField("race", x.race());
        string(g, "kind", x.kind());
        string(g, "carNumber", x.carNumber());
        if (x.status() != null) g.writeStringField("status", x.status().name());
        integer(g, "position", x.position());
        g.writeNumberField("points", x.points());
        string(g, "note", x.note());
        g.writeEndObject();
    }

    private static void input(JsonGenerator g, InputDocument d) throws IOException {
        g.writeStartObject();
        string(g, "sessionKey", d.sessionKey());
        string(g, "document", d.document());
        string(g, "sha256", d.sha256());
        if (d.status() != null) g.writeStringField("status", d.status().name());
        integer(g, "version", d.version());
        string(g, "event", d.event());
        string(g, "session", d.session());
        if (d.type() != null) g.writeStringField("type", d.type().name());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) g.writeNumberField(name, value);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values == null) return;
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void integers(JsonGenerator g, String name, List<Integer> values) throws IOException {
        if (values == null) return;
        g.writeArrayFieldStart(name);
        for (Integer v : values) {
            if (v == null) g.writeNull();
            else g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /**
     * The same document through Jackson's serialization of the records: the reference {@link #json} is
     * held to by the tests (a field added to a record and not to {@link #json} shows there).
     */
    public static byte[] viaRecords(SeasonStandings s, StandingsTable t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("series", s.series());
        doc.put("season", s.season());
        doc.put("table", t.id());
        doc.put("ranks", t.ranks().name().toLowerCase(Locale.ROOT));
        doc.put("scope", t.scope().name().toLowerCase(Locale.ROOT));
        doc.put("scopeValue", t.scopeValue());
        if (t.teamScoring() != null) doc.put("teamScoring", t.teamScoring().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("status", t.status().name().toLowerCase(Locale.ROOT));
        doc.put("roundsComplete", s.roundsComplete());
        doc.put("roundsToRun", s.roundsToRun());
        doc.put("maxSeasonPoints", t.maxSeasonPoints());
        doc.put("maxRemainingPoints", t.maxRemainingPoints());
        doc.put("rows", t.rows());
        doc.put("inputs", s.inputs());
        if (!s.warnings().isEmpty()) doc.put("warnings", s.warnings());
        return Json.bytes(doc);
    }
}
