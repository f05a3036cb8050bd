package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podium.championship.Fixture.car;
import static org.podium.championship.Fixture.qualifying;
import static org.podium.championship.Fixture.race;

/** Points per race: ACO and SRO scales, class and cup scopes, poles, classification, shortened races. */
class PointsTest {
    private static final SeriesRules ALMS = Fixture.rules("alms");
    private static final SeriesRules EUROPE = Fixture.rules("gtwc-europe");
    private static final SeriesRules ASIA = Fixture.rules("gtwc-asia");

    private static StandingsRow row(SeasonStandings s, String table, String key) {
        return s.table(table).orElseThrow().row(key).orElseThrow();
    }

    private static SeasonStandings alms(SessionResult... sessions) {
        return StandingsCalculator.compute(ALMS, "2023-24", List.of(sessions), Adjustments.none());
    }

    private static SeasonStandings europe(SessionResult... sessions) {
        return StandingsCalculator.compute(EUROPE, "2023", List.of(sessions), Adjustments.none());
    }

    @Test
    void twoAsianLeMansWinsFromPoleScore52() {
        SeasonStandings s = alms(
                qualifying("alms", "2023-24", 1, "Qualifying 1").of(car("91").cls("GT"), car("77").cls("GT")),
                race("alms", "2023-24", 1, "Race 1").of(car("91").cls("GT"), car("77").cls("GT")),
                qualifying("alms", "2023-24", 1, "Qualifying 2").of(car("91").cls("GT"), car("77").cls("GT")),
                race("alms", "2023-24", 1, "Race 2").of(car("91").cls("GT"), car("77").cls("GT")));

        assertThat(row(s, "cars-gt", "car:91").points()).isEqualTo(52);
    }

    @Test
    void winFromPoleThenSecondScore44() {
        SeasonStandings s = alms(
                qualifying("alms", "2023-24", 1, "Qualifying 1").of(car("91").cls("GT"), car("77").cls("GT")),
                race("alms", "2023-24", 1, "Race 1").of(car("91").cls("GT"), car("77").cls("GT")),
                qualifying("alms", "2023-24", 1, "Qualifying 2").of(car("77").cls("GT"), car("91").cls("GT")),
                race("alms", "2023-24", 1, "Race 2").of(car("77").cls("GT"), car("91").cls("GT")));

        assertThat(row(s, "cars-gt", "car:91").points()).isEqualTo(44);
    }

