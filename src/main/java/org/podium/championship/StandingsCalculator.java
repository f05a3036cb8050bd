package org.podium.championship;

import org.podium.model.Entry;
import org.podium.model.ResultStatus;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Championship standings of one season of one series: a pure function of the series' rules, the
 * current version of each session and the season's adjustments.
 */
public final class StandingsCalculator {
    private StandingsCalculator() {}

    /**
     * @param currentSessions the newest version of each session (an amended classification replaces
     *                        the one before it, so pass one result per session key); sessions of
     *                        other series or seasons are left out
     * @throws IllegalArgumentException when the season is not in the rules, or a session key is given twice
     */
    public static SeasonStandings compute(SeriesRules rules, String season, List<SessionResult> currentSessions,
                                          Adjustments adjustments) {
        SeasonCalendar calendar = rules.requireCalendar(season);
        List<String> warnings = new ArrayList<>();
        List<SessionResult> sessions = currentSessions.stream()
                .filter(s -> s.series().equals(rules.id()) && s.season().equals(season)).toList();
        if (sessions.size() < currentSessions.size()) {
            warnings.add((currentSessions.size() - sessions.size()) + " session(s) of other series or seasons left out");
        }
        Map<String, SessionResult> byKey = new HashMap<>();
        for (SessionResult s : sessions) {
            SessionResult other = byKey.putIfAbsent(s.sessionKey(), s);
            if (other != null) {
                throw new IllegalArgumentException("session " + s.sessionKey() + " is given twice ("
                        + document(other) + " and " + document(s) + "); pass only its current version");
            }
        }

        Map<String, Adjustment> restored = new HashMap<>();
        sessions = Reinstatements.apply(sessions, adjustments, restored, warnings);
        SeasonResults placed = SeasonResults.place(rules, calendar, sessions, warnings);

        Set<String> racesIn = new LinkedHashSet<>();
        placed.races.forEach(r -> racesIn.add(r.round().round() + "/" + r.race().race()));
        Set<String> polesIn = new LinkedHashSet<>();
        placed.poles.forEach(p -> polesIn.add(p.round().round() + "/" + p.race().race()));
        List<Integer> roundsComplete = new ArrayList<>();
        List<Integer> roundsToRun = new ArrayList<>();
        for (CalendarRound round : calendar.rounds()) {
            long in = round.races().stream().filter(r -> racesIn.contains(round.round() + "/" + r.race())).count();
            if (in == round.races().size()) roundsComplete.add(round.round());
            if (in == 0) roundsToRun.add(round.round());
        }

        // Calendar order: by round, the qualifying sessions before the races, each in race order.
        record Placed(int round, int race, SessionResult result) {
            int stage() { return result.session().type() == SessionType.RACE ? 1 : 0; }
        }
        Map<String, SessionResult> used = new LinkedHashMap<>();
        Stream.concat(placed.races.stream().map(r -> new Placed(r.round().round(), r.race().race(), r.result())),
                        placed.poles.stream().map(p -> new Placed(p.round().round(), p.race().race(), p.result())))
                .sorted(Comparator.comparingInt(Placed::round).thenComparingInt(Placed::stage)
                        .thenComparingInt(Placed::race).thenComparing(p -> p.result().sessionKey()))
                .forEach(p -> used.putIfAbsent(p.result().sessionKey(), p.result()));
        boolean allOfficial = used.values().stream().allMatch(s -> s.status() == ResultStatus.OFFICIAL);
        StandingsStatus status = roundsComplete.size() == calendar.rounds().size() && allOfficial
                ? StandingsStatus.FINAL : StandingsStatus.PROVISIONAL;
        List<Integer> historyRounds = new ArrayList<>(new TreeSet<>(
                used.values().stream().map(s -> s.event().round()).toList()));
        List<InputDocument> inputs = used.values().stream()
                .map(s -> new InputDocument(s.sessionKey(), s.source() == null ? null : s.source().document(),
                        s.source() == null ? null : s.source().sha256(), s.status(), null, s.event().name(),
                        s.session().name(), s.session().type()))
                .toList();

        warnClassesOutsideRules(rules, placed, warnings);

        Set<Adjustment> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        List<StandingsTable> tables = new ArrayList<>();
        for (TableSpec spec : rules.tables()) {
            for (String value : scopeValues(rules, spec.scope())) {
                Predicate<Entry> inScope = inScope(rules, spec.scope(), value);
                String label = spec.scope() == Scope.OVERALL ? "overall" : value;
                List<Contribution> contributions = new ArrayList<>();
                for (SeasonResults.RaceResult rr : placed.races) {
                    contributions.addAll(RaceScorer.race(rr, inScope, label, rules.scoring(), restored));
                }
                for (SeasonResults.PoleResult pr : placed.poles) {
                    RaceScorer.pole(pr, inScope, rules.scoring().pole().points()).ifPresent(contributions::add);
                }
                TeamScoring teamScoring = spec.ranks() == Ranks.TEAMS ? rules.teamScoring(spec) : null;
                String id = StandingsTable.id(spec.ranks(), value);
                List<StandingsRow> rows = new TableBuilder(spec.ranks(), teamScoring, id, rules.tieBreak(),
                        adjustments.list()).build(contributions, historyRounds, matched);
                double maxSeason = 0;
                double maxRemaining = 0;
                for (CalendarRound round : calendar.rounds()) {
                    for (CalendarRace race : round.races()) {
                        String slot = round.round() + "/" + race.race();
                        maxSeason += MaxPoints.forRace(rules, race, teamScoring, false);
                        if (!racesIn.contains(slot)) {
                            maxRemaining += MaxPoints.forRace(rules, race, teamScoring, polesIn.contains(slot));
                        }
                    }
                }
                tables.add(new StandingsTable(id, spec.ranks(), spec.scope(), value, teamScoring, status, maxSeason,
                        maxRemaining, rows));
            }
        }
        for (Adjustment a : adjustments.list()) {
            if (a.type() != AdjustmentType.REINSTATEMENT && !matched.contains(a)) {
                warnings.add(a + ": matches no row of " + (a.table() == null ? "any table" : "table " + a.table())
                        + "; not applied");
            }
        }
        return new SeasonStandings(rules.id(), season, status, roundsComplete, roundsToRun, inputs, tables, warnings);
    }

