package org.podium.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.podium.demo.DemoFiles.Document;
import org.podium.demo.DemoFiles.Row;

/**
 * The demo's expected figures, computed from its files by {@link DemoScorer}: the standings the
 * README prints and the designed outcomes the tests assert.
 */
final class DemoFigures {

    static final String ALMS = "alms", ALMS_SEASON = "2023-24", ASIA = "gtwc-asia", EUROPE = "gtwc-europe", SRO_SEASON = "2023";
    static final String BRONZE = "Bronze Cup";

    /** Team pairs that only an alias can match; the README prints them for {@code config/aliases.yaml}. */
    static final Map<String, String> ALIASES = Map.of("Red Lantern by Huang", "Huang Red Lantern");

    final List<Document> all;
    final DemoScorer alms = new DemoScorer(ALMS), asia = new DemoScorer(ASIA), europe = new DemoScorer(EUROPE);
    final int steps;

    DemoFigures(List<Document> all) {
        this.all = all;
        this.steps = all.stream().mapToInt(Document::step).max().orElse(0);
    }

    /** A row of a table: an entrant, how it is shown, its points. */
    record Standing(String key, String number, String team, List<String> drivers, double points) {}

    /** The step after which a session's newest document was published. */
    int stepOf(String series, String event, String session, String fileContains) {
        return all.stream().filter(d -> d.series().equals(series) && d.event().equals(event) && d.session().equals(session)
                        && d.file().contains(fileContains))
                .mapToInt(Document::step).findFirst().orElseThrow();
    }

    // ----------------------------------------------------------------------------------------

    List<Standing> almsGtCars(int upTo) {
        List<Document> cur = DemoFiles.current(all, upTo);
        return standings(cur, alms, ALMS_SEASON, r -> r.klass().equals("GT"), r -> r.number() + "|" + r.team(), true);
    }

    List<Standing> asiaCars(int upTo) {
        return standings(DemoFiles.current(all, upTo), asia, SRO_SEASON, r -> true, r -> r.number() + "|" + r.team(), true);
    }

    /** Drivers' points, each row showing the car of the driver's latest race. */
    List<Standing> asiaDrivers(int upTo) {
        List<Document> cur = DemoFiles.current(all, upTo);
        Map<String, Double> points = new HashMap<>();
        Map<String, Standing> shown = new LinkedHashMap<>();
        for (Standing car : asiaCars(upTo)) {
            for (String d : car.drivers()) {
                points.merge(d, car.points(), Double::sum);
            }
        }
        for (Document d : cur) {
            if (!d.series().equals(ASIA) || !d.race()) continue;
            for (Row r : d.rows()) for (String name : r.drivers()) shown.put(name, new Standing(name, r.number(), r.team(), List.of(name), 0));
        }
        List<Standing> out = new ArrayList<>();
        for (Standing s : shown.values()) out.add(new Standing(s.key(), s.number(), s.team(), s.drivers(), points.getOrDefault(s.key(), 0.0)));
        out.sort(Comparator.comparingDouble(Standing::points).reversed().thenComparing(Standing::key));
        return out;
    }

    List<Standing> europeBronzeCars(int upTo) {
        return standings(DemoFiles.current(all, upTo), europe, SRO_SEASON, r -> r.klass().equals(BRONZE), Row::number, true);
    }

