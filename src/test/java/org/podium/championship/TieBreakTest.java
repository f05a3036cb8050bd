package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.championship.Fixture.car;
import static org.podium.championship.Fixture.cars;
import static org.podium.championship.Fixture.race;

/** Entrants level on points: count-back, wins, kind wins, and ties that stay shared. */
class TieBreakTest {

    private static SessionResult alms(int round, String session, String... gtOrder) {
        return race("alms", "2023-24", round, session).of(cars("GT", gtOrder));
    }

    private static StandingsTable carsGt(SeriesRules rules, SessionResult... sessions) {
        return StandingsCalculator.compute(rules, "2023-24", List.of(sessions), Adjustments.none())
                .table("cars-gt").orElseThrow();
    }

    @Test
    void aTwoWayTieIsBrokenOnSecondPlaces() {
        // A: 1st, 2nd, 2nd = 61; B: 1st, 2nd, 4th, 7th = 61 (AsLMS 2023 LMP3 title, 73-73, went the same way)
        StandingsTable t = carsGt(Fixture.rules("alms"),
                alms(1, "Race 1", "A", "B"),
                alms(1, "Race 2", "B", "A"),
                alms(2, "Race", "x1", "A", "x2", "B"),
                alms(3, "Race 1", "x1", "x2", "x3", "x4", "x5", "x6", "B"));

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::points, StandingsRow::rank,
                        StandingsRow::tieBreak)
                .startsWith(
                        tuple("#A", 61.0, 1, "countback: 2 second places vs 1"),
                        tuple("#B", 61.0, 2, "countback: 1 second place vs 2"));
    }

    @Test
    void aThreeWayTieLevelOnEveryTieBreakIsSharedAndTheNextRankIsFour() {
        StandingsTable t = carsGt(Fixture.rules("alms"),
                alms(1, "Race 1", "C", "A", "B", "D"),
                alms(1, "Race 2", "B", "C", "A", "D"),
                alms(2, "Race", "A", "B", "C", "D"));

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::rank, StandingsRow::shared)
                .containsExactly(tuple("#A", 1, true), tuple("#B", 1, true), tuple("#C", 1, true), tuple("#D", 4, false));
        assertThat(t.rows().get(0).tieBreak()).isEqualTo("shared: level on points and on countback");
        assertThat(t.rows().get(3).tieBreak()).isNull();
    }

    @Test
    void aSharedRankDoesNotDependOnTheOrderOfTheInput() {
        SessionResult r1 = alms(1, "Race 1", "C", "A", "B");
        SessionResult r2 = alms(1, "Race 2", "B", "C", "A");
        SessionResult r3 = alms(2, "Race", "A", "B", "C");

        StandingsTable forward = carsGt(Fixture.rules("alms"), r1, r2, r3);
        StandingsTable backward = carsGt(Fixture.rules("alms"), r3, r2, r1);

        assertThat(backward.rows()).isEqualTo(forward.rows());
    }

    @Test
    void winsAloneLeaveSharedATieThatCountbackBreaks() {
        SeriesRules winsOnly = Fixture.rulesWith("alms", "tieBreak: [countback]", "tieBreak: [wins]");
        SessionResult[] season = {
                alms(1, "Race 1", "A", "B"),
                alms(1, "Race 2", "B", "A"),
                alms(2, "Race", "x1", "A", "x2", "B"),
                alms(3, "Race 1", "x1", "x2", "x3", "x4", "x5", "x6", "B")};

        assertThat(carsGt(winsOnly, season).rows()).extracting(r -> r.entrant().name(), StandingsRow::rank)
                .startsWith(tuple("#A", 1), tuple("#B", 1));
        assertThat(carsGt(Fixture.rules("alms"), season).rows()).extracting(r -> r.entrant().name(), StandingsRow::rank)
                .startsWith(tuple("#A", 1), tuple("#B", 2));
    }

    @Test
    void winsFirstThenCountbackExplainsTheDecisionByWins() {
        // GTWC Asia: number of wins first, then count-back. A: two wins = 50; B: 2nd, 2nd, 4th, 9th = 50
        SeriesRules asia = Fixture.rules("gtwc-asia");
        List<SessionResult> season = List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(car("A"), car("B")),
                race("gtwc-asia", "2023", 1, "Race 2").of(car("A"), car("B")),
                race("gtwc-asia", "2023", 2, "Race 1").of(car("x1"), car("x2"), car("x3"), car("B")),
                race("gtwc-asia", "2023", 2, "Race 2").of(car("y1"), car("y2"), car("y3"), car("y4"), car("y5"),
                        car("y6"), car("y7"), car("y8"), car("B")));

        StandingsTable t = StandingsCalculator.compute(asia, "2023", season, Adjustments.none())
                .table("cars-overall").orElseThrow();

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::points, StandingsRow::rank,
                        StandingsRow::tieBreak)
                .startsWith(tuple("#A", 50.0, 1, "wins: 2 vs 0"), tuple("#B", 50.0, 2, "wins: 0 vs 2"));
    }

    @Test
    void enduranceWinsFirstDecideDifferentlyFromPureCountback() {
        // A wins both Brands Hatch sprints (2 x 16.5 = 33); B wins the Monza 3 hours and is 4th and 10th
        // at Brands Hatch (25 + 7.5 + 0.5 = 33). Count-back prefers A's two wins; endurance wins prefer B.
        List<SessionResult> season = List.of(
                race("gtwc-europe", "2023", 1, "Race").of(car("B"), car("m1")),
                race("gtwc-europe", "2023", 2, "Race 1").of(car("A"), car("x1"), car("x2"), car("B")),
                race("gtwc-europe", "2023", 2, "Race 2").of(car("A"), car("y1"), car("y2"), car("y3"), car("y4"),
                        car("y5"), car("y6"), car("y7"), car("y8"), car("B")));
        SeriesRules countback = Fixture.rules("gtwc-europe");
        SeriesRules enduranceFirst = Fixture.rulesWith("gtwc-europe", "tieBreak: [countback]",
                "tieBreak: [kind-wins:endurance, countback]");

        StandingsTable byCountback = StandingsCalculator.compute(countback, "2023", season, Adjustments.none())
                .table("drivers-overall").orElseThrow();
        StandingsTable byEnduranceWins = StandingsCalculator.compute(enduranceFirst, "2023", season, Adjustments.none())
                .table("drivers-overall").orElseThrow();

        assertThat(byCountback.rows()).extracting(r -> r.entrant().carNumber(), StandingsRow::tieBreak)
                .startsWith(tuple("A", "countback: 2 wins vs 1"), tuple("B", "countback: 1 win vs 2"));
        assertThat(byEnduranceWins.rows()).extracting(r -> r.entrant().carNumber(), StandingsRow::tieBreak)
                .startsWith(tuple("B", "wins in endurance* races: 1 vs 0"), tuple("A", "wins in endurance* races: 0 vs 1"));
    }

    @Test
    void countbackCountsPlacesWithinTheScopeOnly() {
        // Overall B is ahead of A twice, but in the GT class both have one win and one second place.
        SeriesRules alms = Fixture.rules("alms");
        StandingsTable t = carsGt(alms,
                race("alms", "2023-24", 1, "Race 1").of(car("A").cls("GT"), car("B").cls("GT")),
                race("alms", "2023-24", 1, "Race 2").of(car("P").cls("LMP2"), car("B").cls("GT"), car("A").cls("GT"),
                        car("N").cls("GT").status(EntryStatus.NOT_CLASSIFIED)));

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::rank, StandingsRow::positions)
                .startsWith(tuple("#A", 1, java.util.Map.of(1, 1, 2, 1)), tuple("#B", 1, java.util.Map.of(1, 1, 2, 1)));
    }
}
