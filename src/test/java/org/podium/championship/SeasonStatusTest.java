package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.championship.Fixture.car;
import static org.podium.championship.Fixture.cars;
import static org.podium.championship.Fixture.qualifying;
import static org.podium.championship.Fixture.race;

/** Final or provisional, rounds to run, history after each round, amendments, points still available. */
class SeasonStatusTest {
    private static final SeriesRules ALMS = Fixture.rules("alms");

    private static SessionResult gt(int round, String session, String... order) {
        return race("alms", "2023-24", round, session).of(cars("GT", order));
    }

    private static List<SessionResult> wholeSeason() {
        return new ArrayList<>(List.of(
                gt(1, "Race 1", "A", "B"), gt(1, "Race 2", "A", "B"),
                gt(2, "Race", "B", "A"),
                gt(3, "Race 1", "B", "A"), gt(3, "Race 2", "B", "A")));
    }

    private static SeasonStandings compute(List<SessionResult> sessions) {
        return StandingsCalculator.compute(ALMS, "2023-24", sessions, Adjustments.none());
    }

    @Test
    void standingsAreProvisionalWithTheRoundsStillToRun() {
        SeasonStandings s = compute(List.of(gt(1, "Race 1", "A", "B"), gt(1, "Race 2", "A", "B")));

        assertThat(s.status()).isEqualTo(StandingsStatus.PROVISIONAL);
        assertThat(s.roundsComplete()).containsExactly(1);
        assertThat(s.roundsToRun()).containsExactly(2, 3);
        assertThat(s.tables()).allSatisfy(t -> assertThat(t.status()).isEqualTo(StandingsStatus.PROVISIONAL));
    }

    @Test
    void aRoundWithOneOfItsTwoRacesInIsNeitherCompleteNorToRun() {
        SeasonStandings s = compute(List.of(gt(1, "Race 1", "A", "B")));

        assertThat(s.roundsComplete()).isEmpty();
        assertThat(s.roundsToRun()).containsExactly(2, 3);
    }

    @Test
    void standingsAreFinalWhenEveryRaceIsInAndOfficial() {
        SeasonStandings s = compute(wholeSeason());

        assertThat(s.status()).isEqualTo(StandingsStatus.FINAL);
        assertThat(s.roundsComplete()).containsExactly(1, 2, 3);
        assertThat(s.roundsToRun()).isEmpty();
    }

    @Test
    void standingsStayProvisionalWhileAnyResultUsedIsProvisional() {
        List<SessionResult> sessions = wholeSeason();
        sessions.set(4, race("alms", "2023-24", 3, "Race 2").provisional().of(cars("GT", "B", "A")));

        SeasonStandings s = compute(sessions);

        assertThat(s.status()).isEqualTo(StandingsStatus.PROVISIONAL);
        assertThat(s.roundsToRun()).isEmpty();
    }

    @Test
    void historyGivesRankPointsAndChangeAfterEachRound() {
        StandingsRow b = compute(wholeSeason()).table("cars-gt").orElseThrow().row("car:B").orElseThrow();

        assertThat(b.history()).extracting(HistoryPoint::round, HistoryPoint::rank, HistoryPoint::points, HistoryPoint::change)
                .containsExactly(tuple(1, 2, 36.0, null), tuple(2, 2, 61.0, 0), tuple(3, 1, 111.0, 1));
        assertThat(b.rank()).isEqualTo(1);
    }

    @Test
    void historyStartsAtTheRoundAnEntrantFirstScored() {
        List<SessionResult> sessions = wholeSeason();
        sessions.set(2, gt(2, "Race", "C", "B", "A"));

        StandingsRow c = compute(sessions).table("cars-gt").orElseThrow().row("car:C").orElseThrow();

        assertThat(c.history()).extracting(HistoryPoint::round, HistoryPoint::rank, HistoryPoint::change)
                .containsExactly(tuple(2, 3, null), tuple(3, 3, 0));
    }