    /** Bronze teams, scoring each race with the team's best car of that race (with or without its pole). */
    List<Standing> europeBronzeTeams(int upTo, boolean poles) {
        List<Document> cur = DemoFiles.current(all, upTo);
        Map<String, Map<String, Double>> cars = europe.score(cur, SRO_SEASON, r -> r.klass().equals(BRONZE), Row::number, poles);
        Map<String, String> teamOf = latest(cur, EUROPE, r -> r.klass().equals(BRONZE), Row::number);
        Map<String, Map<String, Double>> best = new TreeMap<>();
        for (Map.Entry<String, Map<String, Double>> car : cars.entrySet()) {
            String team = teamOf.get(car.getKey()).split("\\|", 2)[1];
            for (Map.Entry<String, Double> race : car.getValue().entrySet()) {
                best.computeIfAbsent(team, k -> new TreeMap<>()).merge(race.getKey(), race.getValue(), Math::max);
            }
        }
        List<Standing> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> t : best.entrySet()) {
            out.add(new Standing(t.getKey(), "", t.getKey(), List.of(), DemoScorer.total(t.getValue())));
        }
        out.sort(Comparator.comparingDouble(Standing::points).reversed().thenComparing(Standing::key));
        return out;
    }

    Map<String, Set<Integer>> europeBronzeRounds() {
        return europe.rounds(all, SRO_SEASON, r -> r.klass().equals(BRONZE), Row::number);
    }

    // ----------------------------------------------------------------------------------------
    // The combined Asia classification (docs/rules.md, B, Podium's default)

    record Combined(String almsTeam, String asiaTeam, Standing almsBest, Standing asiaBest, double almsShare,
                    double asiaShare) {
        double total() { return almsShare + asiaShare; }
    }

    List<Combined> combined(int upTo) {
        return combined(upTo, true);
    }

    List<Combined> combined(int upTo, boolean aliases) {
        List<Document> cur = DemoFiles.current(all, upTo);
        double almsMax = alms.maxAvailable(alms.calendar(ALMS_SEASON));
        double asiaMax = asia.maxAvailable(asia.calendar(SRO_SEASON));
        Map<String, Standing> almsBest = bestByTeam(almsGtCars(upTo));
        Map<String, Standing> asiaBest = bestByTeam(asiaCars(upTo));
        // a team that entered but never scored still takes part
        for (String team : teams(cur, ALMS, r -> r.klass().equals("GT"))) almsBest.putIfAbsent(team, new Standing(team, "", team, List.of(), 0));
        for (String team : teams(cur, ASIA, r -> true)) asiaBest.putIfAbsent(team, new Standing(team, "", team, List.of(), 0));
        List<Combined> out = new ArrayList<>();
        for (Standing a : almsBest.values()) {
            for (Standing s : asiaBest.values()) {
                if (aliases ? sameTeam(a.team(), s.team()) : fold(a.team()).equals(fold(s.team()))) {
                    out.add(new Combined(a.team(), s.team(), a, s, a.points() / almsMax, s.points() / asiaMax));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Combined::total).reversed().thenComparing(Combined::almsTeam));
        return out;
    }

    static boolean sameTeam(String a, String b) {
        return fold(a).equals(fold(b)) || b.equals(ALIASES.get(a)) || a.equals(ALIASES.get(b));
    }

    /** Case, accents, punctuation and a trailing Team/Racing/Motorsport(s) folded away. */
    static String fold(String team) {
        String s = Normalizer.normalize(team, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
        String before;
        do {
            before = s;
            s = s.replaceAll("\\s+(team|racing|motorsport|motorsports)$", "");
        } while (!s.equals(before));
        return s;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ----------------------------------------------------------------------------------------

    private List<Standing> standings(List<Document> cur, DemoScorer scorer, String season,
                                     java.util.function.Predicate<Row> scope, java.util.function.Function<Row, String> key, boolean poles) {
        Map<String, Map<String, Double>> pts = scorer.score(cur, season, scope, key, poles);
        Map<String, String> latest = latest(cur, scorer.series, scope, key);
        Map<String, List<String>> crews = new HashMap<>();
        for (Document d : cur) {
            if (!d.series().equals(scorer.series) || !d.race()) continue;
            for (Row r : d.rows()) if (scope.test(r)) crews.put(key.apply(r), r.drivers());
        }
        List<Standing> out = new ArrayList<>();
        for (Map.Entry<String, String> e : latest.entrySet()) {
            String[] nt = e.getValue().split("\\|", 2);
            out.add(new Standing(e.getKey(), nt[0], nt[1], crews.getOrDefault(e.getKey(), List.of()),
                    DemoScorer.total(pts.getOrDefault(e.getKey(), Map.of()))));
        }
        out.sort(Comparator.comparingDouble(Standing::points).reversed().thenComparing(Standing::key));
        return out;
    }

    /** Each entrant's number and team ("number|team") as of its latest race. */
    private static Map<String, String> latest(List<Document> cur, String series, java.util.function.Predicate<Row> scope,
                                              java.util.function.Function<Row, String> key) {
        Map<String, String> out = new TreeMap<>();
        for (Document d : cur) {
            if (!d.series().equals(series) || !d.race()) continue;
            for (Row r : d.rows()) if (scope.test(r)) out.put(key.apply(r), r.number() + "|" + r.team());
        }
        return out;
    }

    private static List<String> teams(List<Document> cur, String series, java.util.function.Predicate<Row> scope) {
        return cur.stream().filter(d -> d.series().equals(series) && d.race()).flatMap(d -> d.rows().stream())
                .filter(scope).map(Row::team).distinct().toList();
    }

    private static Map<String, Standing> bestByTeam(List<Standing> cars) {
        Map<String, Standing> best = new LinkedHashMap<>();
        for (Standing s : cars) best.merge(s.team(), s, (a, b) -> b.points() > a.points() ? b : a);
        return best;
    }

    // ----------------------------------------------------------------------------------------
    // The README's figures section

    String markdown() {
        int provisional = stepOf(ALMS, "Abu Dhabi", "Race 2", "_Provisional");
        int official = stepOf(ALMS, "Abu Dhabi", "Race 2", "_Official");
        int afterSpa = stepOf(EUROPE, "Spa", "Race", "Race_Official");
        StringBuilder b = new StringBuilder("## Expected figures\n\n");
        b.append("Computed from these files with the points tables in the demo's `config/series/*.yaml` (see \"Checking the\n")
                .append("figures\" below). Points by position within the class or cup, classified cars only; ranks\n")
                .append("are shared where points are equal (two drivers of one car).\n\n");

        b.append("### Asian Le Mans Series 2023-24: GT class, cars\n\n");
        b.append("Final (official Abu Dhabi Race 2, step ").append(official).append("):\n\n");
        b.append(carTable(almsGtCars(official), 5));
        b.append("\nBefore the amendment (provisional Abu Dhabi Race 2, step ").append(provisional).append("):\n\n");
        b.append(carTable(almsGtCars(provisional), 5));

        b.append("\n### GT World Challenge Asia 2023: drivers, overall\n\n");
        b.append(driverTable(asiaDrivers(steps), 5));

        int end = steps;
        b.append("\n### GT World Challenge Europe 2023: Bronze Cup cars (what the invitation counts)\n\n");
        b.append("Final:\n\n").append(carTable(europeBronzeCars(end), 5));
        List<Standing> spa = europeBronzeCars(afterSpa);
        List<DemoScorer.CalendarRace> left = europe.remaining(SRO_SEASON, DemoFiles.current(all, afterSpa));
        b.append("\nAfter Spa (step ").append(afterSpa).append("), with ").append(fmt(europe.maxAvailable(left)))
                .append(" points still available to a Bronze car at Misano — #").append(spa.get(0).number())
                .append(" leads by ").append(fmt(spa.get(0).points() - spa.get(1).points())).append(": CLINCHED.\n\n");
        b.append(carTable(spa, 3));
        b.append("\nBronze Cup teams, each race scored with the team's best car (final):\n\n");
        b.append(teamTable(europeBronzeTeams(end, true), 3));

        b.append("\n### Combined GT World Challenge Asia + Asian Le Mans Series (teams)\n\n");
        b.append("Shares of the maximum available: AsLMS GT ").append(fmt(alms.maxAvailable(alms.calendar(ALMS_SEASON))))
                .append(", GTWC Asia ").append(fmt(asia.maxAvailable(asia.calendar(SRO_SEASON))))
                .append(". With the alias above configured.\n\n");
        b.append("Before the amendment (step ").append(provisional).append("):\n\n");
        b.append(combinedTable(combined(provisional), 5));
        b.append("\nAfter the amendment (step ").append(official).append(", final):\n\n");
        b.append(combinedTable(combined(official), 5));
        return b.toString();
    }

    static String carTable(List<Standing> rows, int top) {
        StringBuilder b = new StringBuilder("| Pos | Car | Team | Points |\n|---:|---|---|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            int rank = rank(rows, i);
            if (rank > top) break;
            Standing s = rows.get(i);
            b.append("| ").append(rank).append(" | #").append(s.number()).append(" | ").append(s.team()).append(" | ")
                    .append(fmt(s.points())).append(" |\n");
        }
        return b.toString();
    }

    static String driverTable(List<Standing> rows, int top) {
        StringBuilder b = new StringBuilder("| Pos | Driver | Car | Team | Points |\n|---:|---|---|---|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            int rank = rank(rows, i);
            if (rank > top) break;
            Standing s = rows.get(i);
            b.append("| ").append(rank).append(" | ").append(s.key()).append(" | #").append(s.number()).append(" | ")
                    .append(s.team()).append(" | ").append(fmt(s.points())).append(" |\n");
        }
        return b.toString();
    }

    static String teamTable(List<Standing> rows, int top) {
        StringBuilder b = new StringBuilder("| Pos | Team | Points |\n|---:|---|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            int rank = rank(rows, i);
            if (rank > top) break;
            b.append("| ").append(rank).append(" | ").append(rows.get(i).team()).append(" | ").append(fmt(rows.get(i).points())).append(" |\n");
        }
        return b.toString();
    }

    static String combinedTable(List<Combined> rows, int top) {
        StringBuilder b = new StringBuilder("| Pos | Team (AsLMS / GTWC Asia) | AsLMS GT best car | Points | Share | GTWC Asia best car | Points | Share | Combined |\n"
                + "|---:|---|---|---:|---:|---|---:|---:|---:|\n");
        for (int i = 0; i < Math.min(top, rows.size()); i++) {
            Combined c = rows.get(i);
            b.append("| ").append(i + 1).append(" | ").append(c.almsTeam()).append(" / ").append(c.asiaTeam()).append(" | #")
                    .append(c.almsBest().number()).append(" | ").append(fmt(c.almsBest().points())).append(" | ")
                    .append(three(c.almsShare())).append(" | #").append(c.asiaBest().number()).append(" | ")
                    .append(fmt(c.asiaBest().points())).append(" | ").append(three(c.asiaShare())).append(" | ")
                    .append(three(c.total())).append(" |\n");
        }
        return b.toString();
    }

    /** 1 + the number of rows with more points: equal points share a rank. */
    static int rank(List<Standing> rows, int i) {
        int r = 1;
        for (Standing s : rows) if (s.points() > rows.get(i).points()) r++;
        return r;
    }

    static String fmt(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Prints the figures section, to paste into the generator's README text. */
    public static void main(String[] args) {
        System.out.print(new DemoFigures(DemoFiles.load(DemoFiles.DEMO)).markdown());
    }
}
