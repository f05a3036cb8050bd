package org.podium.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/**
 * The corpus of real results exports ({@code src/test/resources/samples/real/corpus.tsv}, origins in
 * the README beside it) and an independent reading of each file: a deliberately plain reader that
 * splits lines on {@code ;}, finds columns by header name and turns each cell into the value Podium
 * should store. It uses none of Podium's parsing code (no {@code AlKamelCsvParser}, {@code Timing},
 * {@code DriverNames}, {@code StatusWords}, {@code FeedText}…), so a mistake in one shows as a
 * difference against the other.
 */
public final class RealCorpus {
    private RealCorpus() {}

    /** One corpus file: where it is under {@code samples/}, and where the tests put it in an inbox. */
    public record CorpusFile(String sample, String inboxPath) {
        public byte[] bytes() { return resource("/samples/" + sample); }

        public String series() { return inboxPath.substring(0, inboxPath.indexOf('/')); }

        @Override
        public String toString() { return sample; }
    }

    /** The layout a header shows, by the columns it names. */
    public enum Layout { RACE, WIDE, RESULTS, RESULTS_BY_CLASS }

    /** What the independent reading found in one file. */
    public record Reading(Layout layout, List<Entry> entries) {}

    public static List<CorpusFile> files() {
        List<CorpusFile> files = new ArrayList<>();
        for (String line : new String(resource("/samples/real/corpus.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.strip().split("\t");
            if (cells.length != 2) throw new IllegalStateException("corpus.tsv: not 'sample<TAB>inbox path': " + line);
            files.add(new CorpusFile(cells[0], cells[1]));
        }
        return files;
    }

    static byte[] resource(String name) {
        try (InputStream in = RealCorpus.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the independent reading

    /** Reads a file the plain way; the entries are in overall order, with class positions. */
    public static Reading read(byte[] raw) {
        String text = decode(raw);
        String[] lines = text.split("\r\n|\n", -1);
        int headerIndex = 0;
        while (lines[headerIndex].isBlank()) headerIndex++;
        String[] headerCells = lines[headerIndex].split(";", -1);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < headerCells.length; i++) header.putIfAbsent(clean(headerCells[i]).toUpperCase(Locale.ROOT), i);

        boolean nameBlocks = header.keySet().stream().anyMatch(h -> h.matches("DRIVER\\d*_(FIRSTNAME|SECONDNAME)"));
        Layout layout = header.containsKey("CLASS_TYPE") && header.containsKey("PIC") ? Layout.RESULTS_BY_CLASS
                : nameBlocks ? (header.containsKey("STATUS") ? Layout.RESULTS : Layout.WIDE)
                : Layout.RACE;

        List<Entry> entries = new ArrayList<>();
        Map<Entry, Integer> pics = new HashMap<>();
        int previous = 0;
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            Cells row = new Cells(header, lines[i].split(";", -1));
            int line = i + 1;
            String pos = row.get("POSITION", "POS");
            EntryStatus status = switch (layout) {
                case RACE, RESULTS -> statusOf(row.get("STATUS"));
                case WIDE -> pos == null ? EntryStatus.NOT_CLASSIFIED : EntryStatus.CLASSIFIED;
                case RESULTS_BY_CLASS -> EntryStatus.CLASSIFIED;
            };
            // a car with no place keeps its place in the file (a non-starter, an unranked session car)
            int position = pos == null ? previous + 1 : Integer.parseInt(pos);
            previous = position;

            String timeColumn = switch (layout) {
                case RACE, RESULTS -> "TOTAL_TIME";
                case WIDE -> "TIME";
                case RESULTS_BY_CLASS -> "ELAPSED";
            };
            BestLap best;
            if (layout == Layout.WIDE) {
                String lap = row.get("LAP");
                best = bestLap(row.get("TIME"), lap == null || lap.equals("0") ? null : lap, row.get("KPH"));
            } else {
                best = bestLap(row.get("FL_TIME", "BEST_LAP_TIME"), row.get("FL_LAPNUM", "BEST_LAP_NUM"),
                        row.get("FL_KPH", "BEST_LAP_KPH"));
            }
            String printedClass = row.get("CLASS");
            String carClass = layout == Layout.RACE || layout == Layout.WIDE ? printedClass : null;
            String cup = switch (layout) {
                case RESULTS -> printedClass;
                case RESULTS_BY_CLASS -> row.get("CLASS_TYPE");
                default -> row.get("CUP");
            };
            String laps = row.get("LAPS");
            Entry e = new Entry(position, null, row.get("NUMBER"), row.get("TEAM"), drivers(layout, header, row),
                    row.get("VEHICLE"), carClass, cup, row.get("GROUP"), row.get("DIVISION"), row.get("TYRES", "TIRES"),
                    status, laps == null ? 0 : Integer.parseInt(laps), millis(row.get(timeColumn)),
                    gap(row.get("GAP_FIRST")), gap(row.get("GAP_PREVIOUS")), best, line);
            entries.add(e);
            if (layout == Layout.RESULTS_BY_CLASS) pics.put(e, Integer.parseInt(row.get("PIC")));
        }
        if (layout == Layout.RESULTS_BY_CLASS) {
            // listed class by class; overall order is POS order, and PIC is printed: it is the class position
            entries.sort(Comparator.comparingInt(Entry::position));
            return new Reading(layout, entries.stream().map(e -> e.withClassPosition(pics.get(e))).toList());
        }
        // class position: the car's place among the cars of its CLASS, in file order
        Map<String, Integer> counts = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) out.add(e.withClassPosition(counts.merge(String.valueOf(e.carClass()), 1, Integer::sum)));
        return new Reading(layout, out);
    }

    /** UTF-8 (its byte-order mark dropped); bytes that are not UTF-8 are read as Windows-1252. */
    static String decode(byte[] raw) {
        int from = raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] body = Arrays.copyOfRange(raw, from, raw.length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    /** A cell without the spaces around it, no-break spaces too. */
    static String clean(String s) {
        return s.replace('\u00A0', ' ').strip();
    }

    private record Cells(Map<String, Integer> header, String[] cells) {
        /** The first of the named columns the header has, cleaned; null when empty or absent. */
        String get(String... names) {
            for (String name : names) {
                Integer i = header.get(name);
                if (i == null) continue;
                String v = i < cells.length ? clean(cells[i]) : "";
                return v.isEmpty() ? null : v;
            }
            return null;
        }

        /** The cell as written, or "" when absent. */
        String raw(String name) {
            Integer i = header.get(name);
            return i == null || i >= cells.length ? "" : cells[i];
        }
    }

    private static List<Driver> drivers(Layout layout, Map<String, Integer> header, Cells row) {
        List<Driver> drivers = new ArrayList<>();
        switch (layout) {
            case RACE -> {
                for (int n = 1; n <= 9; n++) {
                    String name = row.get("DRIVER_" + n);
                    if (name == null) continue;
                    Driver d = split(name);
                    // an all-capital name: Al Kamel writes a missing given name as a leading space
                    // (" BANKCY"), so without that space the first word is the given name ("PJ HYETT")
                    boolean leadingSpace = row.raw("DRIVER_" + n).startsWith(" ");
                    if (d.firstName().isEmpty() && !leadingSpace && name.contains(" ")) {
                        d = new Driver(name.substring(0, name.indexOf(' ')), name.substring(name.indexOf(' ') + 1).strip(), null, null);
                    }
                    drivers.add(d);
                }
            }
            case RESULTS_BY_CLASS -> {
                String name = row.get("DRIVER");
                if (name != null) drivers.add(split(name));
            }
            case WIDE, RESULTS -> {
                // the unnumbered block of single-driver championships first, then DRIVER1_, DRIVER2_…
                List<String> prefixes = new ArrayList<>(List.of("DRIVER_"));
                for (int n = 1; n <= 9; n++) prefixes.add("DRIVER" + n + "_");
                for (String p : prefixes) {
                    if (!header.containsKey(p + "FIRSTNAME") && !header.containsKey(p + "SECONDNAME")) continue;
                    String first = row.get(p + "FIRSTNAME");
                    String second = row.get(p + "SECONDNAME");
                    if (first == null && second == null) continue;
                    Driver named = second == null ? split(first) : new Driver(first, second, null, null);
                    drivers.add(new Driver(named.firstName(), named.lastName(), row.get(p + "COUNTRY"),
                            category(row.get(p + "LICENSE"))));
                }
            }
        }
        return drivers;
    }

    /** "Given FAMILY": the family name is the run of words at the end without a lower-case letter, else the last word. */
    static Driver split(String name) {
        List<String> words = List.of(name.strip().split("\\s+"));
        int family = words.size();
        while (family > 0 && !words.get(family - 1).chars().anyMatch(Character::isLowerCase)) family--;
        if (family == words.size()) family = words.size() - 1;
        return new Driver(String.join(" ", words.subList(0, family)), String.join(" ", words.subList(family, words.size())),
                null, null);
    }

    private static DriverCategory category(String licence) {
        if (licence == null) return null;
        return switch (licence.toUpperCase(Locale.ROOT)) {
            case "P", "PLATINUM" -> DriverCategory.PLATINUM;
            case "G", "GOLD" -> DriverCategory.GOLD;
            case "S", "SILVER" -> DriverCategory.SILVER;
            case "B", "BRONZE" -> DriverCategory.BRONZE;
            default -> null;
        };
    }

    private static EntryStatus statusOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "classified" -> EntryStatus.CLASSIFIED;
            case "not classified", "nc" -> EntryStatus.NOT_CLASSIFIED;
            case "retired", "dnf" -> EntryStatus.RETIRED;
            case "disqualified", "dsq" -> EntryStatus.DISQUALIFIED;
            case "not started", "did not start", "dns" -> EntryStatus.DID_NOT_START;
            case "excluded" -> EntryStatus.EXCLUDED;
            default -> throw new IllegalArgumentException("a status word the corpus reader does not know: " + word);
        };
    }