    @Test
    void anAmendedClassificationReplacesTheProvisionalOne() {
        SessionResult provisional = race("alms", "2023-24", 3, "Race 2").provisional().of(cars("GT", "B", "A"));
        // post-race penalty: B loses the win
        SessionResult official = race("alms", "2023-24", 3, "Race 2").of(cars("GT", "A", "B"));
        List<SessionResult> before = wholeSeason();
        before.set(4, provisional);
        List<SessionResult> after = wholeSeason();
        after.set(4, official);

        SeasonStandings v1 = compute(before);
        SeasonStandings v2 = compute(after);

        assertThat(v1.table("cars-gt").orElseThrow().rows()).extracting(r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("#B", 111.0), tuple("#A", 104.0));
        assertThat(v2.table("cars-gt").orElseThrow().rows()).extracting(r -> r.entrant().name(), StandingsRow::points)
                .containsExactly(tuple("#A", 111.0), tuple("#B", 104.0));
        assertThat(v1.inputs()).filteredOn(i -> i.sessionKey().equals("alms/2023-24/03/race-2"))
                .extracting(InputDocument::sha256).containsExactly(provisional.source().sha256());
        assertThat(v2.inputs()).filteredOn(i -> i.sessionKey().equals("alms/2023-24/03/race-2"))
                .extracting(InputDocument::sha256).containsExactly(official.source().sha256());
        assertThat(v2.status()).isEqualTo(StandingsStatus.FINAL);
    }

    @Test
    void twoVersionsOfOneSessionAreRefused() {
        List<SessionResult> sessions = wholeSeason();
        sessions.add(race("alms", "2023-24", 3, "Race 2").provisional().of(cars("GT", "A", "B")));

        assertThatThrownBy(() -> compute(sessions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("session alms/2023-24/03/race-2 is given twice (Race 2_Official.CSV and Race 2_Provisional.CSV);"
                        + " pass only its current version");
    }

    @Test
    void rowsNameTheDocumentsTheirPointsComeFrom() {
        List<SessionResult> sessions = wholeSeason();

        StandingsRow a = compute(sessions).table("cars-gt").orElseThrow().row("car:A").orElseThrow();

        assertThat(a.sources()).containsExactlyInAnyOrderElementsOf(
                sessions.stream().map(s -> s.source().sha256()).toList());
    }

    @Test
    void anAsianLeMansSeasonOffersFiveTimesTwentySixPoints() {
        assertThat(MaxPoints.maxSeasonPoints(ALMS, "2023-24")).isEqualTo(130);
        assertThat(MaxPoints.maxSeasonPoints(Fixture.rules("gtwc-asia"), "2023")).isEqualTo(200);
    }

    @Test
    void afterSpaTheBronzeCupStillOffersTwoSprintsFromPoleAtMisano() {
        assertThat(MaxPoints.maxRemainingPoints(Fixture.rules("gtwc-europe"), "2023", List.of(1, 2, 3, 4)))
                .isEqualTo(2 * (16.5 + 1));
    }

    @Test
    void eachTableStatesThePointsStillAvailableFromTheRacesNotYetIn() {
        SeasonStandings s = compute(List.of(
                qualifying("alms", "2023-24", 3, "Qualifying 2").of(car("A").cls("GT")),
                gt(1, "Race 1", "A", "B")));

        StandingsTable t = s.table("cars-gt").orElseThrow();
        assertThat(t.maxSeasonPoints()).isEqualTo(130);
        // four races to run; the pole of Abu Dhabi race 2 is already given
        assertThat(t.maxRemainingPoints()).isEqualTo(4 * 26 - 1);
    }

    @Test
    void aSessionOfAnotherSeasonIsLeftOut() {
        SeasonStandings s = compute(List.of(gt(1, "Race 1", "A"),
                race("alms", "2023", 1, "Race 1").of(car("Z").cls("GT"))));

        assertThat(s.table("cars-gt").orElseThrow().rows()).extracting(r -> r.entrant().name()).containsExactly("#A");
        assertThat(s.warnings()).containsExactly("1 session(s) of other series or seasons left out");
    }

    @Test
    void anUnknownSeasonIsAnError() {
        assertThatThrownBy(() -> StandingsCalculator.compute(ALMS, "2019", List.of(), Adjustments.none()))
                .hasMessageContaining("series alms has no season \"2019\"");
    }

    @Test
    void aNotClassifiedCarStillAppearsWithTheRoundItTookPartIn() {
        SeasonStandings s = compute(List.of(race("alms", "2023-24", 1, "Race 1").of(
                car("A").cls("GT"), car("B").cls("GT").status(EntryStatus.RETIRED))));

        StandingsRow b = s.table("cars-gt").orElseThrow().row("car:B").orElseThrow();
        assertThat(b.rounds()).extracting(RoundScore::round, RoundScore::points).containsExactly(tuple(1, 0.0));
        assertThat(b.rank()).isEqualTo(2);
    }
}
