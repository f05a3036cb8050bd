package org.podium.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes the bundled demo: a fictional 2023 GT World Challenge Europe and Asia season and a fictional
 * 2023-24 Asian Le Mans Series season, in the formats the timing providers publish (Al Kamel CSV,
 * SRO results pages), split into steps that the demo feeds into an inbox in calendar order.
 *
 * <p>Deterministic: the same program always writes the same bytes ({@code DemoSeasonWriterTest}
 * holds the committed tree to that). The finishing order within each class and cup is designed and
 * written out below; only lap times, gaps and how the classes interleave come from seeded arithmetic.
 * Every team, driver and result is fictional.
 *
 * <p>Run: {@code DemoSeasonWriter [target-folder]} (default {@code src/main/resources/demo}).
 */
public final class DemoSeasonWriter {

    public static final String DEFAULT_TARGET = "src/main/resources/demo";

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : DEFAULT_TARGET);
        write(target);
        System.out.println("demo season written to " + target.toAbsolutePath());
    }

    /** Writes the demo under {@code target}, replacing whatever {@code steps/} held before. */
    public static void write(Path target) throws IOException {
        Path steps = target.resolve("steps");
        if (Files.isDirectory(steps)) {
            try (Stream<Path> walk = Files.walk(steps)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            Path p = target.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }

    /** Every file of the demo by its path relative to the demo folder, '/' separated. */
    public static Map<String, byte[]> files() {
        List<Step> steps = Season.steps();
        Map<String, byte[]> out = new TreeMap<>();
        StringBuilder list = new StringBuilder();
        for (Step s : steps) {
            list.append(s.folder()).append('\n');
            for (Doc d : s.docs()) {
                if (out.put("steps/" + s.folder() + "/" + d.path(), d.bytes()) != null) {
                    throw new IllegalStateException("two documents at " + s.folder() + "/" + d.path());
                }
            }
        }
        out.put("steps.txt", list.toString().getBytes(StandardCharsets.UTF_8));
        out.put("README.md", Readme.text(steps).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private DemoSeasonWriter() {}

    // =========================================================================================
    // Value types
    // =========================================================================================

    /** A driver; {@code given} may be empty (the feed then writes " FAMILY"). License P, G, S or B. */
    record Person(String given, String family, char license, String country, String shortName) {
        Person(String given, String family, char license, String country) {
            this(given, family, license, country, "");
        }

        String display() {
            return given.isEmpty() ? " " + family : given + " " + family;
        }
    }

    /** A car as entered. {@code klass}: the class (Al Kamel) or the cup as the SRO page prints it. */
    record Car(String number, String team, String vehicle, String klass, String tyres, List<Person> crew) {}

    enum Status {
        CLASSIFIED("Classified"), NOT_CLASSIFIED("Not classified"), RETIRED("Retired"), DISQUALIFIED("Disqualified");

        final String word;

        Status(String word) { this.word = word; }
    }

    /** A car's line in a race classification. */
    record Line(Car car, List<Person> drivers, Status status, int laps, long timeMs, int bestLapNo, long bestLapMs) {
        Line withTime(long t) { return new Line(car, drivers, status, laps, t, bestLapNo, bestLapMs); }
    }

    /** A car's line in a qualifying classification; {@code timeMs} is null when it set no time. */
    record QualiLine(Car car, List<Person> drivers, Long timeMs, int bestLapNo, int laps) {}

    /** A car that did not finish classified, and the laps it covered. */
    record Out(String number, Status status, int laps) {}

    /** A class's pace at a venue: the laps its winner covers in the planned time, its typical best lap. */
    record Pace(int leaderLaps, long bestLapMs) {}

    record Track(String event, String circuit, double km) {}

    record Doc(String path, byte[] bytes) {}

    /** One step of the demo: the documents published at one moment. */
    record Step(String folder, LocalDateTime at, String what, List<Doc> docs) {}

    /** A step before it is numbered. */
    record Pending(LocalDateTime at, String slug, String what, List<Doc> docs) {}

    // =========================================================================================
    // Formatting, as the providers write it
    // =========================================================================================

    /** Time, gap and speed formats as observed in Al Kamel's and SRO's published files (docs/formats.md). */
    static final class Fmt {
        private Fmt() {}

        /** Al Kamel TOTAL_TIME: {@code H:MM'SS.mmm}, or {@code M'SS.mmm} under an hour. */
        static String alkamelTotal(long ms) {
            long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, milli = ms % 1000;
            return h > 0 ? String.format(Locale.ROOT, "%d:%02d'%02d.%03d", h, m, s, milli)
                    : String.format(Locale.ROOT, "%d'%02d.%03d", m, s, milli);
        }

        /** Al Kamel lap time and time gap: {@code M'SS.mmm}, or {@code S.mmm} under a minute. */
        static String alkamelShort(long ms) {
            long m = ms / 60_000, s = ms / 1000 % 60, milli = ms % 1000;
            return m > 0 ? String.format(Locale.ROOT, "%d'%02d.%03d", m, s, milli)
                    : String.format(Locale.ROOT, "%d.%03d", s, milli);
        }

        /** Al Kamel writes "Laps" even for one lap, and a negative count where a car is ahead. */
        static String alkamelLaps(int n) { return n + " Laps"; }

        /** Colon lap time {@code M:SS.mmm} (Al Kamel wide layout, SRO qualifying). */
        static String lap(long ms) {
            return String.format(Locale.ROOT, "%d:%02d.%03d", ms / 60_000, ms / 1000 % 60, ms % 1000);
        }

        /** SRO race time {@code H:MM:SS.mmm}. */
        static String sroTime(long ms) {
            return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
        }

        /** {@code +S.mmm}; only ever used for gaps under a minute. */
        static String plusSeconds(long ms) {
            if (ms < 0 || ms >= 60_000) throw new IllegalStateException("gap out of range: " + ms);
            return String.format(Locale.ROOT, "+%d.%03d", ms / 1000, ms % 1000);
        }

        static String sroLaps(int n) { return n == 1 ? "1 Lap" : n + " Laps"; }

        static String kph(double km, long lapMs) {
            return String.format(Locale.ROOT, "%.1f", km * 3_600_000d / lapMs);
        }

        static String html(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        static String slug(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }
    }

    /** A seeded generator per key, so that changing one session never reshuffles another. */
    static Random rng(String key) {
        return new Random(key.hashCode() * 0x9E3779B97F4A7C15L + key.length());
    }

    // =========================================================================================
    // Race and qualifying arithmetic
    // =========================================================================================

    static final class Sim {
        private Sim() {}

        /** A class's cars in finishing order, with optional fixed first gaps and phase (ms). */
        record ClassRun(Pace pace, List<Car> order, long[] gapsMs, Long phaseMs) {
            ClassRun(Pace pace, List<Car> order) { this(pace, order, null, null); }
        }

        /**
         * Lays out a race: the first class holds the overall winner, who takes the flag a fraction of a
         * lap after the planned time; every other car takes it on its next pass, so a car that fell a
         * lap's time behind loses a lap. Cars that did not finish classified go to the bottom.
         *
         * @param leadLapGapCapMs on SRO pages, gaps on the lead lap stay under a minute (their format
         *                        above a minute is not known); null for none
         */
        static List<Line> race(String key, long plannedMs, List<ClassRun> classes, List<Out> outs,
                               Map<String, Car> cars, Function<Car, List<Person>> crew, boolean sprint,
                               Long leadLapGapCapMs) {
            Random r = rng(key);
            ClassRun first = classes.get(0);
            long avg0 = plannedMs / first.pace().leaderLaps();
            long flag = plannedMs + (long) (avg0 * (0.05 + 0.8 * r.nextDouble()));
            // the longer the race, the wider the field spreads
            double spread = Math.pow(Math.max(1.0, plannedMs / (3 * 3_600_000.0)), 0.75);
            List<Line> lines = new ArrayList<>();
            Map<Car, Pace> paceOf = new HashMap<>();
            for (int ci = 0; ci < classes.size(); ci++) {
                ClassRun c = classes.get(ci);
                long avg = plannedMs / c.pace().leaderLaps();
                long off = ci == 0 ? 0 : c.phaseMs() != null ? c.phaseMs() : (long) (avg * (0.05 + 0.8 * r.nextDouble()));
                int laps = c.pace().leaderLaps();
                for (int k = 0; k < c.order().size(); k++) {
                    Car car = c.order().get(k);
                    paceOf.put(car, c.pace());
                    if (k > 0) {
                        long g = c.gapsMs() != null && k - 1 < c.gapsMs().length ? c.gapsMs()[k - 1] : gap(r, sprint, spread);
                        off += g;
                        if (leadLapGapCapMs != null && laps == c.pace().leaderLaps() && off > leadLapGapCapMs) {
                            laps--;
                            off -= leadLapGapCapMs;
                        }
                        while (off >= avg) {
                            off -= avg;
                            laps--;
                        }
                    }
                    long best = c.pace().bestLapMs() + r.nextInt(sprint ? 900 : 1800);
                    lines.add(new Line(car, crew.apply(car), Status.CLASSIFIED, laps, flag + off,
                            2 + r.nextInt(Math.max(1, laps - 3)), best));
                }
            }
            sortClassified(lines);
            List<Line> nc = new ArrayList<>(), dsq = new ArrayList<>();
            for (Out o : outs) {
                Car car = cars.get(o.number());
                Pace p = paceOf.get(car);
                if (p == null) throw new IllegalStateException(key + ": car " + o.number() + " is out but not in any class order");
                long avg = plannedMs / p.leaderLaps();
                long time = o.status() == Status.DISQUALIFIED ? flag + (long) (avg * 0.9 * r.nextDouble())
                        : (long) (o.laps() * avg * (1.0 + 0.04 * r.nextDouble()));
                long best = p.bestLapMs() + 200 + r.nextInt(sprint ? 900 : 1800);
                Line l = new Line(car, crew.apply(car), o.status(), o.laps(), time, 1 + r.nextInt(Math.max(1, o.laps() - 1)), best);
                (o.status() == Status.DISQUALIFIED ? dsq : nc).add(l);
            }
            lines.removeIf(l -> outs.stream().anyMatch(o -> o.number().equals(l.car().number())));
            nc.sort(Comparator.comparingInt(Line::laps).reversed());
            lines.addAll(nc);
            lines.addAll(dsq);
            return lines;
        }

        static void sortClassified(List<Line> lines) {
            lines.sort(Comparator.comparingInt(Line::laps).reversed().thenComparingLong(Line::timeMs));
            for (int i = 1; i < lines.size(); i++) {
                Line a = lines.get(i - 1), b = lines.get(i);
                if (a.laps() == b.laps() && a.timeMs() == b.timeMs()) throw new IllegalStateException("dead heat " + a.car().number() + "/" + b.car().number());
            }
        }

        private static long gap(Random r, boolean sprint, double spread) {
            if (sprint) return 500 + r.nextInt(7500);
            long g = 1500 + r.nextInt(30_000);
            if (r.nextInt(8) == 0) g += 30_000 + r.nextInt(60_000);
            return (long) (g * spread);
        }

        /**
         * A qualifying classification: within each class the cars in the order given (the first one
         * takes the class pole), all classes merged by time; cars in {@code noTime} go to the bottom.
         */
        static List<QualiLine> qualifying(String key, List<ClassRun> classes, Set<String> noTime,
                                          Function<Car, List<Person>> crew, long stepMs) {
            Random r = rng(key);
            List<QualiLine> timed = new ArrayList<>(), none = new ArrayList<>();
            for (ClassRun c : classes) {
                long t = c.pace().bestLapMs() - 900 + r.nextInt(400);
                for (Car car : c.order()) {
                    int lapNo = 2 + r.nextInt(6);
                    if (noTime.contains(car.number())) {
                        none.add(new QualiLine(car, crew.apply(car), null, 0, 1 + r.nextInt(3)));
                        continue;
                    }
                    timed.add(new QualiLine(car, crew.apply(car), t, lapNo, lapNo + 1 + r.nextInt(4)));
                    t += stepMs / 4 + r.nextInt((int) stepMs);
                }
            }
            timed.sort(Comparator.comparingLong(QualiLine::timeMs));
            for (int i = 1; i < timed.size(); i++) {
                if (timed.get(i).timeMs().equals(timed.get(i - 1).timeMs())) throw new IllegalStateException(key + ": equal qualifying times");
            }
            timed.addAll(none);
            return timed;
        }

        /**
         * The overall order of a GT3 field from each cup's order: cups run at their own pace and mix
         * on the road, but never change the order designed within a cup.
         */
        static List<Car> mergeCups(String key, List<Car> field, Map<String, List<String>> designed,
                                   Map<String, Double> cupPace) {
            Random r = rng(key + "/mix");
            Map<String, List<Car>> byCup = new LinkedHashMap<>();
            for (Car c : field) byCup.computeIfAbsent(c.klass(), k -> new ArrayList<>()).add(c);
            for (Map.Entry<String, List<Car>> e : byCup.entrySet()) {
                List<String> want = designed.get(e.getKey());
                if (want == null) {
                    Collections.shuffle(e.getValue(), r);
                } else {
                    Map<String, Car> byNumber = new HashMap<>();
                    for (Car c : e.getValue()) byNumber.put(c.number(), c);
                    if (!byNumber.keySet().equals(new HashSet<>(want))) {
                        throw new IllegalStateException(key + ": " + e.getKey() + " order " + want + " does not match the cars present " + byNumber.keySet());
                    }
                    e.setValue(want.stream().map(byNumber::get).toList());
                }
            }
            record Slot(String cup, double score) {}
            List<Slot> slots = new ArrayList<>();
            for (Map.Entry<String, List<Car>> e : byCup.entrySet()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    slots.add(new Slot(e.getKey(), cupPace.get(e.getKey()) + 1.6 * i + 4 * r.nextDouble()));
                }
            }
            slots.sort(Comparator.comparingDouble(Slot::score));
            Map<String, Integer> next = new HashMap<>();
            List<Car> order = new ArrayList<>();
            for (Slot s : slots) {
                int i = next.merge(s.cup(), 1, Integer::sum) - 1;
                order.add(byCup.get(s.cup()).get(i));
            }
            return order;
        }
    }

    // =========================================================================================
    // Al Kamel CSV (docs/formats.md: race and wide layouts)
    // =========================================================================================

    static final class AlKamel {
        private AlKamel() {}

        static final String RACE_HEADER = "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;"
                + "STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;";

        /** The wide layout's header, column for column as in Al Kamel's published WEC session files (docs/formats.md). */
        static final String WIDE_HEADER;

        static {
            StringBuilder h = new StringBuilder("POS;NUMBER;LAP;TIME;GAP_FIRST;GAP_PREVIOUS;KPH; LAPS;TEAM;CLASS;GROUP;DIVISION;VEHICLE;TIRES;"
                    + "ECM Participant Id;ECM Team Id;ECM Category Id;ECM Car Id;ECM Brand Id;ECM Country Id;*Extra 7;*Extra 8;*Extra 9;Sort Key;");
            for (int n = 1; n <= 6; n++) {
                for (String f : List.of("FIRSTNAME", "SECONDNAME", "LICENSE", "HOMETOWN", "COUNTRY", "SHORTNAME",
                        "ECM Driver Id", "ECM Country Id", "*Extra 3", "*Extra 4", "*Extra 5")) {
                    h.append("DRIVER").append(n).append('_').append(f).append(';');
                }
            }
            WIDE_HEADER = h.toString();
        }

        /** Fields a wide-layout data row carries: the published rows stop after DRIVER5's driver id, short of the header. */
        static final int WIDE_ROW_FIELDS = 24 + 4 * 11 + 7;

        static byte[] race(List<Line> lines, double km) {
            StringBuilder b = new StringBuilder(RACE_HEADER).append("\r\n");
            Line leader = lines.get(0);
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                Line prev = i == 0 ? null : lines.get(i - 1);
                List<String> f = new ArrayList<>();
                f.add(String.valueOf(i + 1));
                f.add(l.car().number());
                f.add(l.car().team());
                for (int d = 0; d < 4; d++) f.add(d < l.drivers().size() ? l.drivers().get(d).display() : "");
                f.add(l.car().vehicle());
                f.add(l.car().tyres());
                f.add(l.car().klass());
                f.add("");
                f.add("");
                f.add(l.status().word);
                f.add(String.valueOf(l.laps()));
                f.add(Fmt.alkamelTotal(l.timeMs()));
                f.add(i == 0 ? "" : gap(leader, l));
                f.add(i == 0 ? "" : gap(prev, l));
                f.add(String.valueOf(l.bestLapNo()));
                f.add(Fmt.alkamelShort(l.bestLapMs()));
                f.add(Fmt.kph(km, l.bestLapMs()));
                f.add(l.drivers().size() > 4 ? l.drivers().get(4).display() : "");
                for (String s : f) b.append(s).append(';');
                b.append("\r\n");
            }
            return bom(b.toString());
        }

        private static String gap(Line ahead, Line l) {
            if (ahead.laps() != l.laps()) return Fmt.alkamelLaps(ahead.laps() - l.laps());
            long d = l.timeMs() - ahead.timeMs();
            if (d < 0) throw new IllegalStateException("negative time gap on the same lap at car " + l.car().number());
            return Fmt.alkamelShort(d);
        }

        static String wide(List<QualiLine> lines, double km, Ids ids) {
            StringBuilder b = new StringBuilder(WIDE_HEADER).append("\r\n");
            QualiLine first = lines.get(0);
            for (int i = 0; i < lines.size(); i++) {
                QualiLine q = lines.get(i);
                List<String> f = new ArrayList<>();
                f.add(String.valueOf(i + 1));
                f.add(q.car().number());
                f.add(String.valueOf(q.bestLapNo()));
                boolean timed = q.timeMs() != null;
                f.add(timed ? Fmt.lap(q.timeMs()) : "");
                f.add(!timed ? "" : i == 0 ? "-" : Fmt.plusSeconds(q.timeMs() - first.timeMs()));
                f.add(!timed ? "" : i == 0 ? "-" : Fmt.plusSeconds(q.timeMs() - lines.get(i - 1).timeMs()));
                f.add(timed ? Fmt.kph(km, q.timeMs()) : "");
                f.add(String.valueOf(q.laps()));
                f.add(q.car().team());
                f.add(q.car().klass());
                f.add("");
                f.add("");
                f.add(q.car().vehicle());
                f.add(q.car().tyres());
                f.add(String.valueOf(ids.participant(q.car())));
                f.add(String.valueOf(ids.team(q.car().team())));
                f.add("");
                f.add(String.valueOf(ids.vehicle(q.car().vehicle())));
                f.add(String.valueOf(ids.brand(q.car().vehicle())));
                f.add("");
                f.add("");
                f.add("");
                f.add(shortTeam(q.car().team()));
                f.add("");
                for (int d = 0; d < 5; d++) {
                    Person p = d < q.drivers().size() ? q.drivers().get(d) : null;
                    if (p == null) {
                        for (int k = 0; k < 11; k++) f.add("");
                    } else {
                        f.add(p.given());
                        f.add(p.family());
                        f.add(String.valueOf(p.license()));
                        f.add("");
                        f.add(p.country());
                        f.add(p.shortName());
                        f.add(String.valueOf(ids.driver(p)));
                        f.add("");
                        f.add("");
                        f.add("01:00:00");
                        f.add("None");
                    }
                }
                for (String s : f.subList(0, WIDE_ROW_FIELDS)) b.append(s).append(';');
                b.append("\r\n");
            }
            return b.toString();
        }

        private static String shortTeam(String team) {
            String s = team.toUpperCase(Locale.ROOT);
            return s.length() <= 16 ? s : s.substring(0, 16).strip();
        }

        static byte[] bom(String text) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[body.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(body, 0, out, 3, body.length);
            return out;
        }

        /** Older Al Kamel files come in Windows-1252 without a BOM; every character must fit. */
        static byte[] windows1252(String text) {
            CharsetEncoder enc = Charset.forName("windows-1252").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                ByteBuffer bb = enc.encode(CharBuffer.wrap(text));
                byte[] out = new byte[bb.remaining()];
                bb.get(out);
                return out;
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("text does not fit Windows-1252", e);
            }
        }
    }

    /** Stable identifiers for the wide layout's ECM columns. */
    static final class Ids {
        private final Map<String, Integer> participants = new HashMap<>(), teams = new HashMap<>(),
                vehicles = new HashMap<>(), brands = new HashMap<>(), drivers = new HashMap<>();

        int participant(Car c) { return 107_100 + participants.computeIfAbsent(c.number(), k -> participants.size()); }

        int team(String t) { return 6_100 + teams.computeIfAbsent(t, k -> teams.size()); }

        int vehicle(String v) { return 6_200 + vehicles.computeIfAbsent(v, k -> vehicles.size()); }

        int brand(String v) { return 1 + brands.computeIfAbsent(v.split(" ")[0], k -> brands.size()); }

        int driver(Person p) { return 9_000 + drivers.computeIfAbsent(p.display(), k -> drivers.size()); }
    }

    // =========================================================================================
    // SRO results pages (docs/formats.md)
    // =========================================================================================

    static final class Sro {
        private Sro() {}

        record Option(int id, String name) {}

        record Page(String title, List<Option> meetings, int meeting, List<Option> races, String race,
                    String circuit, int year, List<String> columns, List<List<String>> rows) {}

        static byte[] page(Page p) {
            StringBuilder b = new StringBuilder();
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n");
            b.append("<head><meta charset=\"utf-8\"><title>").append(Fmt.html(p.title())).append("</title></head>\n");
            b.append("<body>\n<form class=\"results-filter\">\n");
            b.append("  <select id=\"filter_meeting_id\" name=\"filter_meeting_id\">\n");
            b.append("    <option value=\"0\">Select event</option>\n");
            for (Option o : p.meetings()) {
                b.append("    <option value=\"").append(o.id()).append('"').append(o.id() == p.meeting() ? " selected" : "")
                        .append('>').append(Fmt.html(o.name())).append("</option>\n");
            }
            b.append("  </select>\n  <select id=\"filter_race_id\" name=\"filter_race_id\">\n");
            for (Option o : p.races()) {
                b.append("    <option value=\"").append(o.id()).append('"').append(o.name().equals(p.race()) ? " selected" : "")
                        .append('>').append(Fmt.html(o.name())).append("</option>\n");
            }
            b.append("  </select>\n</form>\n");
            b.append("<h2>").append(Fmt.html(p.race())).append("\n\t\t").append(Fmt.html(p.circuit()))
                    .append("\n\t\t").append(p.year()).append(" Results</h2>\n");
            b.append("<table class=\"table results\">\n  <thead><tr>");
            for (String c : p.columns()) b.append("<th>").append(Fmt.html(c)).append("</th>");
            b.append("</tr></thead>\n  <tbody>\n");
            for (List<String> row : p.rows()) {
                b.append("    <tr>");
                for (String cell : row) b.append("<td>").append(Fmt.html(cell)).append("</td>");
                b.append("</tr>\n");
            }
            b.append("  </tbody>\n</table>\n</body>\n</html>\n");
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** One row's cells by column name; the page orders them as its site does. */
        static List<String> row(List<String> columns, Map<String, String> cells) {
            List<String> out = new ArrayList<>();
            for (String c : columns) {
                String v = cells.get(c);
                if (v == null) throw new IllegalStateException("no cell for column " + c);
                out.add(v);
            }
            return out;
        }

        static String drivers(List<Person> crew) {
            return String.join(", ", crew.stream().map(Person::display).map(String::strip).toList());
        }

        static List<List<String>> raceRows(List<String> columns, List<Line> lines) {
            List<List<String>> rows = new ArrayList<>();
            Line leader = lines.get(0);
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                String gap = i == 0 ? "" : l.laps() == leader.laps() ? Fmt.plusSeconds(l.timeMs() - leader.timeMs())
                        : Fmt.sroLaps(leader.laps() - l.laps());
                Map<String, String> cells = new HashMap<>();
                cells.put("Pos", String.valueOf(i + 1));
                cells.put("Car #", l.car().number());
                cells.put("Class", l.car().klass());
                cells.put("Drivers", drivers(l.drivers()));
                cells.put("Team", l.car().team());
                cells.put("Car", l.car().vehicle());
                cells.put("Time", Fmt.sroTime(l.timeMs()));
                cells.put("Laps", String.valueOf(l.laps()));
                cells.put("Gap", gap);
                rows.add(row(columns, cells));
            }
            return rows;
        }

        static List<List<String>> qualifyingRows(List<String> columns, List<QualiLine> lines) {
            List<List<String>> rows = new ArrayList<>();
            QualiLine first = lines.get(0);
            for (int i = 0; i < lines.size(); i++) {
                QualiLine q = lines.get(i);
                Map<String, String> cells = new HashMap<>();
                cells.put("Pos", String.valueOf(i + 1));
                cells.put("Car #", q.car().number());
                cells.put("Class", q.car().klass());
                cells.put("Drivers", drivers(q.drivers()));
                cells.put("Team", q.car().team());
                cells.put("Car", q.car().vehicle());
                cells.put("Time", Fmt.lap(q.timeMs()));
                cells.put("Laps", String.valueOf(q.laps()));
                cells.put("Gap", i == 0 ? "" : Fmt.plusSeconds(q.timeMs() - first.timeMs()));
                rows.add(row(columns, cells));
            }
            return rows;
        }
    }

    // =========================================================================================
    // The season
    // =========================================================================================

    static final class Season {
        private Season() {}

        static List<Step> steps() {
            List<Pending> pending = new ArrayList<>();
            pending.addAll(Europe.steps());
            pending.addAll(Asia.steps());
            pending.addAll(Alms.steps());
            pending.sort(Comparator.comparing(Pending::at));
            for (int i = 1; i < pending.size(); i++) {
                // two steps at the same moment would leave their order to chance
                if (pending.get(i).at().equals(pending.get(i - 1).at())) {
                    throw new IllegalStateException("two steps at " + pending.get(i).at() + ": " + pending.get(i).slug());
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                String folder = String.format(Locale.ROOT, "%02d-%s-%s", i + 1, p.at().toLocalDate(), p.slug());
                steps.add(new Step(folder, p.at(), p.what(), p.docs()));
            }
            return steps;
        }

        static Map<String, Car> byNumber(List<Car> cars) {
            Map<String, Car> m = new LinkedHashMap<>();
            for (Car c : cars) {
                if (m.put(c.number(), c) != null) throw new IllegalStateException("car " + c.number() + " entered twice");
            }
            return m;
        }

        static List<Car> pick(Map<String, Car> cars, String numbers) {
            List<Car> out = new ArrayList<>();
            for (String n : numbers.trim().split("\\s+")) {
                Car c = cars.get(n);
                if (c == null) throw new IllegalStateException("no car " + n);
                out.add(c);
            }
            return out;
        }

        static LocalDateTime at(String iso) { return LocalDateTime.parse(iso); }
    }

    // -----------------------------------------------------------------------------------------
    // Asian Le Mans Series 2023-24: Al Kamel CSV, 4-hour races, classes LMP2, LMP3, GT
    // -----------------------------------------------------------------------------------------

    static final class Alms {
        private Alms() {}

        static final String SERIES = "alms", SEASON = "2023-24";
        static final long FOUR_HOURS = 4 * 3_600_000L;

        static final Person JIRI = new Person("Jiří", "KRAUSOVSKÝ", 'S', "CZE");

        static final List<Car> CARS = List.of(
                // LMP2
                new Car("2", "Halcyon Racing", "Oreca 07 - Gibson", "LMP2", "G", List.of(
                        new Person("Martin", "HOLLOWAY", 'B', "GBR", "HOL"), new Person("Grégoire", "LAMBERTIN", 'G', "FRA"),
                        new Person("Tomás", "ESTÉVEZ", 'P', "ESP"))),
                new Car("4", "Borealis Motorsport", "Oreca 07 - Gibson", "LMP2", "G", List.of(
                        new Person("Henrik", "SALVESEN", 'B', "NOR"), new Person("Mikael", "ÖSTBERG", 'S', "SWE"),
                        new Person("Aaron", "PELLEGRINI", 'G', "ITA"))),
                new Car("23", "Amber Coast Racing", "Oreca 07 - Gibson", "LMP2", "G", List.of(
                        new Person("Rajesh", "MENON-KAPUR", 'B', "IND"), new Person("Daniel", "OKORO", 'S', "GBR"),
                        new Person("Lucas", "VERHAEGEN", 'P', "BEL", "VER"))),
                new Car("25", "Trident Peak Racing", "Oreca 07 - Gibson", "LMP2", "G", List.of(
                        new Person("Anna Lena", "VAN DER KOOIJ", 'B', "NED"), new Person("Sven", "MÜLLER", 'S', "GER"),
                        new Person("Carlos", "DE LA PEÑA", 'G', "MEX"))),
                new Car("35", "Velox Asia", "Oreca 07 - Gibson", "LMP2", "G", List.of(
                        new Person("Kenji", "ARAKAWA", 'B', "JPN"), new Person("Wei Jie", "TAN", 'S', "SGP"),
                        new Person("Oliver", "STRAND", 'G', "DEN"))),
                // LMP3
                new Car("12", "Koala Speed", "Ligier JS P320 - Nissan", "LMP3", "M", List.of(
                        new Person("Brendan", "MCALLISTER", 'B', "AUS"), new Person("Liam", "FITZROY", 'S', "AUS"))),
                new Car("13", "Apex Nomads", "Duqueine D08 - Nissan", "LMP3", "M", List.of(
                        new Person("Petr", "HOLUB", 'B', "CZE"), JIRI, new Person("Dominik", "VESELÝ", 'G', "CZE"))),
                new Car("15", "Bamboo Racing", "Ligier JS P320 - Nissan", "LMP3", "M", List.of(
                        new Person("Arif", "HIDAYAT", 'B', "INA"), new Person("Nicolás", "BERTOLINI", 'S', "ARG"))),
                new Car("17", "Firefly Motorsport", "Ginetta G61-LT-P315 EVO - Nissan", "LMP3", "M", List.of(
                        new Person("", "GECKO", 'B', "FRA"), new Person("Hugo", "MARCHETTI", 'S', "FRA"),
                        new Person("Thibault", "RENAUDIN", 'G', "FRA"))),
                new Car("19", "Quasar Team", "Ligier JS P320 - Nissan", "LMP3", "M", List.of(
                        new Person("Takumi", "OSHIRO", 'B', "JPN"), new Person("Felix", "BRANDAUER", 'S', "AUT"))),
                // GT
                new Car("44", "Phoenix Lótus Racing", "Mercedes-AMG GT3 Evo", "GT", "M", List.of(
                        new Person("Darren", "LIM", 'B', "MAS"), new Person("Jonathan", "SEOW", 'S', "SGP"),
                        new Person("Marco", "ZANARDELLI", 'G', "ITA"))),
                new Car("8", "Kaiju Motorsport", "McLaren 720S GT3 Evo", "GT", "M", List.of(
                        new Person("Hiroshi", "TANABE", 'B', "JPN"), new Person("Daichi", "MORIOKA", 'G', "JPN"),
                        new Person("Ryo", "KAWASHIMA", 'S', "JPN"))),
                new Car("88", "Kaiju Motorsport", "McLaren 720S GT3 Evo", "GT", "M", List.of(
                        new Person("Satoshi", "NAKAGAWA", 'B', "JPN"), new Person("Yuto", "HAMADA", 'S', "JPN"))),
                new Car("21", "Tsunami Team", "Ferrari 296 GT3", "GT", "M", List.of(
                        new Person("Eric", "CHUA", 'B', "SGP"), new Person("Björn", "LINDGREN", 'S', "SWE"),
                        new Person("Marcus", "TEO", 'S', "SGP"))),
                new Car("33", "Monsoon Motorsports", "Porsche 911 GT3 R (992)", "GT", "M", List.of(
                        new Person("Arjun", "PATEL", 'B', "IND"), new Person("Vikram", "RAGHUNATHAN", 'S', "IND"),
                        new Person("Erwin", "HOLTKAMP", 'G', "NED"))),
                new Car("61", "Jade Harbour Racing", "Aston Martin Vantage AMR GT3", "GT", "M", List.of(
                        new Person("Kelvin", "WONG", 'B', "HKG"), new Person("Zoë", "HARTLEY", 'S', "GBR"))),
                new Car("9", "Red Lantern by Huang", "Audi R8 LMS GT3 Evo II", "GT", "M", List.of(
                        new Person("Zhiwei", "HUANG", 'B', "CHN"), new Person("Haoran", "LIU", 'S', "CHN"),
                        new Person("Maximilian", "REITER", 'G', "GER"))),
                new Car("77", "Garuda Racing", "BMW M4 GT3", "GT", "M", List.of(
                        new Person("Bayu", "PRATAMA", 'B', "INA"), new Person("Rizky", "SANTOSO", 'S', "INA"))),
                new Car("57", "Desert Falcon Racing", "Ferrari 296 GT3", "GT", "M", List.of(
                        new Person("Khalid", "AL-RASHEEDI", 'B', "UAE"), new Person("Jamie", "THORNBURY", 'S', "GBR"),
                        new Person("Pietro", "GALLINARI", 'P', "ITA"))),
                new Car("74", "Nordlicht Motorsport", "Porsche 911 GT3 R (992)", "GT", "M", List.of(
                        new Person("Klaus", "WEINMANN", 'B', "GER"), new Person("Jonas", "MÜLLER", 'S', "GER"),
                        new Person("Lukas", "HOFBAUER", 'G', "AUT"))),
                new Car("95", "Zephyr Competition", "Aston Martin Vantage AMR GT3", "GT", "M", List.of(
                        new Person("Charles", "DUVERNOY", 'B', "FRA"), new Person("Matteo", "RIGOLDI", 'S', "ITA"))),
                new Car("11", "Caspian Racing", "Lamborghini Huracan GT3 Evo2", "GT", "M", List.of(
                        new Person("Timur", "ALIYEV", 'B', "KAZ"), new Person("Artem", "VOLKOVSKY", 'S', "KAZ"))));

        static final Map<String, Car> BY_NUMBER = Season.byNumber(CARS);

        static final Track SEPANG = new Track("Sepang", "Sepang International Circuit", 5.543);
        static final Track DUBAI = new Track("Dubai", "Dubai Autodrome", 5.390);
        static final Track ABU_DHABI = new Track("Abu Dhabi", "Yas Marina Circuit", 5.281);

        /** Leader laps in 4 hours and typical best laps per class. */
        static Map<String, Pace> pace(Track t) {
            return switch (t.event()) {
                case "Sepang" -> Map.of("LMP2", new Pace(116, 118_500), "LMP3", new Pace(106, 128_900), "GT", new Pace(105, 127_800));
                case "Dubai" -> Map.of("LMP2", new Pace(130, 106_800), "LMP3", new Pace(119, 116_400), "GT", new Pace(117, 117_300));
                default -> Map.of("LMP2", new Pace(131, 105_400), "LMP3", new Pace(120, 115_100), "GT", new Pace(118, 116_200));
            };
        }

        /** Jiří KRAUSOVSKÝ missed Dubai; #13 raced there with two drivers. */
        static List<Person> crew(Car c, Track t) {
            if (t == DUBAI) return c.crew().stream().filter(p -> p != JIRI).toList();
            return c.crew();
        }

        /** A race's design: the classified order per class, then the cars that did not finish classified. */
        record Design(String lmp2, String lmp3, String gt, List<Out> outs) {}

        static List<Line> race(String key, Track t, long planned, Design d, Map<String, long[]> gaps, Map<String, Long> phases) {
            Map<String, Pace> pace = pace(t);
            List<Sim.ClassRun> classes = new ArrayList<>();
            for (String[] c : new String[][] {{"LMP2", d.lmp2()}, {"LMP3", d.lmp3()}, {"GT", d.gt()}}) {
                Pace p = pace.get(c[0]);
                if (planned != FOUR_HOURS) p = new Pace((int) Math.round(p.leaderLaps() * planned / (double) FOUR_HOURS), p.bestLapMs());
                // cars out of the race run with their class until they stop; the simulation moves them to the bottom
                List<Car> order = new ArrayList<>(Season.pick(BY_NUMBER, c[1]));
                for (Out o : d.outs()) if (BY_NUMBER.get(o.number()).klass().equals(c[0])) order.add(BY_NUMBER.get(o.number()));
                classes.add(new Sim.ClassRun(p, order, gaps.get(c[0]), phases.get(c[0])));
            }
            checkEveryCarOnce(key, d);
            return Sim.race(key, planned, classes, d.outs(), BY_NUMBER, car -> crew(car, t), false, null);
        }

        /** Every car entered appears once: in its class order or among the cars out. */
        private static void checkEveryCarOnce(String key, Design d) {
            List<String> all = new ArrayList<>();
            for (String s : List.of(d.lmp2(), d.lmp3(), d.gt())) all.addAll(Arrays.asList(s.trim().split("\\s+")));
            for (Out o : d.outs()) all.add(o.number());
            if (all.size() != CARS.size() || !new HashSet<>(all).equals(BY_NUMBER.keySet())) {
                throw new IllegalStateException(key + ": the design does not name every car exactly once: " + all);
            }
        }

        /** A qualifying: the class pole first, then the rest of the class in a seeded order. */
        static String qualifying(String key, Track t, String lmp2Pole, String lmp3Pole, String gtPole, Set<String> noTime, Ids ids) {
            Map<String, Pace> pace = pace(t);
            Random r = rng(key + "/grid");
            List<Sim.ClassRun> classes = new ArrayList<>();
            for (String[] c : new String[][] {{"LMP2", lmp2Pole}, {"LMP3", lmp3Pole}, {"GT", gtPole}}) {
                List<Car> rest = new ArrayList<>(CARS.stream().filter(x -> x.klass().equals(c[0]) && !x.number().equals(c[1])).toList());
                Collections.shuffle(rest, r);
                List<Car> order = new ArrayList<>();
                order.add(BY_NUMBER.get(c[1]));
                order.addAll(rest);
                classes.add(new Sim.ClassRun(pace.get(c[0]), order));
            }
            return AlKamel.wide(Sim.qualifying(key, classes, noTime, car -> crew(car, t), 500), t.km(), ids);
        }

        static String path(int round, Track t, String session, String file) {
            return SERIES + "/" + SEASON + "/" + String.format(Locale.ROOT, "%02d", round) + "_" + t.event() + "/" + session + "/" + file;
        }

        static List<Pending> steps() {
            Ids ids = new Ids();
            List<Pending> out = new ArrayList<>();
            Map<String, long[]> noGaps = Map.of();
            Map<String, Long> noPhase = Map.of();

            // Round 1, Sepang: Race 1 is published as hourly snapshots
            out.add(new Pending(Season.at("2023-12-02T09:30"), "alms-sepang-qualifying",
                    "Asian Le Mans Series, Sepang: qualifying 1 and 2 (Al Kamel wide layout) set the grids and the class poles",
                    List.of(doc(path(1, SEPANG, "Qualifying 1", "03_Classification_Qualifying 1_Official.CSV"),
                                    AlKamel.bom(qualifying("alms/sepang/q1", SEPANG, "23", "17", "44", Set.of(), ids))),
                            doc(path(1, SEPANG, "Qualifying 2", "03_Classification_Qualifying 2_Official.CSV"),
                                    AlKamel.bom(qualifying("alms/sepang/q2", SEPANG, "2", "13", "57", Set.of("11"), ids))))));
            Design sepang1 = new Design("23 2 25 4 35", "17 13 12 19", "44 57 8 21 74 77 33 88 61 9 95",
                    List.of(new Out("15", Status.NOT_CLASSIFIED, 61), new Out("11", Status.RETIRED, 37)));
            Design sepang1Hour3 = new Design("2 23 25 4 35", "13 17 12 19", "8 44 57 74 21 33 77 61 88 95 9",
                    List.of(new Out("15", Status.NOT_CLASSIFIED, 61), new Out("11", Status.RETIRED, 37)));
            out.add(new Pending(Season.at("2023-12-02T14:00"), "alms-sepang-race-1-hour-3",
                    "Asian Le Mans Series, Sepang Race 1: the snapshot after 3 hours, provisional",
                    List.of(doc(path(1, SEPANG, "Race 1", "03_Classification_Race 1_Hour 3_Provisional.CSV"),
                            AlKamel.race(race("alms/sepang/race-1/hour-3", SEPANG, 3 * 3_600_000L, sepang1Hour3, noGaps, noPhase), SEPANG.km())))));
            out.add(new Pending(Season.at("2023-12-02T15:00"), "alms-sepang-race-1",
                    "Asian Le Mans Series, Sepang Race 1: the finish (Hour 4), official",
                    List.of(doc(path(1, SEPANG, "Race 1", "03_Classification_Race 1_Hour 4_Official.CSV"),
                            AlKamel.race(race("alms/sepang/race-1", SEPANG, FOUR_HOURS, sepang1, noGaps, noPhase), SEPANG.km())))));
            Design sepang2 = new Design("2 23 4 35", "13 17 15 12 19", "57 44 74 21 8 9 77 33 88 61 11 95",
                    List.of(new Out("25", Status.NOT_CLASSIFIED, 72)));
            out.add(new Pending(Season.at("2023-12-03T15:00"), "alms-sepang-race-2",
                    "Asian Le Mans Series, Sepang Race 2, official",
                    List.of(doc(path(1, SEPANG, "Race 2", "03_Classification_Race 2_Official.CSV"),
                            AlKamel.race(race("alms/sepang/race-2", SEPANG, FOUR_HOURS, sepang2, noGaps, noPhase), SEPANG.km())))));

            // Round 2, Dubai: one race; the qualifying file comes in Windows-1252 without a BOM
            out.add(new Pending(Season.at("2024-02-03T16:00"), "alms-dubai-qualifying",
                    "Asian Le Mans Series, Dubai: qualifying (Windows-1252, no BOM)",
                    List.of(doc(path(2, DUBAI, "Qualifying", "03_Classification_Qualifying_Official.CSV"),
                            AlKamel.windows1252(qualifying("alms/dubai/q", DUBAI, "25", "17", "8", Set.of(), ids))))));
            Design dubai = new Design("25 2 23 35", "17 15 13 19 12", "44 8 57 21 74 77 61 33 9 88 11",
                    List.of(new Out("4", Status.NOT_CLASSIFIED, 40), new Out("95", Status.DISQUALIFIED, 115)));
            out.add(new Pending(Season.at("2024-02-04T15:00"), "alms-dubai-race",
                    "Asian Le Mans Series, Dubai: the race, official",
                    List.of(doc(path(2, DUBAI, "Race", "03_Classification_Race_Official.CSV"),
                            AlKamel.race(race("alms/dubai/race", DUBAI, FOUR_HOURS, dubai, noGaps, noPhase), DUBAI.km())))));

            // Round 3, Abu Dhabi: Race 2 is provisional first; a post-race penalty reorders GT
            out.add(new Pending(Season.at("2024-02-10T09:30"), "alms-abu-dhabi-qualifying",
                    "Asian Le Mans Series, Abu Dhabi: qualifying 1 and 2",
                    List.of(doc(path(3, ABU_DHABI, "Qualifying 1", "03_Classification_Qualifying 1_Official.CSV"),
                                    AlKamel.bom(qualifying("alms/abu-dhabi/q1", ABU_DHABI, "2", "13", "44", Set.of(), ids))),
                            doc(path(3, ABU_DHABI, "Qualifying 2", "03_Classification_Qualifying 2_Official.CSV"),
                                    AlKamel.bom(qualifying("alms/abu-dhabi/q2", ABU_DHABI, "23", "17", "8", Set.of(), ids))))));
            Design abuDhabi1 = new Design("2 25 23 4 35", "13 12 17 15", "8 44 57 33 21 74 9 77 61 95 88 11",
                    List.of(new Out("19", Status.NOT_CLASSIFIED, 58)));
            out.add(new Pending(Season.at("2024-02-10T15:00"), "alms-abu-dhabi-race-1",
                    "Asian Le Mans Series, Abu Dhabi Race 1, official",
                    List.of(doc(path(3, ABU_DHABI, "Race 1", "03_Classification_Race 1_Official.CSV"),
                            AlKamel.race(race("alms/abu-dhabi/race-1", ABU_DHABI, FOUR_HOURS, abuDhabi1, noGaps, noPhase), ABU_DHABI.km())))));
            List<Line> race2 = abuDhabi2();
            out.add(new Pending(Season.at("2024-02-11T15:00"), "alms-abu-dhabi-race-2-provisional",
                    "Asian Le Mans Series, Abu Dhabi Race 2, PROVISIONAL: #44 Phoenix Lótus Racing wins GT",
                    List.of(doc(path(3, ABU_DHABI, "Race 2", "03_Classification_Race 2_Provisional.CSV"),
                            AlKamel.race(race2, ABU_DHABI.km())))));
            out.add(new Pending(Season.at("2024-02-13T12:00"), "alms-abu-dhabi-race-2-official",
                    "Asian Le Mans Series, Abu Dhabi Race 2, OFFICIAL: a 30-second penalty drops #44 to 3rd in GT, #8 Kaiju Motorsport wins",
                    List.of(doc(path(3, ABU_DHABI, "Race 2", "03_Classification_Race 2_Official.CSV"),
                            AlKamel.race(penalise(race2, GT_PENALISED, 30_000), ABU_DHABI.km())))));
            return out;
        }

        /** The car a post-race penalty drops from 1st to 3rd in GT in Abu Dhabi Race 2. */
        static final String GT_PENALISED = "44";

        /** Abu Dhabi Race 2 as it crossed the line; the GT top four run close on the same lap. */
        static List<Line> abuDhabi2() {
            Design d = new Design("23 2 25 35 4", "17 13 15 12 19", "44 8 57 21 74 33 61 77 9 88 95 11", List.of());
            return race("alms/abu-dhabi/race-2", ABU_DHABI, FOUR_HOURS, d,
                    Map.of("GT", new long[] {3_412, 8_187, 40_604}), Map.of("GT", 4_318L));
        }

        /** A post-race time penalty: the car keeps its laps, its time grows, the order follows. */
        static List<Line> penalise(List<Line> lines, String number, long ms) {
            List<Line> classified = new ArrayList<>(), rest = new ArrayList<>();
            for (Line l : lines) {
                Line x = l.car().number().equals(number) ? l.withTime(l.timeMs() + ms) : l;
                (x.status() == Status.CLASSIFIED ? classified : rest).add(x);
            }
            Sim.sortClassified(classified);
            classified.addAll(rest);
            return classified;
        }
    }

    // -----------------------------------------------------------------------------------------
    // GT World Challenge Asia 2023: SRO pages, 60-minute races, cups Pro-Am, Silver, Am
    // -----------------------------------------------------------------------------------------

    static final class Asia {
        private Asia() {}

        static final String SERIES = "gtwc-asia", SEASON = "2023";
        static final long ONE_HOUR = 3_600_000L;
        /** The Asia site orders its columns differently from the Europe site. */
        static final List<String> COLUMNS = List.of("Pos", "Car #", "Drivers", "Team", "Car", "Class", "Laps", "Time", "Gap");
        static final String TITLE = "Results | GT World Challenge Asia powered by AWS | SRO";

        static final List<Car> CARS = List.of(
                new Car("44", "PHOENIX LOTUS", "Mercedes-AMG GT3 Evo", "Pro-Am", "", List.of(
                        new Person("Darren", "LIM", 'B', "MAS"), new Person("Jonathan", "SEOW", 'S', "SGP"))),
                new Car("8", "Kaiju Motorsports", "McLaren 720S GT3 Evo", "Pro-Am", "", List.of(
                        new Person("Hiroshi", "TANABE", 'B', "JPN"), new Person("Daichi", "MORIOKA", 'G', "JPN"))),
                new Car("18", "Kaiju Motorsports", "McLaren 720S GT3 Evo", "Silver", "", List.of(
                        new Person("Yuto", "HAMADA", 'S', "JPN"), new Person("Kaito", "SUGIMOTO", 'S', "JPN"))),
                new Car("21", "Tsunami Racing", "Ferrari 296 GT3", "Am", "", List.of(
                        new Person("Eric", "CHUA", 'B', "SGP"), new Person("Marcus", "TEO", 'B', "SGP"))),
                new Car("33", "MONSOON", "Porsche 911 GT3 R (992)", "Am", "", List.of(
                        new Person("Arjun", "PATEL", 'B', "IND"), new Person("Vikram", "RAGHUNATHAN", 'B', "IND"))),
                new Car("61", "Jade Harbour", "Aston Martin Vantage AMR GT3", "Am", "", List.of(
                        new Person("Kelvin", "WONG", 'B', "HKG"), new Person("Stanley", "KWOK", 'B', "HKG"))),
                new Car("9", "Huang Red Lantern", "Audi R8 LMS GT3 Evo II", "Pro-Am", "", List.of(
                        new Person("Zhiwei", "HUANG", 'B', "CHN"), new Person("Haoran", "LIU", 'S', "CHN"))),
                new Car("71", "Garudda Racing", "Honda NSX GT3 Evo22", "Silver", "", List.of(
                        new Person("Made", "WIRAWAN", 'S', "INA"), new Person("Agus", "SETIADI", 'S', "INA"))),
                new Car("3", "Mekong Velocity", "Porsche 911 GT3 R (992)", "Pro-Am", "", List.of(
                        new Person("Quang Minh", "TRAN", 'B', "VIE"), new Person("Lucas", "BERGMANN", 'P', "GER"))),
                new Car("5", "Karst Racing", "Mercedes-AMG GT3 Evo", "Silver", "", List.of(
                        new Person("Wen Hao", "ZHOU", 'S', "CHN"), new Person("Peter", "ASHCROFT", 'S', "GBR"))),
                new Car("6", "Typhoon Ridge", "Audi R8 LMS GT3 Evo II", "Pro-Am", "", List.of(
                        new Person("Ryota", "IWASAKI", 'B', "JPN"), new Person("Dmitri", "KALININ", 'G', "KAZ"))),
                new Car("10", "Lion City Motorsport", "BMW M4 GT3", "Silver", "", List.of(
                        new Person("Benjamin", "TAY", 'S', "SGP"), new Person("Farhan", "ISMAIL", 'S', "SGP"))),
                new Car("27", "Himalaya GT", "Lamborghini Huracan GT3 Evo2", "Pro-Am", "", List.of(
                        new Person("Rohan", "THAPA", 'B', "NEP"), new Person("Sebastian", "KROLL", 'P', "GER"))),
                new Car("99", "Orchid Speed", "Ferrari 296 GT3", "Am", "", List.of(
                        new Person("Natthapong", "SRISUK", 'B', "THA"), new Person("Somchai", "PHROMMA", 'B', "THA"))));

        static final Map<String, Car> BY_NUMBER = Season.byNumber(CARS);

        record Round(int round, Track track, Pace pace, String day1, String day2, String race1, String race2, List<Out> outs1, List<Out> outs2) {}

        /** Overall finishing orders; a car out of the race is last in its order and listed in the outs. */
        static final List<Round> ROUNDS = List.of(
                new Round(1, new Track("Buriram", "Chang International Circuit", 4.554), new Pace(37, 94_200), "2023-05-13", "2023-05-14",
                        "3 8 44 9 6 5 21 18 71 27 33 61 10 99",
                        "8 3 44 6 9 5 71 33 21 18 27 10 61 99", List.of(), List.of()),
                new Round(2, new Track("Sepang", "Sepang International Circuit", 5.543), new Pace(28, 124_800), "2023-06-10", "2023-06-11",
                        "44 8 3 9 5 6 61 71 18 21 27 10 33 99",
                        "3 44 8 6 9 71 21 27 18 33 5 10 99 61", List.of(new Out("99", Status.NOT_CLASSIFIED, 12)),
                        List.of(new Out("61", Status.NOT_CLASSIFIED, 9))),
                new Round(3, new Track("Suzuka", "Suzuka Circuit", 5.807), new Pace(28, 121_500), "2023-07-22", "2023-07-23",
                        "8 3 9 44 5 6 33 21 71 61 27 18 99",
                        "3 8 44 5 9 71 6 18 21 27 33 61 99", List.of(), List.of(new Out("99", Status.NOT_CLASSIFIED, 8))),
                new Round(4, new Track("Fuji", "Fuji Speedway", 4.563), new Pace(36, 96_800), "2023-09-02", "2023-09-03",
                        "8 44 3 6 9 21 5 61 71 33 18 27 10 99",
                        "3 8 44 9 6 5 18 71 27 21 33 61 10 99", List.of(new Out("99", Status.NOT_CLASSIFIED, 14)), List.of()));

        static List<Pending> steps() {
            List<Sro.Option> meetings = new ArrayList<>();
            for (Round r : ROUNDS) meetings.add(new Sro.Option(500 + r.round(), r.track().event()));
            List<Pending> out = new ArrayList<>();
            for (Round r : ROUNDS) {
                for (int race = 1; race <= 2; race++) {
                    String order = race == 1 ? r.race1() : r.race2();
                    List<Out> outs = race == 1 ? r.outs1() : r.outs2();
                    String session = "Race " + race;
                    String key = "gtwc-asia/" + Fmt.slug(r.track().event()) + "/race-" + race;
                    List<Line> lines = Sim.race(key, ONE_HOUR, List.of(new Sim.ClassRun(r.pace(), Season.pick(BY_NUMBER, order))),
                            outs, BY_NUMBER, Car::crew, true, 58_000L);
                    int base = 5000 + r.round() * 10;
                    Sro.Page page = new Sro.Page(TITLE, meetings, 500 + r.round(),
                            List.of(new Sro.Option(base + 1, "Race 1"), new Sro.Option(base + 2, "Race 2")), session,
                            r.track().circuit(), 2023, COLUMNS, Sro.raceRows(COLUMNS, lines));
                    String path = SERIES + "/" + SEASON + "/" + String.format(Locale.ROOT, "%02d_%s", r.round(), r.track().event())
                            + "/" + session + "/" + session + "_Official.html";
                    out.add(new Pending(Season.at((race == 1 ? r.day1() : r.day2()) + "T16:00"),
                            "gtwc-asia-" + Fmt.slug(r.track().event()) + "-race-" + race,
                            "GT World Challenge Asia, " + r.track().event() + " " + session + ", official",
                            List.of(doc(path, Sro.page(page)))));
                }
            }
            return out;
        }
    }

    // -----------------------------------------------------------------------------------------
    // GT World Challenge Europe 2023: SRO pages, Sprint and Endurance, five cups
    // -----------------------------------------------------------------------------------------

    static final class Europe {
        private Europe() {}

        static final String SERIES = "gtwc-europe", SEASON = "2023";
        static final List<String> COLUMNS = List.of("Pos", "Car #", "Class", "Drivers", "Team", "Car", "Time", "Laps", "Gap");
        static final String SPRINT = "Results | GT World Challenge Europe powered by AWS Sprint Cup | SRO";
        static final String ENDURANCE = "Results | GT World Challenge Europe powered by AWS Endurance Cup | SRO";

        static final String PRO = "Pro Cup", GOLD = "Gold Cup", SILVER = "Silver Cup", BRONZE = "Bronze Cup", PRO_AM = "Pro-Am Cup";
        static final Map<String, Double> CUP_PACE = Map.of(PRO, 0.0, GOLD, 2.5, SILVER, 4.0, PRO_AM, 5.0, BRONZE, 7.0);

        private static final String[] GIVEN = {
                "Adrian", "Bastien", "Cedric", "Dario", "Emil", "Fabian", "Gianluca", "Hannes", "Ivo", "Jonas", "Kasper",
                "Leon", "Mattia", "Niels", "Oscar", "Pascal", "Quentin", "Rafael", "Stefan", "Theo", "Ulrich", "Viktor",
                "William", "Xavier", "Yannick", "Zeno", "Alina", "Bruno", "Clara", "Dominik", "Elias", "Florian", "Gustav",
                "Henri", "Isak", "Julien", "Kilian", "Lorenzo", "Marius", "Noah", "Olivier", "Philipp", "Rémi", "Simon",
                "Tobias", "Valentin", "Wout", "Yves", "Arne", "Benoît", "Carlo", "Diego", "Erik", "Filippo", "Georg",
                "Hugo", "Ignazio", "Jakob", "Karl", "Luca", "Mats", "Nico", "Otto"};
        private static final String[] FAMILY = {
                "ACKERLEY", "BALDINI", "CARVELHO", "DRESSLER", "ELSWORTH", "FANTONI", "GRÜNWALD", "HAVERKAMP", "INNOCENTI",
                "JANSSENS", "KORHOLA", "LEFEVRIER", "MARCHANT", "NORDQVIST", "OLIVARES", "PRZYBYL", "QUENNELL", "ROSSETTI",
                "SCHWANDER", "TRELAWNEY", "UGGERI", "VERBRUGGE", "WINTERBOTTOM", "YARDLEY", "ZELINSKI", "AUBERTIN",
                "BECKFORD", "CASTAGNOLI", "DELAHAYE", "ENGSTRÖM", "FERRANDO", "GALLOWAY", "HEBERLE", "IMBERT", "JOUBERT",
                "KAMINSKI", "LANGSTAFF", "MONTAGNER", "NEUHOFF", "ORMEROD", "PALLADINO", "RIEDMÜLLER", "SANDOVAL",
                "THORBURN", "URQUHART", "VALLORANI", "WESTERHOLT", "ZANETTIN", "ALMEIDA RAMOS", "BRUCKNER", "COLLARD",
                "DUFRESNE", "EVERAERT", "FOSSATI", "GIRAUDET", "HALLORAN", "JERVIS", "KRAMSKI", "LINDAHL", "MORETTO",
                "NEVILLE-JONES", "OSTERTAG", "PERRAULT"};

        private static int nextName = 0;

        /** A crew of three from the name pools; Sprint races use the first two. */
        private static List<Person> crew(char... licenses) {
            List<Person> out = new ArrayList<>();
            for (char l : licenses) {
                int i = nextName++;
                out.add(new Person(GIVEN[(i * 8) % GIVEN.length], FAMILY[i], l, "EUR"));
            }
            return out;
        }

        static final List<Car> CARS;

        static {
            nextName = 0;
            CARS = List.of(
                    new Car("1", "Lindqvist Competition", "BMW M4 GT3", PRO, "", crew('P', 'P', 'P')),
                    new Car("14", "Rhône Racing", "Audi R8 LMS GT3 Evo II", PRO, "", crew('P', 'P', 'G')),
                    new Car("32", "Albion GT", "McLaren 720S GT3 Evo", PRO, "", crew('P', 'G', 'P')),
                    new Car("54", "Castello Corse", "Ferrari 296 GT3", PRO, "", crew('P', 'P', 'P')),
                    new Car("66", "Brabantia Motorsport", "Mercedes-AMG GT3 Evo", PRO, "", crew('P', 'P', 'G')),
                    new Car("19", "Edelweiss Racing", "Lamborghini Huracan GT3 Evo2", GOLD, "", crew('G', 'S', 'G')),
                    new Car("26", "Sable Noir", "Audi R8 LMS GT3 Evo II", GOLD, "", crew('G', 'S', 'S')),
                    new Car("99", "Kestrel Motorsport", "Porsche 911 GT3 R (992)", GOLD, "", crew('G', 'S', 'G')),
                    new Car("007", "Aldgate Racing", "Aston Martin Vantage AMR GT3", SILVER, "", crew('S', 'S', 'S')),
                    new Car("30", "Tramontana GT", "Ferrari 296 GT3", SILVER, "", crew('S', 'S', 'S')),
                    new Car("52", "Vistula Racing", "BMW M4 GT3", SILVER, "", crew('S', 'S', 'S')),
                    new Car("87", "Polder Sport", "Mercedes-AMG GT3 Evo", SILVER, "", crew('S', 'S', 'S')),
                    new Car("7", "Harbour Lights Racing", "Porsche 911 GT3 R (992)", BRONZE, "", crew('B', 'S', 'B')),
                    new Car("93", "Strada Bianca Motorsport", "Ferrari 296 GT3", BRONZE, "", crew('B', 'G', 'B')),
                    new Car("94", "Strada Bianca Motorsport", "Ferrari 296 GT3", BRONZE, "", crew('B', 'S', 'B')),
                    new Car("40", "Lakeside Corse", "Lamborghini Huracan GT3 Evo2", BRONZE, "", crew('B', 'S', 'B')),
                    new Car("69", "Northern Star Racing", "Aston Martin Vantage AMR GT3", BRONZE, "", crew('B', 'G', 'B')),
                    new Car("12", "Gamma Corse", "Audi R8 LMS GT3 Evo II", BRONZE, "", crew('B', 'S', 'B')),
                    new Car("20", "Fenwick Racing", "Mercedes-AMG GT3 Evo", PRO_AM, "", crew('B', 'P', 'G')),
                    new Car("45", "Meadowlark GT", "Porsche 911 GT3 R (992)", PRO_AM, "", crew('B', 'P', 'S')),
                    new Car("71", "Oder Motorsport", "BMW M4 GT3", PRO_AM, "", crew('B', 'G', 'P')));
        }

        static final Map<String, Car> BY_NUMBER = Season.byNumber(CARS);

        /** How a race is run: its page name, folder, kind of event, planned length, pace. */
        record Race(String session, String pageName, String file, LocalDateTime at, long plannedMs, int leaderLaps,
                    String bronzeOrder, List<Out> outs) {}

        record Quali(String session, String pageName, LocalDateTime at, String bronzePole) {}

        record Round(int round, Track track, boolean sprint, long bestLapMs, Set<String> absent, List<Quali> qualis, List<Race> races) {}

        /** The designed Bronze Cup orders (car numbers, classified cars only) and who is out. */
        static final List<Round> ROUNDS = List.of(
                new Round(1, new Track("Monza", "Autodromo Nazionale Monza", 5.793), false, 107_300, Set.of(),
                        List.of(new Quali("Qualifying", "Qualifying", Season.at("2023-04-22T16:00"), "7")),
                        List.of(new Race("Race", "Main Race", "Race_Official.html", Season.at("2023-04-23T18:00"), 3 * 3_600_000L, 95,
                                "93 7 40 12 69 94", List.of(new Out("54", Status.NOT_CLASSIFIED, 31))))),
                new Round(2, new Track("Brands Hatch", "Brands Hatch", 3.908), true, 83_900, Set.of("69"),
                        List.of(new Quali("Qualifying 1", "Qualifying 1", Season.at("2023-05-06T10:30"), "94"),
                                new Quali("Qualifying 2", "Qualifying 2", Season.at("2023-05-06T10:30"), "93")),
                        List.of(new Race("Race 1", "Race 1", "Race 1_Official.html", Season.at("2023-05-06T16:30"), 3_600_000L, 41,
                                        "94 7 40 12", List.of(new Out("93", Status.NOT_CLASSIFIED, 9))),
                                new Race("Race 2", "Race 2", "Race 2_Official.html", Season.at("2023-05-07T16:30"), 3_600_000L, 41,
                                        "93 7 12 40 94", List.of()))),
                new Round(3, new Track("Paul Ricard", "Circuit Paul Ricard", 5.771), false, 114_800, Set.of(),
                        List.of(new Quali("Qualifying", "Qualifying", Season.at("2023-06-03T09:30"), "7")),
                        List.of(new Race("Race", "Main Race", "Race_Official.html", Season.at("2023-06-03T18:00"), 6 * 3_600_000L, 176,
                                "7 94 40 12 93", List.of(new Out("69", Status.NOT_CLASSIFIED, 58))))),
                new Round(4, new Track("Spa", "Circuit de Spa-Francorchamps", 7.004), false, 137_600, Set.of(),
                        List.of(new Quali("Qualifying", "Qualifying", Season.at("2023-06-29T20:00"), "7")),
                        List.of(new Race("Race after 6 hours", "Main Race after 6 hours", "Race after 6 hours_Official.html",
                                        Season.at("2023-07-01T22:30"), 6 * 3_600_000L, 134,
                                        "7 40 93 12 69 94", List.of(new Out("26", Status.NOT_CLASSIFIED, 40))),
                                new Race("Race after 12 hours", "Main Race after 12 hours", "Race after 12 hours_Official.html",
                                        Season.at("2023-07-02T04:30"), 12 * 3_600_000L, 268,
                                        "7 94 69 40 12 93", List.of(new Out("26", Status.NOT_CLASSIFIED, 40), new Out("45", Status.NOT_CLASSIFIED, 170))),
                                new Race("Race", "Main Race", "Race_Official.html", Season.at("2023-07-02T16:30"), 24 * 3_600_000L, 536,
                                        "7 93 40 69 12 94", List.of(new Out("26", Status.NOT_CLASSIFIED, 40),
                                        new Out("45", Status.NOT_CLASSIFIED, 170), new Out("1", Status.NOT_CLASSIFIED, 310))))),
                new Round(5, new Track("Misano", "Misano World Circuit", 4.226), true, 93_900, Set.of(),
                        List.of(new Quali("Qualifying 1", "Qualifying 1", Season.at("2023-07-15T10:30"), "94"),
                                new Quali("Qualifying 2", "Qualifying 2", Season.at("2023-07-15T10:30"), "93")),
                        List.of(new Race("Race 1", "Race 1", "Race 1_Official.html", Season.at("2023-07-15T16:30"), 3_600_000L, 37,
                                        "94 40 7 12 69 93", List.of()),
                                new Race("Race 2", "Race 2", "Race 2_Official.html", Season.at("2023-07-16T16:30"), 3_600_000L, 37,
                                        "93 94 7 40 12 69", List.of(new Out("30", Status.NOT_CLASSIFIED, 12))))));

        /** The field at a round: Pro-Am cars race the Endurance Cup only; absentees stay home. */
        static List<Car> field(Round r) {
            return CARS.stream().filter(c -> !(r.sprint() && c.klass().equals(PRO_AM)))
                    .filter(c -> !r.absent().contains(c.number())).toList();
        }

        static List<Person> crew(Car c, Round r) {
            return r.sprint() ? c.crew().subList(0, 2) : c.crew();
        }

        static String folder(Round r) {
            return SERIES + "/" + SEASON + "/" + String.format(Locale.ROOT, "%02d_%s", r.round(), r.track().event());
        }

        static List<Pending> steps() {
            List<Sro.Option> meetings = new ArrayList<>();
            for (Round r : ROUNDS) meetings.add(new Sro.Option(400 + r.round(), r.track().event()));
            List<Pending> out = new ArrayList<>();
            for (Round r : ROUNDS) {
                String title = r.sprint() ? SPRINT : ENDURANCE;
                List<Sro.Option> options = new ArrayList<>();
                int id = 4000 + r.round() * 10;
                for (Quali q : r.qualis()) options.add(new Sro.Option(++id, q.pageName()));
                for (Race race : r.races()) options.add(new Sro.Option(++id, race.pageName()));
                List<Car> field = field(r);
                String event = r.track().event();

                List<Doc> qualiDocs = new ArrayList<>();
                for (Quali q : r.qualis()) {
                    String key = "gtwc-europe/" + Fmt.slug(event) + "/" + Fmt.slug(q.session());
                    List<Car> bronze = new ArrayList<>(field.stream().filter(c -> c.klass().equals(BRONZE) && !c.number().equals(q.bronzePole())).toList());
                    Collections.shuffle(bronze, rng(key + "/bronze"));
                    List<String> bronzeOrder = new ArrayList<>(List.of(q.bronzePole()));
                    bronze.forEach(c -> bronzeOrder.add(c.number()));
                    List<Car> order = Sim.mergeCups(key, field, Map.of(BRONZE, bronzeOrder), CUP_PACE);
                    List<QualiLine> lines = Sim.qualifying(key, List.of(new Sim.ClassRun(new Pace(1, r.bestLapMs()), order)),
                            Set.of(), c -> crew(c, r), 150);
                    Sro.Page page = new Sro.Page(title, meetings, 400 + r.round(), options, q.pageName(), r.track().circuit(), 2023,
                            COLUMNS, Sro.qualifyingRows(COLUMNS, lines));
                    qualiDocs.add(doc(folder(r) + "/" + q.session() + "/" + q.session() + "_Official.html", Sro.page(page)));
                }
                out.add(new Pending(r.qualis().get(0).at(), "gtwc-europe-" + Fmt.slug(event) + "-qualifying",
                        "GT World Challenge Europe, " + event + ": " + (r.qualis().size() > 1 ? "qualifying 1 and 2" : "qualifying"),
                        qualiDocs));

                for (Race race : r.races()) {
                    String key = "gtwc-europe/" + Fmt.slug(event) + "/" + Fmt.slug(race.session());
                    Set<String> outNumbers = new HashSet<>();
                    race.outs().forEach(o -> outNumbers.add(o.number()));
                    List<Car> running = field.stream().filter(c -> !outNumbers.contains(c.number())).toList();
                    List<String> bronze = Arrays.asList(race.bronzeOrder().split(" "));
                    List<Car> order = Sim.mergeCups(key, running, Map.of(BRONZE, bronze), CUP_PACE);
                    // cars that are out still belong to the order the simulation lays out; they are moved to the bottom
                    List<Car> all = new ArrayList<>(order);
                    for (Out o : race.outs()) all.add(BY_NUMBER.get(o.number()));
                    List<Line> lines = Sim.race(key, race.plannedMs(), List.of(new Sim.ClassRun(new Pace(race.leaderLaps(), r.bestLapMs() + 300), all)),
                            race.outs(), BY_NUMBER, c -> crew(c, r), r.sprint(), 58_000L);
                    Sro.Page page = new Sro.Page(title, meetings, 400 + r.round(), options, race.pageName(), r.track().circuit(), 2023,
                            COLUMNS, Sro.raceRows(COLUMNS, lines));
                    out.add(new Pending(race.at(), "gtwc-europe-" + Fmt.slug(event) + "-" + Fmt.slug(race.session()),
                            "GT World Challenge Europe, " + event + " " + race.session() + ", official",
                            List.of(doc(folder(r) + "/" + race.session() + "/" + race.file(), Sro.page(page)))));
                }
            }
            return out;
        }
    }

    static Doc doc(String path, byte[] bytes) { return new Doc(path, bytes); }

    // =========================================================================================
    // README
    // =========================================================================================

    static final class Readme {
        private Readme() {}

        static String text(List<Step> steps) {
            StringBuilder b = new StringBuilder(INTRO);
            b.append(FIGURES);
            b.append("""

                    ## The steps

                    `steps.txt` lists these folders in order. Each holds an inbox tree
                    (`<series>/<season>/<round>_<event>/<session>/<file>`); the demo copies one step into the
                    inbox, lets Podium process and publish, then moves on to the next.

                    | Step | Date | What is published |
                    |---|---|---|
                    """);
            for (Step s : steps) {
                b.append("| `").append(s.folder()).append("` | ").append(s.at().toLocalDate()).append(' ')
                        .append(s.at().toLocalTime()).append(" | ").append(s.what()).append(" |\n");
            }
            b.append(OUTRO);
            return b.toString();
        }

        static final String INTRO = """
                # The Podium demo season

                A complete, **fictional** season of three series, in the formats their timing providers publish:
                every team, driver, car number and result here is invented. The files are written by
                `src/test/java/org/podium/demo/DemoSeasonWriter.java`; `DemoSeasonWriterTest` regenerates them
                and fails if a single byte differs, so change the program, not the files:

                ```
                mvn -q test-compile && java -cp target/test-classes org.podium.demo.DemoSeasonWriter src/main/resources/demo
                ```

                ## The series

                The demo runs on its own series files, `config/series/*.yaml` beside this README (the real
                series' rules on the demo's fictional calendars below), and its own `config/aliases.yaml`;
                `podium demo` lays them over the shipped configuration, whose calendars are the real 2023
                and 2023-24 seasons.

                - **Asian Le Mans Series 2023-24** (`alms`): Sepang (Race 1, Race 2), Dubai (one race), Abu Dhabi
                  (Race 1, Race 2), 4-hour races. Al Kamel race classifications (UTF-8 with BOM, CRLF, `;` at the
                  end of every line, apostrophe times, `N Laps` gaps) and, for every race, the qualifying that set
                  its grid in the wide layout with `DRIVERn_` blocks and FIA categories. 22 cars: 5 LMP2, 5 LMP3,
                  12 GT; every crew has a Bronze driver. On show: Not classified cars at the bottom with their
                  positions and negative `GAP_PREVIOUS`, one `Retired` (#11, Sepang Race 1), one `Disqualified`
                  (#95, Dubai), accented names (Grégoire LAMBERTIN, Sven MÜLLER, Jiří KRAUSOVSKÝ, Zoë HARTLEY),
                  multi-word given and family names (Anna Lena VAN DER KOOIJ, Carlos DE LA PEÑA), a driver with
                  no given name (` GECKO`), a qualifying car with no time (#11, Sepang Qualifying 2), Sepang
                  Race 1 published as hourly snapshots (`Hour 3_Provisional`, then `Hour 4_Official`: the highest
                  hour is the finish), the Dubai qualifying file in Windows-1252 without a BOM, and Abu Dhabi
                  Race 2 published provisional first and amended two days later.
                - **GT World Challenge Asia 2023** (`gtwc-asia`): Buriram, Sepang, Suzuka, Fuji, two 60-minute
                  races each. SRO results pages in the Asia site's column order (Pos, Car #, Drivers, Team, Car,
                  Class, Laps, Time, Gap); cups Pro-Am, Silver, Am; 14 cars of two drivers (#10 skips Suzuka).
                  No status column: a car is classified when it covered 75 % of the winner's laps, and the cars
                  that did not are at the bottom with a few laps.
                - **GT World Challenge Europe 2023** (`gtwc-europe`): Monza 3 Hours, Brands Hatch Sprint, Paul
                  Ricard 6 Hours, the 24 Hours of Spa (classifications after 6 hours, after 12 hours and at the
                  finish), Misano Sprint; a qualifying page for every race (its cup poles score). SRO pages in the
                  Europe site's column order; cups Pro, Gold, Silver, Bronze, Pro-Am (Pro-Am races the Endurance
                  Cup only); 21 cars, two drivers in Sprint races, three in Endurance races. Car `007` (Aldgate
                  Racing, Silver Cup) and car `7` (Harbour Lights Racing, Bronze Cup) are different cars.

                ## Teams in both Asian series

                The combined GT World Challenge Asia + Asian Le Mans Series classification ranks teams that race
                in both. The feeds spell them differently:

                | Asian Le Mans Series (GT) | GT World Challenge Asia | Matched by |
                |---|---|---|
                | Phoenix Lótus Racing | PHOENIX LOTUS | normalised name (case, accent, suffix) |
                | Kaiju Motorsport (#8, #88) | Kaiju Motorsports (#8, #18) | normalised name (suffix) |
                | Tsunami Team | Tsunami Racing | normalised name (suffix) |
                | Monsoon Motorsports | MONSOON | normalised name (case, suffix) |
                | Jade Harbour Racing | Jade Harbour | normalised name (suffix) |
                | Red Lantern by Huang | Huang Red Lantern | **only an alias** in the demo's `config/aliases.yaml` |

                **Near miss, never to be merged:** "Garuda Racing" (AsLMS #77, BMW) and "Garudda Racing"
                (GTWC Asia #71, Honda) are two different teams one letter apart. Merged by mistake they would
                enter the combined top 5 (their shares would add up to 0.411), which makes the mistake easy
                to see.

                The pair the demo's `config/aliases.yaml` must name (the file's own shape applies; for
                example):

                ```yaml
                teams:
                  - [Red Lantern by Huang, Huang Red Lantern]
                ```

                Without it, Red Lantern is in one series only, and the combined top 5 below loses it (Jade
                Harbour takes 5th place).

                ## The designed outcomes

                1. **An amendment changes the combined winner.** Abu Dhabi Race 2, the last race of the
                   Asian Le Mans season, is published provisional first: #44 Phoenix Lótus Racing wins GT from
                   #8 Kaiju Motorsport and #57 Desert Falcon Racing, and Phoenix Lótus leads the combined
                   classification. Two days later the official classification adds a 30-second penalty to #44,
                   which drops to 3rd in GT behind #8 and #57, and Kaiju takes the combined lead: the Phoenix
                   Lótus notice must be withdrawn and a new one issued. Both teams took part in every event of
                   both series.
                2. **The combined classification** (Podium's default, docs/rules.md, B): for each team present in both
                   series, its best car's GTWC Asia overall drivers' points (that car's crew) as a share of the
                   200 available (8 races × 25) plus its best car's AsLMS GT class points (with class poles and
                   0.5 per classified car beyond 10th) as a share of the 130 available (5 races × (25 + 1)).
                3. **The GT World Challenge Europe Bronze invitation** (docs/rules.md, A): #7 Harbour Lights Racing is
                   the top Bronze Cup car and attended every event. After Spa its lead (43.5 points) exceeds
                   the 35 still available at Misano (2 × (16.5 + 1)), so the invitation is CLINCHED before the
                   last round. #69 Northern Star Racing missed Brands Hatch and is not eligible. Strada Bianca
                   Motorsport (#93 and #94, taking turns at the front) tops the Bronze teams' table (best car
                   per race) although neither of its cars beats #7 — as happened in 2024.
                4. Every race runs its full planned length (no half points); positions are contiguous, every car
                   number appears once per session, and classified cars come before the others.

                ## The notices

                What `outbox/notices/` holds after the demo, and the step that publishes each (docs/rules.md,
                "Notices"). Every notice says what changed since the one before.

                GT World Challenge Europe Bronze Cup invitation (`lemans-2024-gtwc-europe`): the Monza
                qualifying alone (step 01) publishes nothing, as a pole point names no leader worth a notice.

                | Notice | Step | Recipient | Figures |
                |---|---|---|---|
                | `001-leader` | 02 | #93 Strada Bianca Motorsport | 25 points, 6 ahead of #7 |
                | `002-leader` | 04 | #7 Harbour Lights Racing | 31 points, 5 ahead of #93 |
                | `003-clinched` | 15 | #7 Harbour Lights Racing | 127 points, 43.5 ahead of #93, 35 still available |
                | `004-confirmed` | 18 | #7 Harbour Lights Racing | 146 points, 40 ahead of #94; crew Kilian LANGSTAFF, Tobias MONTAGNER, Erik NEUHOFF |

                GT World Challenge Asia and Asian Le Mans Series combined invitation (`lemans-2024-asia-combined`):

                | Notice | Step | Recipient | Figures |
                |---|---|---|---|
                | `001-leader` | 24 | Kaiju Motorsports | 1.002, 0.191 ahead of Phoenix Lótus Racing |
                | `002-leader` | 26 | Phoenix Lótus Racing | 1.003, 0.001 ahead |
                | `003-leader` | 27 | Kaiju Motorsports | 1.010, 0.007 ahead (the Dubai pole) |
                | `004-leader` | 28 | Phoenix Lótus Racing | 1.196, 0.048 ahead |
                | `005-leader` | 30 | Kaiju Motorsports | 1.348, 0.006 ahead |
                | `006-clinched` | 31 | Phoenix Lótus Racing | 1.534, 0.047 ahead of Kaiju, every round run |
                | `007-withdrawn` | 32 | Phoenix Lótus Racing | now 2nd with 1.457, 0.084 behind Kaiju; cause: Abu Dhabi Race 2, version 2 OFFICIAL replacing version 1 PROVISIONAL; followed by notice 8 |
                | `008-confirmed` | 32 | Kaiju Motorsports | 1.541, 0.084 ahead of Phoenix Lótus Racing |

                """;

        /** Filled in from the independent check in DemoSeasonOutcomesTest, which fails when they drift. */
        static final String FIGURES = """
                ## Expected figures

                Computed from these files with the points tables in the demo's `config/series/*.yaml` (see "Checking the
                figures" below). Points by position within the class or cup, classified cars only; ranks
                are shared where points are equal (two drivers of one car).

                ### Asian Le Mans Series 2023-24: GT class, cars

                Final (official Abu Dhabi Race 2, step 32):

                | Pos | Car | Team | Points |
                |---:|---|---|---:|
                | 1 | #44 | Phoenix Lótus Racing | 103 |
                | 2 | #8 | Kaiju Motorsport | 95 |
                | 3 | #57 | Desert Falcon Racing | 92 |
                | 4 | #21 | Tsunami Team | 58 |
                | 5 | #74 | Nordlicht Motorsport | 53 |

                Before the amendment (provisional Abu Dhabi Race 2, step 31):

                | Pos | Car | Team | Points |
                |---:|---|---|---:|
                | 1 | #44 | Phoenix Lótus Racing | 113 |
                | 2 | #57 | Desert Falcon Racing | 89 |
                | 3 | #8 | Kaiju Motorsport | 88 |
                | 4 | #21 | Tsunami Team | 58 |
                | 5 | #74 | Nordlicht Motorsport | 53 |

                ### GT World Challenge Asia 2023: drivers, overall

                | Pos | Driver | Car | Team | Points |
                |---:|---|---|---|---:|
                | 1 | Lucas BERGMANN | #3 | Mekong Velocity | 166 |
                | 1 | Quang Minh TRAN | #3 | Mekong Velocity | 166 |
                | 3 | Daichi MORIOKA | #8 | Kaiju Motorsports | 162 |
                | 3 | Hiroshi TANABE | #8 | Kaiju Motorsports | 162 |
                | 5 | Darren LIM | #44 | PHOENIX LOTUS | 133 |
                | 5 | Jonathan SEOW | #44 | PHOENIX LOTUS | 133 |

                ### GT World Challenge Europe 2023: Bronze Cup cars (what the invitation counts)

                Final:

                | Pos | Car | Team | Points |
                |---:|---|---|---:|
                | 1 | #7 | Harbour Lights Racing | 146 |
                | 2 | #94 | Strada Bianca Motorsport | 106 |
                | 3 | #93 | Strada Bianca Motorsport | 105.5 |
                | 4 | #40 | Lakeside Corse | 100.5 |
                | 5 | #12 | Gamma Corse | 78.5 |

                After Spa (step 15), with 35 points still available to a Bronze car at Misano — #7 leads by 43.5: CLINCHED.

                | Pos | Car | Team | Points |
                |---:|---|---|---:|
                | 1 | #7 | Harbour Lights Racing | 127 |
                | 2 | #93 | Strada Bianca Motorsport | 83.5 |
                | 3 | #40 | Lakeside Corse | 81 |

                Bronze Cup teams, each race scored with the team's best car (final):

                | Pos | Team | Points |
                |---:|---|---:|
                | 1 | Strada Bianca Motorsport | 153 |
                | 2 | Harbour Lights Racing | 146 |
                | 3 | Lakeside Corse | 100.5 |

                ### Combined GT World Challenge Asia + Asian Le Mans Series (teams)

                Shares of the maximum available: AsLMS GT 130, GTWC Asia 200. With the alias above configured.

                Before the amendment (step 31):

                | Pos | Team (AsLMS / GTWC Asia) | AsLMS GT best car | Points | Share | GTWC Asia best car | Points | Share | Combined |
                |---:|---|---|---:|---:|---|---:|---:|---:|
                | 1 | Phoenix Lótus Racing / PHOENIX LOTUS | #44 | 113 | 0.869 | #44 | 133 | 0.665 | 1.534 |
                | 2 | Kaiju Motorsport / Kaiju Motorsports | #8 | 88 | 0.677 | #8 | 162 | 0.810 | 1.487 |
                | 3 | Red Lantern by Huang / Huang Red Lantern | #9 | 19 | 0.146 | #9 | 91 | 0.455 | 0.601 |
                | 4 | Tsunami Team / Tsunami Racing | #21 | 58 | 0.446 | #21 | 30 | 0.150 | 0.596 |
                | 5 | Monsoon Motorsports / MONSOON | #33 | 34 | 0.262 | #33 | 12 | 0.060 | 0.322 |

                After the amendment (step 32, final):

                | Pos | Team (AsLMS / GTWC Asia) | AsLMS GT best car | Points | Share | GTWC Asia best car | Points | Share | Combined |
                |---:|---|---|---:|---:|---|---:|---:|---:|
                | 1 | Kaiju Motorsport / Kaiju Motorsports | #8 | 95 | 0.731 | #8 | 162 | 0.810 | 1.541 |
                | 2 | Phoenix Lótus Racing / PHOENIX LOTUS | #44 | 103 | 0.792 | #44 | 133 | 0.665 | 1.457 |
                | 3 | Red Lantern by Huang / Huang Red Lantern | #9 | 19 | 0.146 | #9 | 91 | 0.455 | 0.601 |
                | 4 | Tsunami Team / Tsunami Racing | #21 | 58 | 0.446 | #21 | 30 | 0.150 | 0.596 |
                | 5 | Monsoon Motorsports / MONSOON | #33 | 34 | 0.262 | #33 | 12 | 0.060 | 0.322 |
                """;

        static final String OUTRO = """

                ## Checking the figures

                `DemoSeasonOutcomesTest` reads these files back (by header and column name), scores them with
                the points tables in the demo's `config/series/*.yaml`, and fails if any figure above differs.
                """;
    }
}