    /** {@code 4:00'04.690}, {@code 45:15.035}, {@code 1'36.144}, {@code 2:26.900}, {@code 28.869}, {@code +0.186}. */
    static Long millis(String time) {
        if (time == null) return null;
        String t = time.startsWith("+") ? time.substring(1) : time;
        String[] parts = t.split("[:']");
        String[] seconds = parts[parts.length - 1].split("\\.");
        long ms = Long.parseLong(seconds[0]) * 1000;
        if (seconds.length == 2) ms += Long.parseLong((seconds[1] + "000").substring(0, 3));
        long unit = 60_000;
        for (int i = parts.length - 2; i >= 0; i--, unit *= 60) ms += Long.parseLong(parts[i]) * unit;
        return ms;
    }

    /** Empty or {@code -} for the leader, {@code N Laps} / {@code 1 Lap}, else a time. */
    static Gap gap(String text) {
        if (text == null || text.equals("-")) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("lap") || lower.endsWith("laps")) {
            return Gap.laps(Integer.parseInt(lower.replace("laps", "").replace("lap", "").replace("+", "").strip()));
        }
        return Gap.time(millis(text));
    }

    private static BestLap bestLap(String time, String lap, String kph) {
        if (time == null) return null;
        return new BestLap(lap == null ? null : Integer.valueOf(lap), millis(time), kph == null ? null : Double.valueOf(kph));
    }
}
