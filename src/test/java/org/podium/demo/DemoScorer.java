package org.podium.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.podium.demo.DemoFiles.Document;
import org.podium.demo.DemoFiles.Row;

/**
 * A deliberately small scorer for checking the demo's designed outcomes: points by position within
 * the scope, classified cars only, pole from the qualifying that set the grid, all numbers read from
 * {@code config/series/<id>.yaml}. It knows nothing of the engine it will be compared with.
 */
final class DemoScorer {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NUMBERED = Pattern.compile("^(Race|Qualifying)\\s+(\\d+)$");

    final String series;
    private final JsonNode rules;

    DemoScorer(String series) {
        this.series = series;
        try {
            this.rules = YAML.readTree(DemoConfig.SERIES.resolve(series + ".yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A race of the calendar; {@code planned} is null where the calendar gives none. */
    record CalendarRace(int round, String event, int race, String session, String kind, boolean pole, Duration planned) {
        String id() { return round + "/" + race; }
    }

    List<CalendarRace> calendar(String season) {
        JsonNode rounds = rules.path("seasons").path(season).path("rounds");
        if (!rounds.isArray() || rounds.isEmpty()) throw new IllegalStateException(series + ": no calendar for season " + season);
        List<CalendarRace> out = new ArrayList<>();
        for (JsonNode r : rounds) {
            for (JsonNode race : r.path("races")) {
                out.add(new CalendarRace(r.path("round").asInt(), r.path("event").asText(), race.path("race").asInt(),
                        race.hasNonNull("session") ? race.path("session").asText() : null, race.path("kind").asText(),
                        race.path("pole").asBoolean(true),
                        race.hasNonNull("planned") ? Duration.parse(race.path("planned").asText()) : null));
            }
        }
        return out;
    }

    /** The calendar race a race session is: by session name where given, else race number, else the only race. */
    CalendarRace raceOf(Document d) {
        List<CalendarRace> round = calendar(d.season()).stream().filter(c -> c.round() == d.round()).toList();
        for (CalendarRace c : round) {
            if (c.session() != null && c.session().equalsIgnoreCase(d.session())) return c;
        }
        Matcher m = NUMBERED.matcher(d.session());
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            for (CalendarRace c : round) if (c.race() == n && c.session() == null) return c;
        }
        List<CalendarRace> unnamed = round.stream().filter(c -> c.session() == null).toList();
        if (unnamed.size() == 1) return unnamed.get(0);
        throw new IllegalStateException(d.sessionKey() + ": no calendar race matches");
    }

    /** The races whose grid a qualifying set: race N for "Qualifying N", else every race of the round with a pole. */
    List<CalendarRace> gridOf(Document q) {
        List<CalendarRace> round = calendar(q.season()).stream().filter(c -> c.round() == q.round()).toList();
        Matcher m = NUMBERED.matcher(q.session());
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            return round.stream().filter(c -> c.race() == n).toList();
        }
        return round.stream().filter(CalendarRace::pole).toList();
    }

    double[] scale(String kind) {
        JsonNode pts = rules.path("scoring").path("kinds").path(kind).path("points");
        if (!pts.isArray()) throw new IllegalStateException(series + ": no points for kind " + kind);
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) out[i] = pts.get(i).asDouble();
        return out;
    }

    double beyond(String kind) { return rules.path("scoring").path("kinds").path(kind).path("beyondScale").asDouble(0); }

    double polePoints() { return rules.path("scoring").path("pole").path("points").asDouble(0); }

    double minShare() { return rules.path("scoring").path("classification").path("minShareOfWinnerDistance").asDouble(); }

    /** The most one entrant can score in the given races: a win, and the pole where it counts. */
    double maxAvailable(List<CalendarRace> races) {
        double sum = 0;
        for (CalendarRace c : races) sum += scale(c.kind())[0] + (c.pole() ? polePoints() : 0);
        return sum;
    }

    /** Calendar races that have no race document yet. */
    List<CalendarRace> remaining(String season, List<Document> current) {
        Set<String> run = new HashSet<>();
        for (Document d : current) if (d.series().equals(series) && d.season().equals(season) && d.race()) run.add(raceOf(d).id());
        return calendar(season).stream().filter(c -> !run.contains(c.id())).toList();
    }

    /**
     * The scope's rows that are classified: by STATUS where the feed has one, else by distance
     * against the scope's winner (the first row of the scope).
     */
    List<Row> classified(List<Row> scoped) {
        if (scoped.isEmpty()) return scoped;
        int winnerLaps = scoped.get(0).laps();
        return scoped.stream().filter(r -> r.status() != null ? r.status().equalsIgnoreCase("Classified")
                : r.laps() >= minShare() * winnerLaps).toList();
    }

    /** Points per entrant per calendar race id ("round/race"), within the scope. */
    Map<String, Map<String, Double>> score(List<Document> current, String season, Predicate<Row> scope,
                                           Function<Row, String> entrant, boolean poles) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (Document d : current) {
            if (!d.series().equals(series) || !d.season().equals(season)) continue;
            List<Row> scoped = d.rows().stream().filter(scope).toList();
            if (scoped.isEmpty()) continue;
            if (d.race()) {
                CalendarRace c = raceOf(d);
                double[] scale = scale(c.kind());
                List<Row> cl = classified(scoped);
                for (int i = 0; i < cl.size(); i++) {
                    double p = i < scale.length ? scale[i] : beyond(c.kind());
                    out.computeIfAbsent(entrant.apply(cl.get(i)), k -> new TreeMap<>()).merge(c.id(), p, Double::sum);
                }
            } else if (d.qualifying() && poles && polePoints() > 0) {
                Row pole = scoped.stream().filter(r -> r.timeMs() != null).findFirst().orElse(null);
                if (pole == null) continue;
                for (CalendarRace c : gridOf(d)) {
                    if (c.pole()) out.computeIfAbsent(entrant.apply(pole), k -> new TreeMap<>()).merge(c.id(), polePoints(), Double::sum);
                }
            }
        }
        return out;
    }

    /** The rounds in which each entrant appears in a race classification. */
    Map<String, Set<Integer>> rounds(List<Document> current, String season, Predicate<Row> scope, Function<Row, String> entrant) {
        Map<String, Set<Integer>> out = new TreeMap<>();
        for (Document d : current) {
            if (!d.series().equals(series) || !d.season().equals(season) || !d.race()) continue;
            for (Row r : d.rows()) if (scope.test(r)) out.computeIfAbsent(entrant.apply(r), k -> new HashSet<>()).add(d.round());
        }
        return out;
    }

    static double total(Map<String, Double> perRace) {
        return perRace.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
