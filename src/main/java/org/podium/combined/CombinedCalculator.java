package org.podium.combined;

import org.podium.championship.Ranking;
import org.podium.model.SeasonRef;
import org.podium.championship.InputDocument;
import org.podium.championship.RoundScore;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SessionScore;
import org.podium.championship.StandingsRow;
import org.podium.championship.StandingsTable;
import org.podium.model.SessionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A combined classification of several series' seasons: a pure function of the rule, each counting
 * season's standings and the aliases.
 *
 * <p>Scores are compared unrounded (to 1e-9, so that sums of shares that are equal in exact
 * arithmetic stay equal); they are printed rounded to the rule's decimals. A season with no
 * standings yet counts as nothing raced, every round still to run.
 */
public final class CombinedCalculator {
    /** Sums of shares that are equal in exact arithmetic may differ in the last bits of a double. */
    static final double EPSILON = 1e-9;

    private CombinedCalculator() {}

    /** A team's cars in each counting table, in table order. */
    private static final class Team {
        final String key;
        final Map<Integer, List<StandingsRow>> cars = new TreeMap<>();

        Team(String key) { this.key = key; }
    }

    public static CombinedClassification compute(CombinedRule rule, Map<SeasonRef, SeasonStandings> standings,
                                                 Aliases aliases) {
        TeamIdentity identity = new TeamIdentity(aliases);
        List<String> warnings = new ArrayList<>();
        List<SeasonState> seasons = new ArrayList<>();
        List<InputDocument> inputs = new ArrayList<>();
        Map<String, Team> teams = new LinkedHashMap<>();
        List<List<StandingsRow>> tableRows = new ArrayList<>();

        for (int i = 0; i < rule.tables().size(); i++) {
            CountingTable ct = rule.tables().get(i);
            SeasonStandings ss = standings.get(ct.season());
            StandingsTable table = ss == null ? null : ss.table(ct.table()).orElse(null);
            if (ss != null && table == null) {
                warnings.add(ct.season() + " has no table " + ct.table() + "; counted as nothing raced");
            }
            seasons.add(SeasonState.of(ct, ss));
            if (ss != null) inputs.addAll(ss.inputs());
            List<StandingsRow> rows = table == null ? List.of()
                    : table.rows().stream().filter(r -> !r.excluded()).toList();
            tableRows.add(rows);
            for (StandingsRow row : rows) {
                String team = row.entrant().team();
                if (team == null || identity.key(team).isEmpty()) {
                    warnings.add(ct.path() + ": " + row.entrant().name() + " has no team name; left out");
                    continue;
                }
                teams.computeIfAbsent(identity.key(team), Team::new).cars
                        .computeIfAbsent(i, k -> new ArrayList<>()).add(row);
            }
        }

        List<Scored> eligible = new ArrayList<>();
        List<IneligibleTeam> ineligible = new ArrayList<>();
        for (Team t : teams.values()) {
            List<SeriesShare> shares = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < rule.tables().size(); i++) {
                CountingTable ct = rule.tables().get(i);
                List<StandingsRow> cars = t.cars.getOrDefault(i, List.of());
                int started = 0;
                if (!cars.isEmpty()) {
                    SeriesShare share = share(ct, seasons.get(i).maxSeasonPoints(), cars);
                    shares.add(share);
                    started = share.roundsStarted().size();
                }
                if (started == 0) {
                    reasons.add("did not start a round of the " + ct.label());
                } else if (started < rule.minRounds()) {
                    reasons.add("started " + rounds(started) + " of the " + ct.label() + ", fewer than the "
                            + rule.minRounds() + " required");
                }
            }
            String name = displayName(identity, t.key, shares);
            double score = shares.stream().mapToDouble(SeriesShare::share).sum();
            if (reasons.isEmpty()) {
                eligible.add(new Scored(name, t.key, shares, score, bestFinishes(t)));
            } else {
                ineligible.add(new IneligibleTeam(name, t.key, shares, score, String.join("; ", reasons)));
            }
        }
        ineligible.sort(Comparator.comparingDouble(IneligibleTeam::score).reversed()
                .thenComparing(IneligibleTeam::teamKey));