    private static List<String> scopeValues(SeriesRules rules, Scope scope) {
        return switch (scope) {
            case OVERALL -> List.of("overall");
            case CLASS -> rules.classes();
            case CUP -> rules.cups();
        };
    }

    private static Predicate<Entry> inScope(SeriesRules rules, Scope scope, String value) {
        return switch (scope) {
            case OVERALL -> e -> true;
            case CLASS -> e -> foldCategory(carClass(rules, e)).equals(foldCategory(value));
            case CUP -> e -> foldCategory(e.cup()).equals(foldCategory(value));
        };
    }

    private static String carClass(SeriesRules rules, Entry e) {
        return e.carClass() != null ? e.carClass() : rules.defaultClass();
    }

    /** "Bronze Cup", "bronze" and "Bronze" are one cup; feeds differ in how they write it. */
    private static String foldCategory(String s) {
        if (s == null) return "\u0000";
        String folded = Names.fold(s);
        return folded.endsWith(" cup") ? folded.substring(0, folded.length() - 4) : folded;
    }

    private static void warnClassesOutsideRules(SeriesRules rules, SeasonResults placed, List<String> warnings) {
        if (rules.tables().stream().noneMatch(t -> t.scope() == Scope.CLASS)) return;
        Set<String> known = new TreeSet<>();
        rules.classes().forEach(c -> known.add(foldCategory(c)));
        Map<String, String> unknown = new LinkedHashMap<>();
        for (SeasonResults.RaceResult rr : placed.races) {
            for (Entry e : rr.result().entries()) {
                String c = carClass(rules, e);
                if (!known.contains(foldCategory(c))) {
                    unknown.putIfAbsent(String.valueOf(c), "car #" + e.number() + " in " + rr.result().sessionKey());
                }
            }
        }
        unknown.forEach((c, where) -> warnings.add("class \"" + c + "\" (" + where + ") is not one of the series' classes "
                + rules.classes() + "; such cars score in no class table"));
    }

    private static String document(SessionResult s) {
        return s.source() == null ? "no source" : s.source().document();
    }
}
