package org.podium.championship;

import org.podium.model.Driver;
import org.podium.model.SessionType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds one table's rows from the contributions of its scope: who the entrants are, what counts
 * for each per race, adjustments, ranks, and history after each round.
 *
 * <p>Per calendar race an entrant counts one car: a driver's car (a driver entered in two cars of
 * the same race counts the better one), a car itself, or a team's best car; only a team scored
 * {@code all-cars} counts every car. A car's points for a race include the pole it took for it.
 */
final class TableBuilder {

    private final Ranks ranks;
    private final TeamScoring teamScoring;
    private final String tableId;
    private final List<TieBreak> tieBreaks;
    private final List<Adjustment> adjustments;

    TableBuilder(Ranks ranks, TeamScoring teamScoring, String tableId, List<TieBreak> tieBreaks,
                 List<Adjustment> adjustments) {
        this.ranks = ranks;
        this.teamScoring = ranks == Ranks.TEAMS ? teamScoring : null;
        this.tableId = tableId;
        this.tieBreaks = tieBreaks;
        this.adjustments = adjustments;
    }

    /** An entrant's contributions and the decisions that name it. */
    private static final class Entity {
        final String key;
        final List<Contribution> contributions = new ArrayList<>();
        final Set<Adjustment> named = Collections.newSetFromMap(new IdentityHashMap<>());
        Entrant entrant;
        String sortName;
        /** What counts for the entrant in each race it took part in, in round order. */
        List<RaceCount> races;

        Entity(String key) { this.key = key; }

        boolean excluded() { return named.stream().anyMatch(a -> a.type() == AdjustmentType.EXCLUSION); }
    }

    /** What counts for an entrant in one race: decided once, whatever round the table is taken at. */
    private record RaceCount(int round, List<Contribution> counted) {}

    /** What counts for an entrant up to a round. */
    private record Tally(double points, List<Contribution> counted, Map<Integer, Integer> positions,
                         Map<String, Integer> winsByKind) {}