        List<CombinedRow> rows = rank(eligible, rule);
        List<NearMiss> nearMisses = nearMisses(rule, tableRows, identity);
        return new CombinedClassification(rule, seasons, rows, ineligible, nearMisses, inputs, warnings);
    }

    /** The team's best car: most points; rows come in rank order, so the better ranked wins a tie. */
    private static SeriesShare share(CountingTable ct, double maxSeason, List<StandingsRow> cars) {
        StandingsRow best = cars.get(0);
        for (StandingsRow r : cars) if (r.points() > best.points() + EPSILON) best = r;
        SortedSet<Integer> started = new TreeSet<>();
        for (StandingsRow r : cars) started.addAll(Participation.rounds(r));
        return new SeriesShare(ct.season(), ct.seriesName(), best.entrant().team(), best.entrant().carNumber(),
                best.entrant().crew(), best.points(), maxSeason, best.points() / maxSeason, List.copyOf(started));
    }

    /**
     * The alias group's name where one is configured; else the first spelling, in the order the
     * series are configured, that is not all in capitals (some feeds print every name in capitals);
     * else the first spelling.
     */
    private static String displayName(TeamIdentity identity, String key, List<SeriesShare> shares) {
        return identity.canonicalName(key).orElseGet(() -> shares.stream().map(SeriesShare::team)
                .filter(t -> !t.equals(t.toUpperCase(Locale.ROOT))).findFirst()
                .orElse(shares.isEmpty() ? key : shares.get(0).team()));
    }

    /** Per race of every counting table, the place of the team's best-placed car. */
    private static Map<Integer, Integer> bestFinishes(Team t) {
        Map<String, Integer> bestByRace = new HashMap<>();
        t.cars.forEach((table, cars) -> {
            for (StandingsRow car : cars) {
                for (RoundScore r : car.rounds()) {
                    for (SessionScore s : r.sessions()) {
                        if (s.type() != SessionType.RACE || s.position() == null) continue;
                        bestByRace.merge(table + "/" + r.round() + "/" + s.race(), s.position(), Math::min);
                    }
                }
            }
        });
        Map<Integer, Integer> counts = new TreeMap<>();
        bestByRace.values().forEach(p -> counts.merge(p, 1, Integer::sum));
        return counts;
    }

    private record Scored(String name, String key, List<SeriesShare> shares, double score,
                          Map<Integer, Integer> finishes) {
        double bestShare() { return shares.stream().mapToDouble(SeriesShare::share).max().orElse(0); }
    }

    private static List<CombinedRow> rank(List<Scored> teams, CombinedRule rule) {
        List<Ranking.TieStep<Scored>> steps = rule.tieBreak().stream().<Ranking.TieStep<Scored>>map(tb -> new Ranking.TieStep<>() {
            @Override public int compare(Scored a, Scored b) { return CombinedCalculator.compare(tb, a, b); }
            @Override public String explain(Scored a, Scored b) { return CombinedCalculator.explain(tb, a, b, rule.decimals()); }
        }).toList();
        String sharedText = rule.tieBreak().isEmpty() ? "shared: level on score"
                : "shared: level on score and on " + rule.tieBreak().stream().map(CombinedTieBreak::id)
                .collect(Collectors.joining(", "));
        Ranking.Order<Scored> order = new Ranking.Order<>(Comparator.comparingDouble(Scored::score).reversed(),
                (x, y) -> level(x.score(), y.score()), Comparator.comparing(Scored::name).thenComparing(Scored::key),
                steps, sharedText);
        List<CombinedRow> out = new ArrayList<>();
        for (Ranking.Place<Scored> p : Ranking.rank(teams, order)) {
            Scored s = p.item();
            out.add(new CombinedRow(p.rank(), p.shared(), s.name(), s.key(), s.shares(), s.score(), p.tieBreak(),
                    s.finishes()));
        }
        return out;
    }

    static boolean level(double a, double b) { return Math.abs(a - b) < EPSILON; }

    /** Positive when {@code a} is ahead of {@code b} on this tie-break. */
    private static int compare(CombinedTieBreak tb, Scored a, Scored b) {
        return switch (tb) {
            case BEST_SINGLE_SHARE -> level(a.bestShare(), b.bestShare()) ? 0 : Double.compare(a.bestShare(), b.bestShare());
            case COUNTBACK -> {
                int place = firstDifferentPlace(a.finishes(), b.finishes());
                yield place == 0 ? 0 : Integer.compare(count(a.finishes(), place), count(b.finishes(), place));
            }
        };
    }

    private static String explain(CombinedTieBreak tb, Scored a, Scored b, int decimals) {
        return switch (tb) {
            case BEST_SINGLE_SHARE -> "best single-series share: " + Scores.format(a.bestShare(), decimals) + " vs "
                    + Scores.format(b.bestShare(), decimals);
            case COUNTBACK -> {
                int place = firstDifferentPlace(a.finishes(), b.finishes());
                int n = count(a.finishes(), place);
                String what = place == 1 ? (n == 1 ? "win" : "wins") : Scores.ordinal(place) + (n == 1 ? " place" : " places");
                yield "countback: " + n + " " + what + " vs " + count(b.finishes(), place);
            }
        };
    }

    private static int firstDifferentPlace(Map<Integer, Integer> a, Map<Integer, Integer> b) {
        TreeSet<Integer> places = new TreeSet<>(a.keySet());
        places.addAll(b.keySet());
        for (int p : places) if (count(a, p) != count(b, p)) return p;
        return 0;
    }

    private static int count(Map<Integer, Integer> finishes, int place) { return finishes.getOrDefault(place, 0); }

    private static String rounds(int n) { return n + (n == 1 ? " round" : " rounds"); }

    /**
     * Teams of different series whose keys are close. A pair is left out when one series already
     * shows both names side by side: there they are evidently two teams.
     */
    private static List<NearMiss> nearMisses(CombinedRule rule, List<List<StandingsRow>> tableRows,
                                             TeamIdentity identity) {
        List<Map<String, String>> spellings = new ArrayList<>();
        for (List<StandingsRow> rows : tableRows) {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (StandingsRow r : rows) {
                String team = r.entrant().team();
                if (team != null && !identity.key(team).isEmpty()) byKey.putIfAbsent(identity.key(team), team);
            }
            spellings.add(byKey);
        }
        List<NearMiss> out = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < spellings.size(); i++) {
            for (int j = i + 1; j < spellings.size(); j++) {
                for (Map.Entry<String, String> a : spellings.get(i).entrySet()) {
                    for (Map.Entry<String, String> b : spellings.get(j).entrySet()) {
                        String ka = a.getKey();
                        String kb = b.getKey();
                        OptionalInt d = identity.nearMiss(ka, kb);
                        if (d.isEmpty()) continue;
                        if (spellings.get(i).containsKey(kb) || spellings.get(j).containsKey(ka)) continue;
                        String pair = ka.compareTo(kb) < 0 ? ka + "|" + kb : kb + "|" + ka;
                        if (!reported.add(pair)) continue;
                        out.add(new NearMiss(a.getValue(), rule.tables().get(i).season(), b.getValue(),
                                rule.tables().get(j).season(), d.getAsInt()));
                    }
                }
            }
        }
        return out;
    }
}
