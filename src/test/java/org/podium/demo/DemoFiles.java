package org.podium.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads the demo back the way a results consumer would: columns by header or {@code <th>} name, the
 * series, season, round and session from the inbox path. Deliberately independent of the generator
 * and of Podium's own parsers, so that it checks the files rather than repeating their author.
 */
final class DemoFiles {

    static final Path DEMO = Path.of("src/main/resources/demo");

    private DemoFiles() {}

    /** One line of a classification. {@code status} is null where the format has no status column. */
    record Row(int line, int position, String number, String team, String klass, String status, int laps,
               Long timeMs, String gapFirst, String gapPrevious, List<String> drivers, List<String> categories) {}

    /** One published document, where the inbox path puts it. */
    record Document(int step, String stepFolder, String series, String season, int round, String event,
                    String session, String file, String layout, List<Row> rows) {
        boolean race() { return session.startsWith("Race"); }

        boolean qualifying() { return session.startsWith("Qualifying"); }

        String sessionKey() { return series + "/" + season + "/" + round + "/" + session; }
    }

    static List<String> steps(Path demo) {
        try {
            return Files.readAllLines(demo.resolve("steps.txt"), StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Document> load(Path demo) {
        List<Document> out = new ArrayList<>();
        List<String> steps = steps(demo);
        for (int i = 0; i < steps.size(); i++) {
            Path root = demo.resolve("steps").resolve(steps.get(i));
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(read(i + 1, steps.get(i), root.relativize(f), Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The newest document of each session among the first {@code steps} steps. */
    static List<Document> current(List<Document> all, int steps) {
        Map<String, Document> newest = new LinkedHashMap<>();
        for (Document d : all) {
            if (d.step() <= steps) newest.put(d.sessionKey(), d);
        }
        return List.copyOf(newest.values());
    }

    static Document read(int step, String folder, Path relative, byte[] raw) {
        if (relative.getNameCount() != 5) throw new IllegalStateException(relative + ": expected <series>/<season>/<round>_<event>/<session>/<file>");
        String series = relative.getName(0).toString(), season = relative.getName(1).toString();
        String roundEvent = relative.getName(2).toString(), session = relative.getName(3).toString();
        String file = relative.getName(4).toString();
        int us = roundEvent.indexOf('_');
        int round = Integer.parseInt(roundEvent.substring(0, us));
        String event = roundEvent.substring(us + 1);
        String text = decode(raw);
        if (file.endsWith(".html")) return new Document(step, folder, series, season, round, event, session, file, "sro-html", sro(text));
        List<String> header = header(text);
        String layout = header.contains("DRIVER1_FIRSTNAME") ? "alkamel-wide" : "alkamel-race";
        return new Document(step, folder, series, season, round, event, session, file, layout, alkamel(text));
    }

    /** UTF-8 (a BOM is dropped); bytes that are not valid UTF-8 are Windows-1252. */
    static String decode(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, Charset.forName("windows-1252"));
        }
    }

    static List<String> header(String text) {
        String first = text.substring(0, text.indexOf('\n')).replace("\r", "");
        return fields(first).stream().map(h -> h.trim().toUpperCase(Locale.ROOT)).toList();
    }

    /** Fields of a line; the line's own trailing ';' does not make an extra column. */
    private static List<String> fields(String line) {
        List<String> f = new ArrayList<>(Arrays.asList(line.split(";", -1)));
        if (!f.isEmpty() && f.get(f.size() - 1).isEmpty()) f.remove(f.size() - 1);
        return f;
    }

    static List<Row> alkamel(String text) {
        String[] lines = text.split("\r\n");
        List<String> header = header(text);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) col.putIfAbsent(header.get(i), i);
        boolean wide = col.containsKey("DRIVER1_FIRSTNAME");
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isEmpty()) continue;
            List<String> f = fields(lines[n]);
            java.util.function.Function<String, String> get = name -> {
                Integer i = col.get(name);
                if (i == null) throw new IllegalStateException("no column " + name);
                return i < f.size() ? f.get(i) : "";
            };
            List<String> drivers = new ArrayList<>(), categories = new ArrayList<>();
            if (wide) {
                for (int d = 1; d <= 6; d++) {
                    String given = get.apply("DRIVER" + d + "_FIRSTNAME"), family = get.apply("DRIVER" + d + "_SECONDNAME");
                    if (!family.isEmpty()) {
                        drivers.add((given + " " + family).strip());
                        categories.add(get.apply("DRIVER" + d + "_LICENSE"));
                    }
                }
                String time = get.apply("TIME");
                rows.add(new Row(n + 1, Integer.parseInt(get.apply("POS")), get.apply("NUMBER"), get.apply("TEAM"), get.apply("CLASS"),
                        null, Integer.parseInt(get.apply("LAPS")), time.isEmpty() ? null : time(time),
                        get.apply("GAP_FIRST"), get.apply("GAP_PREVIOUS"), drivers, categories));
            } else {
                for (String d : List.of("DRIVER_1", "DRIVER_2", "DRIVER_3", "DRIVER_4", "DRIVER_5")) {
                    if (!get.apply(d).isBlank()) drivers.add(get.apply(d).strip());
                }
                rows.add(new Row(n + 1, Integer.parseInt(get.apply("POSITION")), get.apply("NUMBER"), get.apply("TEAM"), get.apply("CLASS"),
                        get.apply("STATUS"), Integer.parseInt(get.apply("LAPS")), time(get.apply("TOTAL_TIME")),
                        get.apply("GAP_FIRST"), get.apply("GAP_PREVIOUS"), drivers, categories));
            }
        }
        return rows;
    }

    static List<Row> sro(String html) {
        Element table = Jsoup.parse(html).selectFirst("table");
        if (table == null) throw new IllegalStateException("no results table");
        Map<String, Integer> col = new HashMap<>();
        List<Element> th = table.select("thead th");
        for (int i = 0; i < th.size(); i++) col.put(th.get(i).text().trim(), i);
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Element tr : table.select("tbody tr")) {
            n++;
            List<String> cells = tr.select("td").stream().map(Element::text).toList();
            java.util.function.Function<String, String> get = name -> cells.get(col.get(name));
            List<String> drivers = Arrays.stream(get.apply("Drivers").split(",")).map(String::strip).toList();
            rows.add(new Row(n, Integer.parseInt(get.apply("Pos")), get.apply("Car #"), get.apply("Team"), get.apply("Class"), null,
                    Integer.parseInt(get.apply("Laps")), time(get.apply("Time")), get.apply("Gap"), null, drivers, List.of()));
        }
        return rows;
    }

    /** {@code H:MM'SS.mmm}, {@code M'SS.mmm}, {@code M:SS.mmm}, {@code H:MM:SS.mmm} to milliseconds. */
    static long time(String s) {
        String[] parts = s.replace('\'', ':').split(":");
        long ms = Math.round(Double.parseDouble(parts[parts.length - 1]) * 1000);
        long unit = 60_000;
        for (int i = parts.length - 2; i >= 0; i--, unit *= 60) ms += Long.parseLong(parts[i]) * unit;
        return ms;
    }

    /** Whether a gap cell counts laps ({@code 1 Lap}, {@code 3 Laps}, {@code -94 Laps}) rather than time. */
    static boolean isLapGap(String gap) {
        return gap.endsWith("Lap") || gap.endsWith("Laps");
    }

    static int lapsOf(String gap) {
        return Integer.parseInt(gap.substring(0, gap.indexOf(' ')));
    }
}
