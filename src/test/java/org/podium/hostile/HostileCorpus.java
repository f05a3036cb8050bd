package org.podium.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files made to hurt a results pipeline: each is generated here (nothing large is kept in git), named by
 * where it is dropped in the inbox. Each must end rejected with a clear report or be accepted with
 * its dangerous content neutralised, costing no other file anything.
 */
public final class HostileCorpus {
    private HostileCorpus() {}

    public static final String RACE_HEADER = "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;"
            + "GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;";

    /** A valid two-car race file whose first team name is {@code team}. */
    public static String race(String team) {
        return "\uFEFF" + RACE_HEADER + "\r\n"
                + "1;91;" + team + ";Anna EXAMPLE;Ben SAMPLE;;;Porsche 911 GT3 R;M;GT;;;Classified;118;4:00'01.000;;;5;1'58.000;170.0;;\r\n"
                + "2;7;Pretend Racing;Kai ZERO;Lea NONE;;;Aston Martin Vantage;M;GT;;;Classified;118;4:00'05.000;4.000;4.000;6;1'58.500;169.0;;\r\n";
    }

    /** Inbox path → content. Paths under {@code alms/2023-24/…} carry valid metadata. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        String dir = "alms/2023-24/01_Sepang/Race 1/";
        String q = "alms/2023-24/01_Sepang/Qualifying 1/";

        // JSON bombs
        f.put("hostile/deep-nesting.json", utf8("[".repeat(100_000) + "]".repeat(100_000)));
        f.put("hostile/deep-object.json", utf8("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)));
        f.put("hostile/huge-array.json", utf8("{\"schema\":\"podium.session-result/1\",\"entries\":[" + "0,".repeat(2_000_000) + "0]}"));
        f.put("hostile/huge-string.json", utf8("{\"schema\":\"podium.session-result/1\",\"series\":\"" + "x".repeat(5_000_000) + "\"}"));
        f.put("hostile/billion-keys.json", utf8("{" + repeatJoin("\"k%d\":1", 300_000, ",") + "}"));
        f.put("hostile/huge-number.json", utf8(canonical("\"laps\": 1" + "0".repeat(5000))));
        f.put("hostile/negative-laps.json", utf8(canonical("\"laps\": -5")));
        f.put("hostile/nan-time.json", utf8(canonical("\"laps\": 10, \"totalTimeMs\": -1")));
        f.put("hostile/wrong-types.json", utf8(canonical("\"laps\": \"many\"")));
        f.put("hostile/script-team.json", utf8(canonicalTeam("<script>alert('x')</script>")));
        f.put("hostile/formula-team.json", utf8(canonicalTeam("=cmd|' /C calc'!A0")));
        f.put("hostile/traversal-series.json", utf8(canonicalSeries("../../etc")));
        // a series Podium knows, with a season that would climb out of the outbox folder it names
        f.put("hostile/traversal-season.json", utf8(canonical("\"laps\": 10").replace("\"season\":\"2023-24\"", "\"season\":\"../../../escaped\"")));
        f.put("hostile/long-season.json", utf8(canonical("\"laps\": 10").replace("\"season\":\"2023-24\"", "\"season\":\"" + "9".repeat(300) + "\"")));
        f.put("hostile/many-entries.json", utf8(manyEntries(5_000)));
        // the store keys a session by its name: a name longer than the key must be refused, not retried
        f.put("hostile/long-session-name.json", utf8(canonical("\"laps\": 10").replace("\"name\":\"Race 1\"", "\"name\":\"Race " + "1".repeat(5_000) + "\"")));

        // CSV bombs
        f.put(dir + "100k-columns.CSV", utf8("\uFEFF" + repeatJoin("C%d", 100_000, ";") + ";\r\n" + repeatJoin("%d", 100_000, ";") + ";\r\n"));
        f.put(dir + "ten-million-char-line.CSV", utf8(RACE_HEADER + "\r\n1;91;" + "A".repeat(10_000_000) + ";\r\n"));
        f.put(dir + "repetition-bomb.CSV", utf8(RACE_HEADER + "\r\n" + "1;91;T;A B;;;;V;M;GT;;;Classified;1;1'00.000;;;1;1'00.000;1;;\r\n".repeat(200_000)));
        f.put(dir + "invalid-utf8.CSV", invalidUtf8());
        f.put(dir + "nul-bytes.CSV", utf8(race("Nul\u0000Team")));
        f.put(dir + "only-nuls.CSV", new byte[10_000]);
        f.put(dir + "huge-position.CSV", utf8(race("Big").replace("\r\n1;91;", "\r\n99999999999999999999;91;")));
        f.put(dir + "huge-laps.CSV", utf8(race("Big").replace(";Classified;118;", ";Classified;99999999999999999999;")));
        f.put(dir + "negative-laps.CSV", utf8(race("Neg").replace(";Classified;118;", ";Classified;-118;")));
        f.put(dir + "huge-hours.CSV", utf8(race("Big").replace("4:00'01.000", "999999999999:00'01.000")));
        f.put(dir + "only-header.CSV", utf8(RACE_HEADER + "\r\n"));
        f.put(dir + "header-only-bom.CSV", utf8("\uFEFF"));
        f.put(dir + "crlf-only.CSV", utf8("\r\n".repeat(100_000)));
        f.put(dir + "quotes-everywhere.CSV", utf8(race("\"\"\"\"\"").replace(";", "\";\"")));
        f.put(dir + "zip-disguised.CSV", new byte[]{0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0});
        f.put(dir + "utf16.CSV", race("Utf Sixteen").getBytes(StandardCharsets.UTF_16));
        f.put(dir + "many-short-columns.CSV", utf8(RACE_HEADER + ";".repeat(400) + "\r\n" + race("Short").split("\r\n")[1] + "\r\n"));
        f.put(dir + "every-row-bad.CSV", utf8(RACE_HEADER + "\r\n" + everyRowBad(2_000)));
        f.put(q + "wide-100k-drivers.CSV", utf8("POS;NUMBER;LAP;TIME;TEAM;CLASS;" + repeatJoin("DRIVER%d_FIRSTNAME", 20_000, ";") + ";\r\n1;7;3;1:59.000;T;GT;" + "A;".repeat(20_000) + "\r\n"));

        // Dangerous content in an otherwise valid file: accepted, neutralised wherever it is shown
        f.put(dir + "formula-injection_Official.CSV", utf8(race("=cmd|' /C calc'!A0")));
        f.put("alms/2023-24/01_Sepang/Race 2/script-in-names_Official.CSV", utf8(race("<script>alert(1)</script><img src=x onerror=alert(2)>")));
        f.put("alms/2023-24/02_Dubai/Race/plus-formula_Official.CSV", utf8(race("+SUM(1;2)@HYPERLINK(\"http://x\")")));
        f.put(AT_FORMULA, utf8(race(AT_FORMULA_TEAM)));
        f.put(BIDI, utf8(race(BIDI_TEAM)));

        // HTML bombs
        f.put("gtwc-europe/2023/02_Brands Hatch/Race 1/nested-tables.html", utf8("<html><body>" + "<table><tr><td>".repeat(20_000) + "</body></html>"));
        f.put("gtwc-europe/2023/02_Brands Hatch/Race 2/no-table.html", utf8("<!DOCTYPE html><html><body><h2>Race 2</h2></body></html>"));
        f.put("gtwc-europe/2023/05_Misano/Race 1/million-rows.html", utf8("<html><body><table><tr><th>Pos</th><th>Car #</th><th>Team</th><th>Laps</th></tr>"
                + "<tr><td>1</td><td>7</td><td>T</td><td>1</td></tr>".repeat(300_000) + "</table></body></html>"));
        f.put("gtwc-europe/2023/05_Misano/Race 2/script-cells.html", utf8(sroPage("<script>alert('team')</script>")));
        f.put("gtwc-europe/2023/04_Spa/Race/deep-divs.html", utf8("<html><body>" + "<div>".repeat(100_000) + "</body></html>"));
        f.put("gtwc-europe/2023/04_Spa/Qualifying/many-drivers.html", utf8(sroPage("T").replace("Kai ZERO, Lea NONE",
                String.join(", ", java.util.Collections.nCopies(1_000, "Kai ZERO")))));

        // Path traversal in sidecar metadata: the data file is valid, its sidecar is not
        f.put("alms/2023-24/03_Abu Dhabi/Race 1/traversal_Official.CSV", utf8(race("Traversal")));
        f.put("alms/2023-24/03_Abu Dhabi/Race 1/traversal_Official.CSV.meta.json", utf8("{\"series\":\"../../../etc\",\"season\":\"/etc/passwd\"}"));
        f.put("alms/2023-24/03_Abu Dhabi/Race 2/encoded-traversal_Official.CSV", utf8(race("Encoded")));
        f.put("alms/2023-24/03_Abu Dhabi/Race 2/encoded-traversal_Official.CSV.meta.json", utf8("{\"event\":\"..%2f..%2fetc\",\"session\":\"..\\\\..\\\\x\"}"));
        f.put("alms/2023-24/03_Abu Dhabi/Qualifying 1/huge-sidecar_Official.CSV", utf8(race("Sidecar")));
        f.put("alms/2023-24/03_Abu Dhabi/Qualifying 1/huge-sidecar_Official.CSV.meta.json", utf8("{\"event\":\"" + "x".repeat(2_000_000) + "\"}"));

        // Paths that look like metadata but are not
        f.put("nosuchseries/2023/01_X/Race 1/unknown-series_Official.CSV", utf8(race("Unknown")));
        f.put("alms/2023-24/00_Zero/Race 1/round-zero_Official.CSV", utf8(race("Zero")));
        return f;
    }

    static final String AT_FORMULA = "alms/2023-24/02_Dubai/Race/at-formula_Official.CSV";
    static final String AT_FORMULA_TEAM = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String BIDI = "alms/2023-24/03_Abu Dhabi/Race 2/bidi-team_Official.CSV";
    /** A right-to-left override and a zero-width space: the name shows reversed and two look-alikes differ. */
    static final String BIDI_TEAM = "\u202Egnicar\u202C Te\u200Bam";

