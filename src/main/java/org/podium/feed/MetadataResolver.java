package org.podium.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.podium.model.ResultStatus;
import org.podium.model.SessionType;

/**
 * Works out a feed file's metadata (docs/formats.md, metadata from the inbox path) from its path under the inbox,
 * {@code <series>/<season>/<round>_<event>/<session>/[Hour N/]<file>}, its file name (status, hour)
 * and an optional sidecar {@code <file>.meta.json} whose fields override the path.
 */
public final class MetadataResolver {
    /** A sidecar is a handful of fields; anything larger is not one. */
    public static final int MAX_SIDECAR_BYTES = 16 * 1024;

    static final Set<String> SIDECAR_FIELDS = Set.of("series", "season", "round", "event", "circuit", "date",
            "session", "sessionType", "race", "kind", "hour", "status", "plannedDuration");

    private static final String LAYOUT = "inbox/<series>/<season>/<round>_<event>/<session>/";

    private final Set<String> knownSeries;

    public MetadataResolver(Set<String> knownSeries) {
        this.knownSeries = Set.copyOf(knownSeries);
    }

    /**
     * @param relativePath the file's path under the inbox, '/'-separated
     * @param sidecar      the bytes of {@code <file>.meta.json}, or null when there is none
     * @throws MetadataMissing when a required field is given nowhere
     */
    public SessionMetadata resolve(String relativePath, byte[] sidecar) throws FeedException {
        return resolve(relativePath, sidecar, Map.of());
    }

    /**
     * As {@link #resolve(String, byte[])}, with fields given by the caller (a sidecar's fields, held to
     * the same rules, e.g. {@code "round" -> 2}) that override the path's and the sidecar's.
     */
    public SessionMetadata resolve(String relativePath, byte[] sidecar, Map<String, ?> given) throws FeedException {
        List<Problem> problems = new ArrayList<>();
        Draft d = new Draft();
        String fileName = fromPath(relativePath, d, problems);
        if (sidecar != null) fromSidecar(sidecar, fileName, d, problems);
        fromGiven(given, d, problems);
        if (!problems.isEmpty()) throw new FeedException(problems, "fix the sidecar " + sidecarName(fileName) + " or the file's folder names");

        List<String> missing = new ArrayList<>();
        require(d.series, "series", "the first folder under inbox/, e.g. alms", problems, fileName, missing);
        require(d.season, "season", "the second folder, e.g. 2023-24", problems, fileName, missing);
        if (d.round == null && d.roundlessFolder != null) {
            missing.add("round");
            problems.add(Problem.field("round", "the event folder \"" + d.roundlessFolder + "\" gives round 0; rounds are numbered from 1,"
                    + " e.g. 01_Sepang (or give \"round\" in the sidecar " + sidecarName(fileName) + ")"));
        } else {
            require(d.round, "round", "the leading number of the event folder, e.g. 01_Sepang", problems, fileName, missing);
        }
        require(d.event, "event", "the event folder after its round number, e.g. 01_Sepang", problems, fileName, missing);
        require(d.session, "session", "the fourth folder, e.g. Race 1 or Qualifying", problems, fileName, missing);
        if (d.session != null && !d.sessionTypeSet) d.sessionType = sessionTypeOf(d.session);
        if (d.session != null && d.sessionType == null) {
            missing.add("sessionType");
            problems.add(Problem.field("sessionType", "cannot tell the session type from \"" + d.session
                    + "\": add \"sessionType\": \"RACE\", \"QUALIFYING\" or \"PRACTICE\" to the sidecar " + sidecarName(fileName)));
        }
        boolean unknown = d.series != null && !knownSeries.contains(d.series);
        if (unknown) {
            problems.add(Problem.field("series", "unknown series \"" + d.series + "\"; known series are "
                    + String.join(", ", new TreeSet<>(knownSeries))));
        }
        if (!missing.isEmpty()) {
            throw new MetadataMissing(problems, "put the file under " + LAYOUT + " or add a sidecar " + sidecarName(fileName)
                    + " giving the missing fields", missing);
        }
        if (!problems.isEmpty()) {
            throw new FeedException(problems, "use a known series id as the first folder under inbox/ (or \"series\" in the sidecar),"
                    + " or add config/series/<id>.yaml");
        }
        if (!d.raceSet && d.sessionType != SessionType.PRACTICE) d.race = raceNumberOf(d.session);
        return new SessionMetadata(d.series, d.season, d.round, d.event, d.circuit, d.date, d.session, d.sessionType,
                d.race, d.kind, d.hour, d.status, d.finalResult, d.plannedDuration);
    }

