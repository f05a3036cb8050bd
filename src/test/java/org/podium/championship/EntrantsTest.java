package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.podium.model.SessionResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.championship.Fixture.car;
import static org.podium.championship.Fixture.race;

/** Who a row is: drivers, cars, teams by each team-scoring rule. */
class EntrantsTest {

    /** Team Kaiju's #7 and #8 and Team Lotus' #3 over two races. */
    private static List<SessionResult> twoTeams(String series, String season, String cls) {
        return List.of(
                race(series, season, 1, "Race 1").of(car("7").team("Kaiju").cls(cls), car("3").team("Lotus").cls(cls),
                        car("8").team("Kaiju").cls(cls)),
                race(series, season, 1, "Race 2").of(car("3").team("Lotus").cls(cls), car("8").team("Kaiju").cls(cls),
                        car("7").team("Kaiju").cls(cls)));
    }

    @Test
    void eachCarSeparatelyRanksEveryCarOfATeamAsItsOwnRow() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("alms"), "2023-24", twoTeams("alms", "2023-24", "GT"),
                Adjustments.none());

        assertThat(s.table("teams-gt").orElseThrow().rows())
                .extracting(r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("Lotus #3", 43.0), tuple("Kaiju #7", 40.0), tuple("Kaiju #8", 33.0));
    }

    @Test
    void bestCarCountsTheTeamsBestPlacedCarInEachRace() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-asia"), "2023", twoTeams("gtwc-asia", "2023", null),
                Adjustments.none());

        StandingsTable teams = s.table("teams-overall").orElseThrow();
        assertThat(teams.teamScoring()).isEqualTo(TeamScoring.BEST_CAR);
        assertThat(teams.rows()).extracting(r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("Kaiju", 25.0 + 18), tuple("Lotus", 18.0 + 25));
        assertThat(teams.rows().get(0).rounds().get(0).sessions())
                .extracting(SessionScore::carNumber).containsExactly("7", "8");
    }

    @Test
    void allCarsAddsUpEveryCarOfTheTeam() {
        SeriesRules allCars = Fixture.rulesWith("gtwc-asia", "teamScoring: best-car", "teamScoring: all-cars");

        SeasonStandings s = StandingsCalculator.compute(allCars, "2023", twoTeams("gtwc-asia", "2023", null), Adjustments.none());

        assertThat(s.table("teams-overall").orElseThrow().rows()).extracting(r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("Kaiju", 25.0 + 15 + 18 + 15), tuple("Lotus", 18.0 + 25));
        assertThat(s.table("teams-overall").orElseThrow().maxSeasonPoints()).isEqualTo(8 * (25 + 18 + 15 + 12 + 10 + 8 + 6 + 4 + 2 + 1));
    }

    @Test
    void aDriverWhoChangesTeamKeepsHisPointsAndShowsTheLatestTeam() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-asia"), "2023", List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(car("7").team("Kaiju").drivers("Anna EXAMPLE", "Ben SAMPLE")),
                race("gtwc-asia", "2023", 2, "Race 1").of(car("11").team("Lotus").drivers("Cho DUMMY"),
                        car("21").team("Garuda").drivers("Anna EXAMPLE", "Dev TRIAL"))), Adjustments.none());

        StandingsRow anna = s.table("drivers-overall").orElseThrow().row("driver:anna example").orElseThrow();
        assertThat(anna.points()).isEqualTo(25 + 18);
        assertThat(anna.entrant()).extracting(Entrant::team, Entrant::carNumber, Entrant::drivers)
                .containsExactly("Garuda", "21", List.of("Anna EXAMPLE", "Dev TRIAL"));
    }

    @Test
    void driverNamesMatchWithCaseAndAccentsFolded() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-asia"), "2023", List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(car("7").drivers("Grégoire SAUCY")),
                race("gtwc-asia", "2023", 2, "Race 1").of(car("7").drivers("Gregoire Saucy"))), Adjustments.none());

        assertThat(s.table("drivers-overall").orElseThrow().rows())
                .extracting(r -> r.entrant().key(), r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("driver:gregoire saucy", "Gregoire Saucy", 50.0));
    }

    @Test
    void car007AndCar7AreDifferentCars() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-asia"), "2023", List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(car("007").team("Bond"), car("7").team("Kaiju"))),
                Adjustments.none());

        assertThat(s.table("cars-overall").orElseThrow().rows()).extracting(r -> r.entrant().key(), StandingsRow::points)
                .containsExactly(tuple("car:007", 25.0), tuple("car:7", 18.0));
    }

    @Test
    void aCarThatChangesCupAppearsInEachCupTableWithThePointsScoredThere() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-asia"), "2023", List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(car("7").cup("Silver"), car("8").cup("Silver")),
                race("gtwc-asia", "2023", 2, "Race 1").of(car("8").cup("Silver"), car("7").cup("Pro-Am"))),
                Adjustments.none());

        assertThat(s.table("drivers-silver").orElseThrow().row("driver:driver of 7").orElseThrow().points()).isEqualTo(25);
        assertThat(s.table("drivers-pro-am").orElseThrow().row("driver:driver of 7").orElseThrow().points()).isEqualTo(25);
    }

    @Test
    void everyConfiguredTableIsPublishedUnderItsId() {
        SeasonStandings s = StandingsCalculator.compute(Fixture.rules("gtwc-europe"), "2023", List.of(), Adjustments.none());

        assertThat(s.tables()).extracting(StandingsTable::id).containsExactly(
                "drivers-overall", "teams-overall", "cars-overall",
                "drivers-pro", "drivers-gold", "drivers-silver", "drivers-bronze", "drivers-pro-am",
                "teams-pro", "teams-gold", "teams-silver", "teams-bronze", "teams-pro-am",
                "cars-pro", "cars-gold", "cars-silver", "cars-bronze", "cars-pro-am");
    }
}