    /**
     * The files accepted with something dangerous to show in a team name, and that name: the
     * canonical JSON keeps it exactly, and whatever shows it (a report, a page) must escape it.
     */
    public static Map<String, String> dangerousTeams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hostile/script-team.json", "<script>alert('x')</script>");
        m.put("hostile/formula-team.json", "=cmd|' /C calc'!A0");
        m.put("alms/2023-24/01_Sepang/Race 1/formula-injection_Official.CSV", "=cmd|' /C calc'!A0");
        m.put("alms/2023-24/01_Sepang/Race 2/script-in-names_Official.CSV", "<script>alert(1)</script><img src=x onerror=alert(2)>");
        m.put(AT_FORMULA, AT_FORMULA_TEAM);
        m.put(BIDI, BIDI_TEAM);
        m.put("gtwc-europe/2023/05_Misano/Race 2/script-cells.html", "<script>alert('team')</script>");
        return m;
    }

    /** A session result listing {@code n} cars, each valid. */
    private static String manyEntries(int n) {
        String doc = canonical("\"laps\": 10");
        StringBuilder sb = new StringBuilder(doc.substring(0, doc.indexOf("\"entries\":[") + "\"entries\":[".length()));
        for (int i = 1; i <= n; i++) {
            if (i > 1) sb.append(',');
            sb.append("{\"position\":").append(i).append(",\"number\":\"").append(i).append("\",\"status\":\"CLASSIFIED\",\"laps\":1}");
        }
        return sb.append("]}").toString();
    }

    /** Race rows whose every LAPS reads "many": one problem per row. */
    private static String everyRowBad(int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(';').append(i).append(";T;A B;;;;V;M;GT;;;Classified;many;1:00'00.000;;;1;1'00.000;1;;\r\n");
        }
        return sb.toString();
    }

    private static String canonical(String entryExtra) {
        return "{\"schema\":\"podium.session-result/1\",\"series\":\"alms\",\"season\":\"2023-24\","
                + "\"event\":{\"round\":1,\"name\":\"Sepang\"},\"session\":{\"type\":\"RACE\",\"name\":\"Race 1\",\"race\":1},"
                + "\"status\":\"OFFICIAL\",\"entries\":[{\"position\":1,\"number\":\"9\",\"team\":\"T\",\"class\":\"GT\","
                + "\"drivers\":[{\"firstName\":\"A\",\"lastName\":\"B\"}],\"status\":\"CLASSIFIED\"," + entryExtra + "}]}";
    }

    private static String canonicalTeam(String team) {
        return canonical("\"laps\": 10").replace("\"team\":\"T\"", "\"team\":" + jsonString(team));
    }

    private static String canonicalSeries(String series) {
        return canonical("\"laps\": 10").replace("\"series\":\"alms\"", "\"series\":" + jsonString(series));
    }

    private static String sroPage(String team) {
        return "<!DOCTYPE html><html><head><title>Results | Sprint Cup</title></head><body><h2>Race 2\nMisano\n2023 Results</h2>"
                + "<table><thead><tr><th>Pos</th><th>Car #</th><th>Class</th><th>Drivers</th><th>Team</th><th>Car</th><th>Time</th><th>Laps</th><th>Gap</th></tr></thead>"
                + "<tbody><tr><td>1</td><td>7</td><td>Bronze Cup</td><td>Kai ZERO, Lea NONE</td><td>" + team.replace("<", "&lt;").replace(">", "&gt;")
                + "</td><td>Car</td><td>1:00:00.000</td><td>30</td><td></td></tr></tbody></table></body></html>";
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String repeatJoin(String pattern, int n, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(sep);
            sb.append(pattern.replace("%d", Integer.toString(i)));
        }
        return sb.toString();
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = utf8(RACE_HEADER + "\r\n1;91;");
        out.writeBytes(head);
        out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC});
        out.writeBytes(utf8(";Anna EXAMPLE;;;;V;M;GT;;;Classified;118;4:00'01.000;;;5;1'58.000;170.0;;\r\n"));
        return out.toByteArray();
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static Charset utf8() { return StandardCharsets.UTF_8; }
}
