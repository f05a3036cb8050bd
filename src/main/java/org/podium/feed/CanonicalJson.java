package org.podium.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;

import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.Gap;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

/**
 * Podium's canonical session-result JSON ({@value SessionResult#SCHEMA}, docs/formats.md, Podium JSON):
 * the writer puts keys in one fixed order and leaves null fields out, so the same result always
 * gives the same bytes; the reader accepts what the writer writes, tolerates unknown fields, and
 * names the field of every problem ({@code entries[2].laps}).
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    // ---------------------------------------------------------------- writing

    /** The result as pretty-printed UTF-8 JSON. */
    public static byte[] write(SessionResult r) {
        return write(r, true);
    }

    /**
     * The result as UTF-8 JSON on one line: the same fields in the same order, for what only a program
     * reads (the store keeps it, the outbox parses it again); about half the bytes of {@link #write}.
     */
    public static byte[] writeCompact(SessionResult r) {
        return write(r, false);
    }

    private static byte[] write(SessionResult r, boolean indented) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((indented ? 4096 : 1024) + r.entries().size() * (indented ? 600 : 300));
        try (JsonGenerator g = JsonInput.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (indented) {
                DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
                g.setPrettyPrinter(pretty);
            }
            g.writeStartObject();
            writeFields(g, r);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The result's fields, in the canonical order, into an object the caller opened (and closes, after
     * any fields of its own): how a published session document is written in Podium's own JSON style.
     */
    public static void writeFields(JsonGenerator g, SessionResult r) throws IOException {
        g.writeStringField("schema", SessionResult.SCHEMA);
        g.writeStringField("series", r.series());
        g.writeStringField("season", r.season());
        writeEvent(g, r.event());
        writeSession(g, r.session());
        g.writeStringField("status", r.status().name());
        g.writeBooleanField("statusReported", r.statusReported());
        if (r.source() != null) writeSource(g, r.source());
        g.writeArrayFieldStart("entries");
        for (Entry e : r.entries()) writeEntry(g, e);
        g.writeEndArray();
    }

    private static void writeEvent(JsonGenerator g, Event e) throws IOException {
        g.writeObjectFieldStart("event");
        g.writeNumberField("round", e.round());
        g.writeStringField("name", e.name());
        string(g, "circuit", e.circuit());
        if (e.date() != null) g.writeStringField("date", e.date().toString());
        g.writeEndObject();
    }

    private static void writeSession(JsonGenerator g, Session s) throws IOException {
        g.writeObjectFieldStart("session");
        g.writeStringField("type", s.type().name());
        integer(g, "race", s.race());
        g.writeStringField("name", s.name());
        string(g, "kind", s.kind());
        integer(g, "hour", s.hour());
        if (s.plannedDuration() != null) g.writeStringField("plannedDuration", s.plannedDuration().toString());
        g.writeEndObject();
    }

    private static void writeSource(JsonGenerator g, Source s) throws IOException {
        g.writeObjectFieldStart("source");
        string(g, "format", s.format());
        string(g, "document", s.document());
        string(g, "sha256", s.sha256());
        if (s.publishedAt() != null) g.writeStringField("publishedAt", s.publishedAt().toString());
        g.writeEndObject();
    }

    private static void writeEntry(JsonGenerator g, Entry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("position", e.position());
        integer(g, "classPosition", e.classPosition());
        g.writeStringField("number", e.number());
        string(g, "team", e.team());
        string(g, "class", e.carClass());
        string(g, "cup", e.cup());
        string(g, "group", e.group());
        string(g, "division", e.division());
        g.writeArrayFieldStart("drivers");
        for (Driver d : e.drivers()) {
            g.writeStartObject();
            g.writeStringField("firstName", d.firstName());
            g.writeStringField("lastName", d.lastName());
            string(g, "nationality", d.nationality());
            if (d.category() != null) g.writeStringField("category", d.category().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        string(g, "car", e.car());
        string(g, "tyres", e.tyres());
        g.writeStringField("status", e.status().name());
        g.writeNumberField("laps", e.laps());
        if (e.totalTimeMs() != null) g.writeNumberField("totalTimeMs", e.totalTimeMs());
        writeGap(g, "gap", e.gap());
        writeGap(g, "gapPrevious", e.gapPrevious());
        if (e.bestLap() != null) {
            g.writeObjectFieldStart("bestLap");
            integer(g, "lap", e.bestLap().lap());
            g.writeNumberField("timeMs", e.bestLap().timeMs());
            if (e.bestLap().kph() != null) g.writeNumberField("kph", e.bestLap().kph());
            g.writeEndObject();
        }
        integer(g, "sourceLine", e.sourceLine());
        g.writeEndObject();
    }

    private static void writeGap(JsonGenerator g, String name, Gap gap) throws IOException {
        if (gap == null) return;
        g.writeObjectFieldStart(name);
        if (gap.timeMs() != null) g.writeNumberField("timeMs", gap.timeMs());
        else g.writeNumberField("laps", gap.laps());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) g.writeNumberField(name, value);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a session result. The size limit is the caller's; nesting depth, string, name and number
     * length, document length, token count and duplicate keys are limited here ({@link Json}), and
     * the entries and each car's drivers by {@link FeedLimits}.
     */
    public static SessionResult read(byte[] json) throws FeedException {
        JsonNode root;
        try (JsonParser p = JsonInput.FACTORY.createParser(json)) {
            try {
                root = JsonInput.MAPPER.readTree(p);
            } catch (StreamConstraintsException e) {
                throw overLimit(e, p);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
            Integer column = at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
            throw new FeedException(new Problem(line, column, null, "not valid JSON: " + firstLine(e.getOriginalMessage())),
                    "fix the JSON document");
        } catch (IOException e) {
            throw new FeedException(Problem.of("not readable JSON: " + e.getMessage()), "fix the JSON document");
        }
        if (root == null || !root.isObject()) {
            throw new FeedException(Problem.of("a JSON object was expected"), "a session result is one JSON object");
        }
        JsonNode schema = root.get("schema");
        FormatDetector.checkSchema(schema != null && schema.isTextual() ? schema.asText() : null, null);

        Reader r = new Reader();
        String series = r.name(root, "series");
        String season = r.name(root, "season");
        Event event = r.event(root.get("event"));
        Session session = r.session(root.get("session"));
        ResultStatus status = r.enumValue(root, "status", ResultStatus.class, true);
        Boolean statusReported = r.bool(root, "statusReported");
        Source source = r.source(root.get("source"));
        List<Entry> entries = new ArrayList<>();
        JsonNode list = root.get("entries");
        if (list == null || list.isNull()) {
            r.problem("entries", "missing; a session result lists its entries");
        } else if (!list.isArray()) {
            r.problem("entries", "expected an array");
        } else if (list.size() > FeedLimits.MAX_ROWS) {
            r.problem("entries", list.size() + " entries, over the limit of " + FeedLimits.MAX_ROWS
                    + " for one classification (a real one has fewer than 100 cars)");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Entry e = r.entry(list.get(i), "entries[" + i + "]");
                if (e != null) entries.add(e);
            }
        }
        if (!r.problems.isEmpty()) {
            throw r.problems.exception("correct the named fields; see the sample session-result.json for the layout");
        }
        return new SessionResult(series, season, event, session, status, source,
                statusReported == null || statusReported, entries);
    }

    /** A limit of {@link Json} hit while reading, at the place the parser had reached (Jackson names none). */
    static FeedException overLimit(StreamConstraintsException e, JsonParser p) {
        JsonLocation at = p.currentLocation();
        Integer line = at.getLineNr() < 1 ? null : at.getLineNr();
        Integer column = at.getColumnNr() < 1 ? null : at.getColumnNr();
        return new FeedException(new Problem(line, column, null, "the document is over a limit: " + firstLine(e.getOriginalMessage())),
                "a session result is far smaller and simpler; check that this is the right file");
    }

    /** A Jackson error in one line, with where it happened. */
    static String describe(JsonProcessingException e) {
        String m = firstLine(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? m : m + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The first line of a Jackson message, without the name of the setting behind a limit. */
    private static String firstLine(String m) {
        if (m == null) return "unreadable";
        int nl = m.indexOf('\n');
        String line = nl >= 0 ? m.substring(0, nl) : m;
        return line.replaceAll(", from `[^`]*`", "");
    }

    /** Maps the tree field by field, collecting every problem with its path. */
    private static final class Reader {
        final Problems problems = new Problems();

        void problem(String path, String message) { problems.add(Problem.field(path, message)); }

        /** A name the store keys sessions by, null (and a problem) when it is longer than it keeps. */
        String within(String s, String path, int maxChars) {
            if (s == null || s.length() <= maxChars) return s;
            problem(path, "a name of " + s.length() + " characters, over the limit of " + maxChars);
            return null;
        }

        /** A required id that names a folder downstream (series, season). */
        String name(JsonNode n, String field) {
            String s = string(n, field, true);
            try {
                return MetadataResolver.safeName(s, FeedLimits.MAX_ID_CHARS);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        private static String path(String parent, String name) {
            return parent == null ? name : parent + "." + name;
        }

        Event event(JsonNode n) {
            if (!object(n, "event")) return null;
            Integer round = integer(n, "event", "round", true);
            String name = within(string(n, "event", "name", true), "event.name", FeedLimits.MAX_NAME_CHARS);
            String circuit = string(n, "event", "circuit", false);
            LocalDate date = null;
            String d = string(n, "event", "date", false);
            if (d != null) {
                try {
                    date = LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    problem("event.date", "\"" + d + "\" is not an ISO date such as 2023-12-02");
                }
            }
            if (round == null || name == null) return null;
            try {
                return new Event(round, name, circuit, date);
            } catch (IllegalArgumentException e) {
                problem("event", e.getMessage());
                return null;
            }
        }

        Session session(JsonNode n) {
            if (!object(n, "session")) return null;
            SessionType type = enumValue(n, "session", "type", SessionType.class, true);
            String name = within(string(n, "session", "name", true), "session.name", FeedLimits.MAX_NAME_CHARS);
            Integer race = integer(n, "session", "race", false);
            String kind = string(n, "session", "kind", false);
            Integer hour = integer(n, "session", "hour", false);
            Duration planned = null;
            String p = string(n, "session", "plannedDuration", false);
            if (p != null) {
                try {
                    planned = Duration.parse(p);
                } catch (DateTimeParseException e) {
                    problem("session.plannedDuration", "\"" + p + "\" is not an ISO-8601 duration such as PT4H");
                }
            }
            if (type == null || name == null) return null;
            try {
                return new Session(type, name, race, kind, hour, planned);
            } catch (IllegalArgumentException e) {
                problem("session", e.getMessage());
                return null;
            }
        }

        Source source(JsonNode n) {
            if (n == null || n.isNull()) return null;
            if (!object(n, "source")) return null;
            Instant published = instant(n, "source", "publishedAt");
            return new Source(string(n, "source", "format", false), string(n, "source", "document", false),
                    string(n, "source", "sha256", false), published);
        }

        Entry entry(JsonNode n, String at) {
            if (!object(n, at)) return null;
            int before = problems.count();
            Integer position = integer(n, at, "position", true);
            Integer classPosition = integer(n, at, "classPosition", false);
            String number = string(n, at, "number", true);
            List<Driver> drivers = drivers(n.get("drivers"), path(at, "drivers"));
            EntryStatus status = enumValue(n, at, "status", EntryStatus.class, true);
            Integer laps = integer(n, at, "laps", false);
            Long total = longValue(n, at, "totalTimeMs");
            Gap gap = gap(n.get("gap"), path(at, "gap"));
            Gap gapPrevious = gap(n.get("gapPrevious"), path(at, "gapPrevious"));
            BestLap best = bestLap(n.get("bestLap"), path(at, "bestLap"));
            Integer sourceLine = integer(n, at, "sourceLine", false);
            String team = string(n, at, "team", false);
            String car = string(n, at, "car", false);
            String carClass = string(n, at, "class", false);
            String cup = string(n, at, "cup", false);
            String group = string(n, at, "group", false);
            String division = string(n, at, "division", false);
            String tyres = string(n, at, "tyres", false);
            if (problems.count() > before) return null;
            return new Entry(position, classPosition, number, team, drivers, car, carClass, cup, group, division,
                    tyres, status, laps == null ? 0 : laps, total, gap, gapPrevious, best, sourceLine);
        }

        private List<Driver> drivers(JsonNode n, String at) {
            List<Driver> drivers = new ArrayList<>();
            if (n == null || n.isNull()) return drivers;
            if (!n.isArray()) {
                problem(at, "expected an array of drivers");
                return drivers;
            }
            if (n.size() > FeedLimits.MAX_DRIVERS_PER_CAR) {
                problem(at, n.size() + " drivers, over the limit of " + FeedLimits.MAX_DRIVERS_PER_CAR + " for one car");
                return drivers;
            }
            for (int i = 0; i < n.size(); i++) {
                String p = at + "[" + i + "]";
                JsonNode d = n.get(i);
                if (!object(d, p)) continue;
                String first = string(d, p, "firstName", false);
                String last = string(d, p, "lastName", true);
                String nationality = string(d, p, "nationality", false);
                DriverCategory category = enumValue(d, p, "category", DriverCategory.class, false);
                if (last == null) continue;
                if (last.isBlank()) {
                    problem(p + ".lastName", "empty; every driver needs a last name");
                    continue;
                }
                drivers.add(new Driver(first, last, nationality, category));
            }
            return drivers;
        }

        private Gap gap(JsonNode n, String at) {
            if (n == null || n.isNull()) return null;
            if (!object(n, at)) return null;
            Long time = longValue(n, at, "timeMs");
            Integer laps = integer(n, at, "laps", false);
            if ((time == null) == (laps == null)) {
                problem(at, "a gap has either timeMs or laps");
                return null;
            }
            return new Gap(time, laps);
        }

        private BestLap bestLap(JsonNode n, String at) {
            if (n == null || n.isNull()) return null;
            if (!object(n, at)) return null;
            Integer lap = integer(n, at, "lap", false);
            Long time = longValue(n, at, "timeMs");
            Double kph = null;
            JsonNode k = n.get("kph");
            if (k != null && !k.isNull()) {
                if (k.isNumber() && Double.isFinite(k.doubleValue())) kph = k.doubleValue();
                else problem(path(at, "kph"), "expected a number");
            }
            if (time == null) {
                problem(path(at, "timeMs"), "missing; a best lap has a time");
                return null;
            }
            if (time < 0) {
                problem(path(at, "timeMs"), "negative lap time " + time);
                return null;
            }
            return new BestLap(lap, time, kph);
        }

        private boolean object(JsonNode n, String at) {
            if (n == null || n.isNull()) {
                problem(at, "missing");
                return false;
            }
            if (!n.isObject()) {
                problem(at, "expected an object");
                return false;
            }
            return true;
        }

        String string(JsonNode n, String name, boolean required) { return string(n, null, name, required); }

        String string(JsonNode n, String at, String name, boolean required) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) {
                if (required) problem(path(at, name), "missing");
                return null;
            }
            if (!v.isTextual()) {
                problem(path(at, name), "expected a string, found " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                return null;
            }
            return v.asText();
        }

        Integer integer(JsonNode n, String at, String name, boolean required) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) {
                if (required) problem(path(at, name), "missing");
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                problem(path(at, name), "expected a whole number, found " + v);
                return null;
            }
            return v.intValue();
        }

        Long longValue(JsonNode n, String at, String name) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) return null;
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                problem(path(at, name), "expected a whole number of milliseconds, found " + v);
                return null;
            }
            return v.longValue();
        }

        Boolean bool(JsonNode n, String name) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) return null;
            if (!v.isBoolean()) {
                problem(name, "expected true or false");
                return null;
            }
            return v.booleanValue();
        }

        Instant instant(JsonNode n, String at, String name) {
            String s = string(n, at, name, false);
            if (s == null) return null;
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
            } catch (DateTimeParseException e) {
                problem(path(at, name), "\"" + s + "\" is not an ISO-8601 instant such as 2023-12-02T15:40:00+08:00");
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(JsonNode n, String name, Class<E> type, boolean required) {
            return enumValue(n, null, name, type, required);
        }

        <E extends Enum<E>> E enumValue(JsonNode n, String at, String name, Class<E> type, boolean required) {
            String s = string(n, at, name, required);
            if (s == null) return null;
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(s.strip())) return e;
            StringBuilder allowed = new StringBuilder();
            for (E e : type.getEnumConstants()) allowed.append(allowed.length() > 0 ? ", " : "").append(e.name());
            problem(path(at, name), "\"" + s + "\" is not one of " + allowed);
            return null;
        }
    }
}