    List<StandingsRow> build(List<Contribution> contributions, List<Integer> historyRounds, Set<Adjustment> matched) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            for (String key : keys(c)) entities.computeIfAbsent(key, Entity::new).contributions.add(c);
        }
        for (Entity e : entities.values()) {
            e.entrant = entrant(e);
            e.sortName = Names.fold(e.entrant.name());
            e.races = races(e.contributions);
            for (Adjustment a : adjustments) {
                if (a.type() == AdjustmentType.REINSTATEMENT) continue;
                if (a.table() != null && !a.table().equals(tableId)) continue;
                if (a.entrant().matches(ranks, e.entrant.name(), e.entrant.team(), e.entrant.carNumber())) {
                    e.named.add(a);
                    matched.add(a);
                }
            }
        }
        int lastRound = historyRounds.isEmpty() ? Integer.MAX_VALUE : historyRounds.get(historyRounds.size() - 1);

        Map<String, List<HistoryPoint>> history = new HashMap<>();
        Map<String, Integer> previousRank = new HashMap<>();
        // The table after each round, from running totals: each race is added once, so the history
        // costs one pass over the season rather than one per round.
        Map<String, Running> running = new HashMap<>();
        for (Entity e : entities.values()) running.put(e.key, new Running());
        for (int round : historyRounds) {
            List<Ranking.Item> items = new ArrayList<>();
            for (Entity e : entities.values()) {
                Running r = running.get(e.key);
                r.advance(e.races, round);
                if (r.races == 0) continue;
                items.add(new Ranking.Item(e.key, e.sortName, r.points - deducted(e, round, lastRound),
                        new TreeMap<>(r.positions), new TreeMap<>(r.winsByKind), e.excluded()));
            }
            for (Ranking.Place<Ranking.Item> p : Ranking.rank(items, tieBreaks)) {
                Integer before = previousRank.get(p.item().key());
                Integer change = before == null || p.rank() == null ? null : before - p.rank();
                history.computeIfAbsent(p.item().key(), k -> new ArrayList<>())
                        .add(new HistoryPoint(round, p.rank(), p.item().points(), change));
                if (p.rank() != null) previousRank.put(p.item().key(), p.rank());
            }
        }

        Ranked finalRanking = rankAt(entities.values(), Integer.MAX_VALUE, lastRound);
        List<StandingsRow> rows = new ArrayList<>();
        for (Ranking.Place<Ranking.Item> p : finalRanking.places) {
            Entity e = entities.get(p.item().key());
            Tally t = finalRanking.tallies.get(e.key);
            rows.add(new StandingsRow(p.rank(), p.shared(), e.excluded(), e.entrant, p.item().points(), rounds(t.counted),
                    t.positions.getOrDefault(1, 0), t.positions, p.tieBreak(), applied(e),
                    history.getOrDefault(e.key, List.of()), sources(t.counted)));
        }
        return rows;
    }

    private record Ranked(List<Ranking.Place<Ranking.Item>> places, Map<String, Tally> tallies) {}

    private Ranked rankAt(Iterable<Entity> entities, int round, int lastRound) {
        List<Ranking.Item> items = new ArrayList<>();
        Map<String, Tally> tallies = new HashMap<>();
        for (Entity e : entities) {
            if (e.contributions.stream().noneMatch(c -> c.round() <= round)) continue;
            Tally t = tally(e.races, round);
            tallies.put(e.key, t);
            items.add(new Ranking.Item(e.key, e.sortName, t.points - deducted(e, round, lastRound), t.positions,
                    t.winsByKind, e.excluded()));
        }
        return new Ranked(Ranking.rank(items, tieBreaks), tallies);
    }

    private static double deducted(Entity e, int round, int lastRound) {
        return e.named.stream()
                .filter(a -> a.type() == AdjustmentType.DEDUCTION && effectiveRound(a, lastRound) <= round)
                .mapToDouble(Adjustment::points).sum();
    }

    /** An entrant's totals as the rounds go by: points, finishing places and wins by race kind. */
    private static final class Running {
        int races;
        double points;
        final Map<Integer, Integer> positions = new TreeMap<>();
        final Map<String, Integer> winsByKind = new TreeMap<>();

        /** Adds the races of rounds up to {@code round} not added yet ({@code all} is in round order). */
        void advance(List<RaceCount> all, int round) {
            while (races < all.size() && all.get(races).round() <= round) {
                for (Contribution c : all.get(races).counted()) {
                    points += c.points();
                    if (c.type() != SessionType.RACE || c.position() == null) continue;
                    positions.merge(c.position(), 1, Integer::sum);
                    if (c.position() == 1) winsByKind.merge(c.kind(), 1, Integer::sum);
                }
                races++;
            }
        }
    }

    /** A deduction without a round, or dated after the latest round in, applies from the latest round. */
    private static int effectiveRound(Adjustment a, int lastRound) {
        return a.round() == null ? lastRound : Math.min(a.round(), lastRound);
    }

    /** Per race, the contributions that count: every car's for all-cars teams, else the best car's. */
    private List<RaceCount> races(List<Contribution> all) {
        Map<String, List<Contribution>> byRace = all.stream()
                .collect(Collectors.groupingBy(Contribution::raceSlot, LinkedHashMap::new, Collectors.toList()));
        List<RaceCount> out = new ArrayList<>();
        for (List<Contribution> race : byRace.values()) {
            if (teamScoring == TeamScoring.ALL_CARS) {
                out.add(new RaceCount(race.get(0).round(), race));
                continue;
            }
            Map<String, List<Contribution>> byCar = race.stream()
                    .collect(Collectors.groupingBy(Contribution::carNumber, TreeMap::new, Collectors.toList()));
            List<Contribution> best = byCar.values().stream().max(Comparator
                    .comparingDouble((List<Contribution> car) -> car.stream().mapToDouble(Contribution::points).sum())
                    .thenComparing(car -> -bestPosition(car))).orElseThrow();
            out.add(new RaceCount(race.get(0).round(), best));
        }
        out.sort(Comparator.comparingInt(RaceCount::round));
        return out;
    }

    private Tally tally(List<RaceCount> races, int upToRound) {
        List<Contribution> counted = new ArrayList<>();
        for (RaceCount r : races) if (r.round() <= upToRound) counted.addAll(r.counted());
        counted.sort(Comparator.comparingInt(Contribution::chronology).thenComparing(Contribution::sessionKey)
                .thenComparing(Contribution::carNumber));
        double points = counted.stream().mapToDouble(Contribution::points).sum();
        Map<Integer, Integer> positions = new TreeMap<>();
        Map<String, Integer> winsByKind = new TreeMap<>();
        for (Contribution c : counted) {
            if (c.type() != SessionType.RACE || c.position() == null) continue;
            positions.merge(c.position(), 1, Integer::sum);
            if (c.position() == 1) winsByKind.merge(c.kind(), 1, Integer::sum);
        }
        return new Tally(points, counted, positions, winsByKind);
    }

    private static int bestPosition(List<Contribution> car) {
        return car.stream().filter(c -> c.position() != null).mapToInt(Contribution::position).min()
                .orElse(Integer.MAX_VALUE);
    }

    private List<String> keys(Contribution c) {
        return switch (ranks) {
            case CARS -> List.of("car:" + c.carNumber());
            case DRIVERS -> c.drivers().stream().map(d -> Names.fold(d.fullName())).filter(k -> !k.isEmpty())
                    .distinct().map(k -> "driver:" + k).toList();
            case TEAMS -> {
                if (c.team() == null || Names.fold(c.team()).isEmpty()) yield List.of();
                String team = "team:" + Names.fold(c.team());
                yield List.of(teamScoring == TeamScoring.EACH_CAR_SEPARATELY ? team + "#" + c.carNumber() : team);
            }
        };
    }

    /** Shown as at the latest appearance: a driver who changes team shows the new one. */
    private Entrant entrant(Entity e) {
        Contribution latest = e.contributions.stream().max(Comparator.comparingInt(Contribution::chronology)
                .thenComparing(Contribution::sessionKey)).orElseThrow();
        List<String> crew = latest.drivers().stream().map(Driver::fullName).toList();
        List<String> scorers = scorers(e.contributions);
        return switch (ranks) {
            case CARS -> new Entrant(e.key, "#" + latest.carNumber(), latest.team(), latest.carNumber(),
                    latest.carModel(), crew, scorers);
            case DRIVERS -> {
                String name = latest.drivers().stream()
                        .filter(d -> ("driver:" + Names.fold(d.fullName())).equals(e.key))
                        .map(Driver::fullName).findFirst().orElseThrow();
                yield new Entrant(e.key, name, latest.team(), latest.carNumber(), latest.carModel(), crew, scorers);
            }
            case TEAMS -> teamScoring == TeamScoring.EACH_CAR_SEPARATELY
                    ? new Entrant(e.key, latest.team() + " #" + latest.carNumber(), latest.team(), latest.carNumber(),
                    latest.carModel(), crew, scorers)
                    : new Entrant(e.key, latest.team(), latest.team(), null, null, List.of());
        };
    }

    /**
     * Every driver of the sessions that gave the entrant points, in the order they first scored; a
     * driver spelled two ways is one driver, shown as most recently spelled.
     */
    private static List<String> scorers(List<Contribution> contributions) {
        Map<String, String> byName = new LinkedHashMap<>();
        contributions.stream().filter(c -> c.points() > 0)
                .sorted(Comparator.comparingInt(Contribution::chronology).thenComparing(Contribution::sessionKey))
                .forEach(c -> c.drivers().forEach(d -> {
                    String key = Names.fold(d.fullName());
                    // a re-spelled driver keeps its first place in the order and takes the latest spelling
                    if (!key.isEmpty()) byName.put(key, d.fullName());
                }));
        return List.copyOf(byName.values());
    }

    private static List<RoundScore> rounds(List<Contribution> counted) {
        Map<Integer, List<Contribution>> byRound = counted.stream()
                .collect(Collectors.groupingBy(Contribution::round, TreeMap::new, Collectors.toList()));
        List<RoundScore> out = new ArrayList<>();
        byRound.forEach((round, cs) -> out.add(new RoundScore(round, cs.get(0).event(),
                cs.stream().mapToDouble(Contribution::points).sum(),
                cs.stream().map(Contribution::score).toList())));
        return out;
    }

    private List<AppliedAdjustment> applied(Entity e) {
        Set<Adjustment> all = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Contribution c : e.contributions) if (c.reinstatement() != null) all.add(c.reinstatement());
        all.addAll(e.named);
        return adjustments.stream().filter(all::contains).map(AppliedAdjustment::of).toList();
    }

    private static List<String> sources(List<Contribution> counted) {
        return counted.stream().map(Contribution::sha256).filter(s -> s != null)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