    /** The fields as they build up; the sidecar's explicit nulls are told from absent fields by the *Set flags. */
    private static final class Draft {
        String series, season, event, circuit, session, kind;
        /** The event folder, where its leading number was 0. */
        String roundlessFolder;
        Integer round, race, hour;
        LocalDate date;
        SessionType sessionType;
        ResultStatus status = ResultStatus.PROVISIONAL;
        boolean finalResult, sessionTypeSet, raceSet;
        Duration plannedDuration;
    }

    private static String fromPath(String relativePath, Draft d, List<Problem> problems) {
        String p = relativePath == null ? "" : relativePath.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                problems.add(Problem.field("path", "\"" + relativePath + "\" climbs out of the inbox with '..'"));
                return "";
            }
            parts.add(s);
        }
        if (parts.isEmpty()) return "";
        String file = parts.get(parts.size() - 1);
        List<String> folders = parts.subList(0, parts.size() - 1);
        if (folders.size() > 0) d.series = folderName("series", folders.get(0), FeedLimits.MAX_ID_CHARS, problems);
        if (folders.size() > 1) d.season = folderName("season", folders.get(1), FeedLimits.MAX_ID_CHARS, problems);
        if (folders.size() > 2) {
            roundAndEvent(folders.get(2), d);
            d.event = folderName("event", d.event, FeedLimits.MAX_NAME_CHARS, problems);
        }
        if (folders.size() > 3) {
            String session = withoutStamp(folders.get(3));
            d.session = folderName("session", session.isEmpty() ? null : session, FeedLimits.MAX_NAME_CHARS, problems);
        }
        for (int i = 4; i < folders.size(); i++) {
            Integer h = hourIn(folders.get(i));
            if (h != null) d.hour = h;
        }
        Integer h = hourIn(file);
        if (h != null) d.hour = h;
        statusFromFileName(file, d);
        return file;
    }

    /** A name from a folder, held to the same rule as one from a sidecar or a Podium JSON document. */
    private static String folderName(String field, String name, int maxChars, List<Problem> problems) {
        try {
            return safeName(name, maxChars);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.field(field, "the folder name: " + e.getMessage()));
            return null;
        }
    }

    /** {@code 01_Sepang} → round 1, event Sepang; a folder without a leading number gives only the event. */
    private static void roundAndEvent(String folder, Draft d) {
        int i = 0;
        while (i < folder.length() && Character.isDigit(folder.charAt(i)) && i < 4) i++;
        if (i > 0 && i < folder.length() && (folder.charAt(i) == '_' || folder.charAt(i) == ' ' || folder.charAt(i) == '-')) {
            int round = Integer.parseInt(folder.substring(0, i));
            // round 0 is no round: left missing, unless the sidecar gives one
            if (round < 1) d.roundlessFolder = folder;
            else d.round = round;
            String rest = folder.substring(i + 1).strip();
            d.event = rest.isEmpty() ? null : rest;
        } else {
            d.event = folder.strip();
        }
    }

    /** Al Kamel prefixes session folders with a 12-digit local time stamp: {@code 202312021030_Race 1}. */
    static String withoutStamp(String folder) {
        if (folder.length() > 13 && folder.charAt(12) == '_' || folder.length() > 13 && folder.charAt(12) == ' ') {
            boolean digits = true;
            for (int i = 0; i < 12; i++) digits &= Character.isDigit(folder.charAt(i));
            if (digits) return folder.substring(13).strip();
        }
        return folder.strip();
    }

    /** {@code _Provisional}/{@code _Unofficial} → PROVISIONAL; {@code _Official}, {@code _Final} → OFFICIAL. */
    private static void statusFromFileName(String file, Draft d) {
        for (String token : tokens(file)) {
            switch (token) {
                case "provisional", "unofficial" -> {
                    d.status = ResultStatus.PROVISIONAL;
                    d.finalResult = false;
                    return;
                }
                case "final" -> {
                    d.status = ResultStatus.OFFICIAL;
                    d.finalResult = true;
                    return;
                }
                case "official" -> {
                    d.status = ResultStatus.OFFICIAL;
                    d.finalResult = false;
                    return;
                }
                default -> { }
            }
        }
    }

    /**
     * QUALIFYING for Qualifying/Quali/Q1…/Hyperpole, PRACTICE for Practice/FP/Warm, RACE for a name
     * holding "Race"; else null. Qualifying and practice words win over "Race", so that
     * "Qualifying Race 1" (the qualifying that sets race 1's grid) is never scored as a race.
     */
    public static SessionType sessionTypeOf(String name) {
        List<String> tokens = tokens(name);
        for (String t : tokens) {
            if (t.startsWith("quali") || t.equals("hyperpole") || numbered(t, "q")) return SessionType.QUALIFYING;
        }
        for (String t : tokens) {
            if (t.startsWith("practice") || t.startsWith("warm") || t.equals("fp") || numbered(t, "fp")) return SessionType.PRACTICE;
        }
        for (String t : tokens) if (t.startsWith("race")) return SessionType.RACE;
        return null;
    }

    /**
     * The race a session belongs to: {@code Race 2} → 2, {@code Qualifying 2} and
     * {@code Qualifying Race 2} → 2 (the grid it set); {@code Race}, {@code Race after 6 hours},
     * {@code Qualifying} → null.
     */
    public static Integer raceNumberOf(String name) {
        List<String> tokens = tokens(name);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String word = t.startsWith("race") ? "race" : t.startsWith("qualifying") ? "qualifying" : t.startsWith("quali") ? "quali" : null;
            if (word == null) continue;
            String attached = t.substring(word.length());
            if (!attached.isEmpty() && allDigits(attached)) return Integer.valueOf(attached);
            if (attached.isEmpty() && i + 1 < tokens.size() && allDigits(tokens.get(i + 1))) return Integer.valueOf(tokens.get(i + 1));
        }
        return null;
    }

    /** The N of {@code Hour N} (also {@code Hour_N}, {@code HourN}) in a name, or null. */
    static Integer hourIn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf("hour", from);
            if (at < 0) return null;
            int i = at + 4;
            while (i < lower.length() && (lower.charAt(i) == ' ' || lower.charAt(i) == '_')) i++;
            int start = i;
            while (i < lower.length() && Character.isDigit(lower.charAt(i)) && i - start < 3) i++;
            boolean wordStart = at == 0 || !Character.isLetter(lower.charAt(at - 1));
            if (i > start && wordStart) return Integer.valueOf(lower.substring(start, i));
            from = at + 4;
        }
    }

    private static boolean numbered(String token, String prefix) {
        return token.length() > prefix.length() && token.startsWith(prefix) && allDigits(token.substring(prefix.length()));
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty() || s.length() > 3) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    /** Lower-case runs of letters and digits. */
    private static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) i++;
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) i++;
            if (i > start) tokens.add(lower.substring(start, i));
        }
        return tokens;
    }

    private static void require(Object value, String field, String where, List<Problem> problems, String fileName,
                                List<String> missing) {
        if (value != null) return;
        missing.add(field);
        problems.add(Problem.field(field, "missing " + field + ": give it as " + where + " (" + LAYOUT
                + "), or as \"" + field + "\" in the sidecar " + sidecarName(fileName)));
    }

    private static String sidecarName(String fileName) {
        return (fileName == null || fileName.isEmpty() ? "<file>" : fileName) + ".meta.json";
    }

    // ---------------------------------------------------------------- sidecar

    private static void fromSidecar(byte[] raw, String fileName, Draft d, List<Problem> problems) {
        String name = sidecarName(fileName);
        if (raw.length > MAX_SIDECAR_BYTES) {
            problems.add(Problem.field(name, "the sidecar is " + raw.length + " bytes; a sidecar holds a few fields, at most "
                    + MAX_SIDECAR_BYTES + " bytes"));
            return;
        }
        JsonNode root;
        try {
            root = JsonInput.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            problems.add(Problem.field(name, "not valid JSON: " + CanonicalJson.describe(e)));
            return;
        } catch (IOException e) {
            problems.add(Problem.field(name, "not readable: " + e.getMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(Problem.field(name, "a sidecar is one JSON object, e.g. {\"round\": 1, \"event\": \"Sepang\"}"));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (!SIDECAR_FIELDS.contains(key)) {
                problems.add(Problem.field(key, "not a sidecar field; the fields are " + String.join(", ", new TreeSet<>(SIDECAR_FIELDS))));
                continue;
            }
            try {
                apply(key, v, d);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.field(key, e.getMessage()));
            }
        }
    }

    /** Fields given by the caller, applied as a sidecar's are, after it. */
    private static void fromGiven(Map<String, ?> given, Draft d, List<Problem> problems) {
        for (Map.Entry<String, ?> f : given.entrySet()) {
            if (f.getValue() == null) continue;
            if (!SIDECAR_FIELDS.contains(f.getKey())) throw new IllegalArgumentException("not a metadata field: " + f.getKey());
            try {
                apply(f.getKey(), JsonInput.MAPPER.valueToTree(f.getValue()), d);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.field(f.getKey(), e.getMessage()));
            }
        }
    }

    private static void apply(String key, JsonNode v, Draft d) {
        switch (key) {
            case "series" -> d.series = safeName(text(v), FeedLimits.MAX_ID_CHARS);
            case "season" -> d.season = safeName(text(v), FeedLimits.MAX_ID_CHARS);
            case "event" -> d.event = safeName(text(v), FeedLimits.MAX_NAME_CHARS);
            case "session" -> d.session = safeName(text(v), FeedLimits.MAX_NAME_CHARS);
            case "kind" -> d.kind = safeName(text(v), FeedLimits.MAX_NAME_CHARS);
            case "circuit" -> d.circuit = text(v);
            case "round" -> {
                Integer r = integer(v);
                if (r != null && r < 1) throw new IllegalArgumentException("round must be 1 or more, was " + r);
                d.round = r;
            }
            case "race" -> {
                d.race = integer(v);
                d.raceSet = true;
            }
            case "hour" -> d.hour = integer(v);
            case "date" -> {
                String s = text(v);
                try {
                    d.date = s == null ? null : LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"" + s + "\" is not an ISO date such as 2023-12-02");
                }
            }
            case "plannedDuration" -> {
                String s = text(v);
                try {
                    d.plannedDuration = s == null ? null : Duration.parse(s);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("\"" + s + "\" is not an ISO-8601 duration such as PT4H");
                }
            }
            case "sessionType" -> {
                String s = text(v);
                d.sessionTypeSet = s != null;
                d.sessionType = s == null ? null : switch (s.strip().toUpperCase(Locale.ROOT)) {
                    case "RACE" -> SessionType.RACE;
                    case "QUALIFYING" -> SessionType.QUALIFYING;
                    case "PRACTICE" -> SessionType.PRACTICE;
                    default -> throw new IllegalArgumentException("\"" + s + "\" is not RACE, QUALIFYING or PRACTICE");
                };
            }
            case "status" -> {
                String s = text(v);
                if (s == null) throw new IllegalArgumentException("give PROVISIONAL, OFFICIAL or FINAL");
                switch (s.strip().toUpperCase(Locale.ROOT)) {
                    case "PROVISIONAL", "UNOFFICIAL" -> { d.status = ResultStatus.PROVISIONAL; d.finalResult = false; }
                    case "OFFICIAL" -> { d.status = ResultStatus.OFFICIAL; d.finalResult = false; }
                    case "FINAL" -> { d.status = ResultStatus.OFFICIAL; d.finalResult = true; }
                    default -> throw new IllegalArgumentException("\"" + s + "\" is not PROVISIONAL, OFFICIAL or FINAL");
                }
            }
            default -> throw new IllegalStateException(key);
        }
    }

    private static String text(JsonNode v) {
        if (v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("expected a string, found " + v);
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Integer integer(JsonNode v) {
        if (v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new IllegalArgumentException("expected a whole number, found " + v);
        return v.intValue();
    }

    /**
     * Names that become folder and key parts downstream must not be able to climb out of them, nor be
     * longer than the store keeps them.
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static String safeName(String s, int maxChars) {
        if (s == null) return null;
        if (s.length() > maxChars) {
            throw new IllegalArgumentException("a name of " + s.length() + " characters, over the limit of " + maxChars);
        }
        if (s.contains("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("\"" + s + "\" must not contain '..', '/' or '\\'");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) throw new IllegalArgumentException("must not contain control characters (NUL, line breaks…)");
        }
        return s;
    }
}