    @Test
    void placesCountWithinTheClassNotOverall() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(
                car("23").cls("LMP2"), car("8").cls("LMP2"), car("91").cls("GT"), car("17").cls("LMP3")));

        assertThat(row(s, "cars-gt", "car:91").points()).isEqualTo(25);
        assertThat(row(s, "cars-lmp3", "car:17").points()).isEqualTo(25);
        assertThat(row(s, "cars-lmp2", "car:8").points()).isEqualTo(18);
    }

    @Test
    void aCarClassifiedFourteenthInClassScoresHalfAPoint() {
        List<Fixture.Car> field = new ArrayList<>();
        field.add(car("2").cls("LMP2"));
        for (int i = 1; i <= 14; i++) field.add(car("9" + i).cls("GT"));

        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(field.toArray(Fixture.Car[]::new)));

        assertThat(row(s, "cars-gt", "car:914").points()).isEqualTo(0.5);
        assertThat(row(s, "cars-gt", "car:914").rounds().get(0).sessions().get(0).position()).isEqualTo(14);
        assertThat(row(s, "cars-gt", "car:910").points()).isEqualTo(1);
    }

    @Test
    void aNotClassifiedCarWithPosition3ScoresNothingAndTakesNoPlace() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(
                car("1").cls("GT"), car("2").cls("GT"), car("3").cls("GT").status(EntryStatus.NOT_CLASSIFIED),
                car("4").cls("GT")));

        StandingsRow nc = row(s, "cars-gt", "car:3");
        assertThat(nc.points()).isZero();
        assertThat(nc.rounds().get(0).sessions().get(0).note()).isEqualTo("no points: not classified");
        assertThat(row(s, "cars-gt", "car:4").points()).isEqualTo(15);
    }

    @Test
    void aDisqualifiedCarScoresNothing() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(
                car("1").cls("GT").status(EntryStatus.DISQUALIFIED), car("2").cls("GT")));

        assertThat(row(s, "cars-gt", "car:1").points()).isZero();
        assertThat(row(s, "cars-gt", "car:2").points()).isEqualTo(25);
    }

    @Test
    void aGtWorldChallengeEuropeSprintWinFromPoleScores17point5() {
        SeasonStandings s = europe(
                qualifying("gtwc-europe", "2023", 2, "Qualifying 1").of(car("32"), car("4")),
                race("gtwc-europe", "2023", 2, "Race 1").of(car("32"), car("4")));

        assertThat(row(s, "drivers-overall", "driver:driver of 32").points()).isEqualTo(17.5);
    }

    @Test
    void aCupTableScoresByPlaceWithinTheCupWithTheCupPole() {
        SeasonStandings s = europe(
                qualifying("gtwc-europe", "2023", 2, "Qualifying 1")
                        .of(car("32").cup("Pro"), car("4").cup("Pro"), car("91").cup("Bronze"), car("7").cup("Bronze")),
                race("gtwc-europe", "2023", 2, "Race 1")
                        .of(car("32").cup("Pro"), car("4").cup("Pro"), car("7").cup("Bronze"), car("91").cup("Bronze")));

        assertThat(row(s, "cars-bronze", "car:7").points()).isEqualTo(16.5);
        assertThat(row(s, "cars-bronze", "car:91").points()).isEqualTo(12 + 1);
        assertThat(row(s, "drivers-overall", "driver:driver of 91").points()).isEqualTo(7.5);
    }

    @Test
    void theSpa24HoursScoresAfterSixHoursAfterTwelveHoursAndAtTheFinish() {
        Fixture.Car[] order = {car("32").cup("Pro"), car("4").cup("Pro")};
        SeasonStandings s = europe(
                qualifying("gtwc-europe", "2023", 4, "Qualifying").of(order),
                race("gtwc-europe", "2023", 4, "Race after 6 hours").of(order),
                race("gtwc-europe", "2023", 4, "Race after 12 hours").of(order),
                race("gtwc-europe", "2023", 4, "Race").of(order));

        StandingsRow winner = row(s, "drivers-overall", "driver:driver of 32");
        assertThat(winner.points()).isEqualTo(12 + 12 + 25 + 1);
        assertThat(winner.rounds().get(0).sessions())
                .extracting(SessionScore::race, SessionScore::kind, SessionScore::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "24h-6h", 12.0),
                        org.assertj.core.groups.Tuple.tuple(2, "24h-12h", 12.0),
                        org.assertj.core.groups.Tuple.tuple(3, "24h-finish", 1.0),
                        org.assertj.core.groups.Tuple.tuple(3, "24h-finish", 25.0));
    }

    @Test
    void aRaceWhoseWinnerRanUnderThreeQuartersOfThePlannedTimeGivesHalfPoints() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(
                car("91").cls("GT").time(Duration.ofMinutes(150)), car("77").cls("GT")));

        StandingsRow winner = row(s, "cars-gt", "car:91");
        assertThat(winner.points()).isEqualTo(12.5);
        assertThat(winner.rounds().get(0).sessions().get(0).note())
                .isEqualTo("half points: the winner's time 2:30:00 is under 75% of the planned 4:00:00");
        assertThat(row(s, "cars-gt", "car:77").points()).isEqualTo(9);
    }

    @Test
    void aRaceRunToThreeQuartersOfThePlannedTimeGivesFullPoints() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(car("91").cls("GT").time(Duration.ofHours(3))));

        assertThat(row(s, "cars-gt", "car:91").points()).isEqualTo(25);
    }

    @Test
    void thePlannedDurationFromTheSessionOverridesTheCalendar() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").planned(Duration.ofHours(6))
                .of(car("91").cls("GT").time(Duration.ofHours(4))));

        assertThat(row(s, "cars-gt", "car:91").points()).isEqualTo(12.5);
    }

    @Test
    void noPointsWhenTheLeaderCompletedFewerThanTwoLaps() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").of(
                car("91").cls("GT").laps(1), car("77").cls("GT").laps(1)));

        StandingsRow winner = row(s, "cars-gt", "car:91");
        assertThat(winner.points()).isZero();
        assertThat(winner.rounds().get(0).sessions().get(0).note())
                .isEqualTo("no points: the leader completed 1 lap, fewer than 2");
    }

    @Test
    void withoutAStatusColumnACarNeedsThreeQuartersOfTheWinnersLaps() {
        SeasonStandings s = StandingsCalculator.compute(ASIA, "2023", List.of(
                race("gtwc-asia", "2023", 1, "Race 1").noStatusColumn().of(
                        car("1").laps(40), car("2").laps(30), car("3").laps(29), car("4").laps(29))),
                Adjustments.none());

        assertThat(row(s, "cars-overall", "car:2").points()).isEqualTo(18);
        StandingsRow short1 = row(s, "cars-overall", "car:3");
        assertThat(short1.points()).isZero();
        assertThat(short1.rounds().get(0).sessions().get(0).note())
                .isEqualTo("no points: not classified, 29 laps is under 75% of the overall winner's 40");
    }

    @Test
    void withoutAStatusColumnTheDistanceIsMeasuredAgainstTheClassWinner() {
        SeasonStandings s = alms(race("alms", "2023-24", 2, "Race").noStatusColumn().of(
                car("23").cls("LMP2").laps(120), car("91").cls("GT").laps(100), car("77").cls("GT").laps(70),
                car("55").cls("GT").laps(69)));

        assertThat(row(s, "cars-gt", "car:77").points()).isEqualTo(18);
        assertThat(row(s, "cars-gt", "car:55").points()).isZero();
    }

    @Test
    void practiceScoresNothing() {
        SeasonStandings s = alms(practice());

        assertThat(s.tables()).allSatisfy(t -> assertThat(t.rows()).isEmpty());
        assertThat(s.inputs()).isEmpty();
    }

    private static SessionResult practice() {
        SessionResult q = qualifying("alms", "2023-24", 1, "Free Practice 1").of(car("91").cls("GT"));
        return new SessionResult(q.series(), q.season(), q.event(),
                new org.podium.model.Session(org.podium.model.SessionType.PRACTICE, "Free Practice 1", null, null, null, null),
                q.status(), q.source(), q.statusReported(), q.entries());
    }

    @Test
    void aQualifyingWithoutRaceNumberSetsTheGridOfEveryRaceOfItsRound() {
        SeasonStandings s = alms(
                qualifying("alms", "2023-24", 1, "Qualifying").of(car("77").cls("GT"), car("91").cls("GT")),
                race("alms", "2023-24", 1, "Race 1").of(car("91").cls("GT"), car("77").cls("GT")),
                race("alms", "2023-24", 1, "Race 2").of(car("91").cls("GT"), car("77").cls("GT")));

        assertThat(row(s, "cars-gt", "car:77").points()).isEqualTo(18 + 18 + 1 + 1);
    }

    @Test
    void theMetadataKindOverridesTheCalendarKind() {
        SeasonStandings s = europe(race("gtwc-europe", "2023", 2, "Race 1").kind("endurance-6h").of(car("32"), car("4")));

        assertThat(row(s, "drivers-overall", "driver:driver of 32").points()).isEqualTo(33);
    }

    @Test
    void aRaceSessionThatMatchesNoCalendarRaceIsLeftOutWithAWarning() {
        SeasonStandings s = europe(race("gtwc-europe", "2023", 4, "Race after 5.30 hours").of(car("32")));

        assertThat(s.tables()).allSatisfy(t -> assertThat(t.rows()).isEmpty());
        assertThat(s.warnings()).containsExactly("gtwc-europe/2023/04/race-after-5-30-hours: session \"Race after 5.30 hours\""
                + " matches no race of round 4 (race 1 \"Race after 6 hours\", race 2 \"Race after 12 hours\","
                + " race 3 \"Race\"); not scored");
    }
}
