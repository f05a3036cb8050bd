package org.podium.championship;

import org.podium.model.Entry;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A series' classes and cups as its feeds write them. Feeds put a car's class or cup in CLASS, GROUP
 * or DIVISION (Al Kamel CSVs) or in a page's Class column (SRO), and not always in the same one: an
 * SRO America export writes the cup in CLASS, an ELMS file writes {@code LMP2 Pro/Am}, a GT World
 * Challenge Europe race file may write {@code Bronze} where a class would be. Every value a file
 * writes must mean something here: a class, a cup, both, or nothing on purpose. A value that maps
 * to nothing would drop the car from its class or cup tables in silence, so the file is refused,
 * naming the values the series knows (docs/formats.md, "Classes and cups").
 */
public final class Categories {

    /**
     * What one written value means.
     *
     * @param carClass the series class it names, null where it names none
     * @param cup      the series cup it names, null where it names none
     */
    public record Meaning(String carClass, String cup) {}

    /** A value the series has under {@code written:}, beyond its class and cup names. */
    public record Written(String value, Meaning meaning) {}

    private final SeriesRules rules;
    private final Map<String, Meaning> byFolded = new HashMap<>();

    public Categories(SeriesRules rules) {
        this.rules = rules;
        for (String c : rules.classes()) byFolded.put(fold(c), new Meaning(c, null));
        for (String c : rules.cups()) byFolded.putIfAbsent(fold(c), new Meaning(null, c));
        for (Written w : rules.written()) byFolded.put(fold(w.value()), w.meaning());
    }

    /** What a written value means here, null when it means nothing the series knows. */
    public Meaning meaning(String written) {
        return byFolded.get(fold(written));
    }

    /** The result with each car's class and cup as the series names them; problems for values that map to nothing. */
    public Placed place(SessionResult s) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Entry> out = new ArrayList<>(s.entries().size());
        Map<String, Integer> inClass = new HashMap<>();
        for (Entry e : s.entries()) {
            String carClass = null;
            String cup = null;
            for (String value : new String[] {e.carClass(), e.cup(), e.group(), e.division()}) {
                if (value == null) continue;
                Meaning m = meaning(value);
                if (m == null) {
                    unknown.computeIfAbsent(value, v -> new ArrayList<>()).add(car(e));
                    continue;
                }
                if (m.carClass() != null) {
                    if (carClass != null && !carClass.equals(m.carClass())) {
                        problems.add(car(e) + " is written both class " + carClass + " and class " + m.carClass());
                    }
                    carClass = m.carClass();
                }
                if (m.cup() != null) {
                    if (cup != null && !cup.equals(m.cup())) {
                        problems.add(car(e) + " is written both cup " + cup + " and cup " + m.cup());
                    }
                    cup = m.cup();
                }
            }
            if (carClass == null) carClass = rules.defaultClass();
            if (carClass == null && !rules.classes().isEmpty() && !unknownFor(unknown, e)) {
                problems.add(car(e) + " has no class: the file writes none, and the series has no defaultClass");
            }
            int classPosition = inClass.merge(carClass == null ? "" : carClass, 1, Integer::sum);
            out.add(new Entry(e.position(), classPosition, e.number(), e.team(), e.drivers(), e.car(), carClass, cup,
                    e.group(), e.division(), e.tyres(), e.status(), e.laps(), e.totalTimeMs(), e.gap(), e.gapPrevious(),
                    e.bestLap(), e.sourceLine()));
        }
        List<String> unplaced = new ArrayList<>();
        unknown.forEach((value, cars) -> unplaced.add("\"" + value + "\", written for " + cars(cars)
                + ", is not a class or cup of " + rules.name()));
        problems.addAll(0, unplaced);
        if (!problems.isEmpty()) return new Placed(null, List.copyOf(problems));
        return new Placed(new SessionResult(s.series(), s.season(), s.event(), s.session(), s.status(), s.source(),
                s.statusReported(), out), List.of());
    }

    /** What the series knows, as a sentence: its classes, its cups and its other written values. */
    public String known() {
        String classes = rules.classes().isEmpty() ? "none" : String.join(", ", rules.classes());
        String cups = rules.cups().isEmpty() ? "none" : String.join(", ", rules.cups());
        String written = rules.written().isEmpty() ? "" : "; also written: " + rules.written().stream()
                .map(w -> "\"" + w.value() + "\" (" + describe(w.meaning()) + ")").collect(Collectors.joining(", "));
        return "classes " + classes + "; cups " + cups + written;
    }

    static String describe(Meaning m) {
        if (m.carClass() == null && m.cup() == null) return "names no class or cup";
        if (m.cup() == null) return "class " + m.carClass();
        if (m.carClass() == null) return "cup " + m.cup();
        return "class " + m.carClass() + ", cup " + m.cup();
    }

    /**
     * The result of placing a session's cars in classes and cups.
     *
     * @param result   the session with each car's class and cup as the series names them; null when refused
     * @param problems why it is refused; empty when placed
     */
    public record Placed(SessionResult result, List<String> problems) {}

    private static boolean unknownFor(Map<String, List<String>> unknown, Entry e) {
        String c = car(e);
        return unknown.values().stream().anyMatch(cars -> cars.contains(c));
    }

    private static String car(Entry e) {
        return "car #" + e.number() + (e.sourceLine() == null ? "" : " (line " + e.sourceLine() + ")");
    }

    /** "car #27 (line 9)", or "cars #27 (line 9), #99 (line 10), #30 (line 11) and 9 more". */
    private static String cars(List<String> cars) {
        if (cars.size() == 1) return cars.get(0);
        List<String> shown = cars.subList(0, Math.min(3, cars.size())).stream().map(c -> c.substring("car ".length())).toList();
        return "cars " + String.join(", ", shown) + (cars.size() > 3 ? " and " + (cars.size() - 3) + " more" : "");
    }

    /** "Bronze Cup", "BRONZE" and "bronze" are one value; so are "Pro-Am", "Pro/Am" and "pro am". */
    static String fold(String s) {
        String folded = Names.fold(s);
        return folded.endsWith(" cup") ? folded.substring(0, folded.length() - 4) : folded;
    }
}
