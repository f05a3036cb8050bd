package org.podium.combined;

import org.podium.model.SeasonRef;
import org.junit.jupiter.api.Test;
import org.podium.championship.InputDocument;
import org.podium.championship.SeasonStandings;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.combined.Results.car;
import static org.podium.combined.Results.gt;
import static org.podium.combined.Results.race;

/** The combined GT World Challenge Asia + Asian Le Mans Series classification, Podium's default rule. */
class CombinedCalculatorTest {
    private static final CombinedRule RULE = Results.asiaRule(1, CombinedTieBreak.BEST_SINGLE_SHARE,
            CombinedTieBreak.COUNTBACK);
    private static final Aliases ALIASES = Results.aliases();

    /** Every race of GTWC Asia 2023 rounds 1 to {@code rounds}, each in the order given. */
    static List<SessionResult> asia(int rounds, Results.Car... order) {
        List<SessionResult> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            out.add(race("gtwc-asia", "2023", r, "Race 1").of(order));
            out.add(race("gtwc-asia", "2023", r, "Race 2").of(order));
        }
        return out;
    }

    /** Every race of AsLMS 2023-24 rounds 1 to {@code rounds} (Sepang ×2, Dubai, Abu Dhabi ×2), each in the order given. */
    static List<SessionResult> alms(int rounds, Results.Car... order) {
        List<SessionResult> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            if (r == 2) {
                out.add(race("alms", "2023-24", 2, "Race").of(order));
            } else {
                out.add(race("alms", "2023-24", r, "Race 1").of(order));
                out.add(race("alms", "2023-24", r, "Race 2").of(order));
            }
        }
        return out;
    }

    static SeasonStandings asiaStandings(List<SessionResult> sessions) {
        return Results.standings("gtwc-asia", "2023", sessions);
    }

    static SeasonStandings almsStandings(List<SessionResult> sessions) {
        return Results.standings("alms", "2023-24", sessions);
    }

    static CombinedClassification compute(CombinedRule rule, SeasonStandings... standings) {
        return CombinedCalculator.compute(rule, Results.bySeason(standings), ALIASES);
    }

    static CombinedClassification compute(SeasonStandings... standings) {
        return compute(RULE, standings);
    }

    @Test
    void aShareIsTheBestCarsPointsOverTheSeasonMaximumOf200And130() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("8", "KAIJU MOTORSPORTS"))),
                almsStandings(alms(1, gt("8", "Kaiju Motorsport"))));

        assertThat(c.seasons()).extracting(SeasonState::maxSeasonPoints).containsExactly(200.0, 130.0);
        CombinedRow kaiju = c.rows().get(0);
        assertThat(kaiju.shares()).extracting(SeriesShare::points, SeriesShare::maxPoints)
                .containsExactly(tuple(50.0, 200.0), tuple(50.0, 130.0));
        assertThat(kaiju.shares()).extracting(s -> Scores.format(s.share(), 3)).containsExactly("0.250", "0.385");
        assertThat(Scores.format(kaiju.score(), 3)).isEqualTo("0.635");
    }

    @Test
    void suffixRulesMakeOneTeamOfKaijuMotorsportAndKaijuMotorsports() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("8", "KAIJU MOTORSPORTS"))),
                almsStandings(alms(1, gt("8", "Kaiju Motorsport"))));

        assertThat(c.rows()).hasSize(1);
        assertThat(c.rows().get(0).shares()).extracting(SeriesShare::team)
                .containsExactly("KAIJU MOTORSPORTS", "Kaiju Motorsport");
        assertThat(c.ineligible()).isEmpty();
    }

    @Test
    void aTeamIsNamedByTheFirstSpellingNotAllInCapitals() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("44", "PHOENIX LOTUS"))),
                almsStandings(alms(1, gt("44", "Phoenix Lótus Racing"))));

        assertThat(c.rows()).extracting(CombinedRow::team).containsExactly("Phoenix Lótus Racing");
    }

    @Test
    void anAliasMakesOneTeamOfSpellingsNoRuleMatches() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("9", "Huang Red Lantern"))),
                almsStandings(alms(1, gt("9", "Red Lantern by Huang"))));

        assertThat(c.rows()).extracting(CombinedRow::team).containsExactly("Red Lantern by Huang");
    }

    @Test
    void aTeamThatDidNotStartARoundOfOneSeriesIsNotClassifiedAndSaysWhy() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("8", "Kaiju Motorsports"), car("3", "Mekong Velocity"))),
                almsStandings(alms(1, gt("8", "Kaiju Motorsport"), gt("57", "Desert Falcon Racing"))));

        assertThat(c.rows()).extracting(CombinedRow::team).containsExactly("Kaiju Motorsports");
        assertThat(c.ineligible()).extracting(IneligibleTeam::team, IneligibleTeam::reason).containsExactlyInAnyOrder(
                tuple("Mekong Velocity", "did not start a round of the Asian Le Mans Series 2023-24"),
                tuple("Desert Falcon Racing", "did not start a round of the GT World Challenge Asia 2023"));
    }

    @Test
    void aCarThatDidNotStartHasNotStartedARound() {
        Results.Car falcon = gt("57", "Desert Falcon");
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("57", "Desert Falcon Racing"))),
                almsStandings(alms(1, gt("8", "Kaiju"), falcon.with(EntryStatus.DID_NOT_START))));

        assertThat(c.rows()).isEmpty();
        assertThat(c.ineligible()).extracting(IneligibleTeam::team)
                .contains("Desert Falcon Racing");
    }

    @Test
    void minRoundsCountsTheRoundsStartedInEachSeries() {
        CombinedClassification c = compute(Results.asiaRule(2),
                asiaStandings(asia(2, car("8", "Kaiju Motorsports"))),
                almsStandings(alms(1, gt("8", "Kaiju Motorsport"))));

        assertThat(c.rows()).isEmpty();
        assertThat(c.ineligible()).extracting(IneligibleTeam::reason).containsExactly(
                "started 1 round of the Asian Le Mans Series 2023-24, fewer than the 2 required");
    }

    @Test
    void nearMissIsReportedWithBothSpellingsAndSeriesButNotMerged() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("71", "Garudda Racing"))),
                almsStandings(alms(1, gt("77", "Garuda Racing"))));

        assertThat(c.rows()).isEmpty();
        assertThat(c.ineligible()).hasSize(2);
        assertThat(c.nearMisses()).singleElement().satisfies(m -> {
            assertThat(m.teamA()).isEqualTo("Garudda Racing");
            assertThat(m.seriesA()).isEqualTo(new SeasonRef("gtwc-asia", "2023"));
            assertThat(m.teamB()).isEqualTo("Garuda Racing");
            assertThat(m.seriesB()).isEqualTo(new SeasonRef("alms", "2023-24"));
            assertThat(m.distance()).isEqualTo(1);
            assertThat(m.message()).isEqualTo("possibly the same entrant: add an alias");
        });
    }

    @Test
    void theTeamsBestScoringCarCountsInEachSeries() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("8", "Kaiju Motorsports"))),
                almsStandings(alms(1, gt("88", "Kaiju Motorsport"), gt("8", "Kaiju Motorsport"))));

        SeriesShare alms = c.rows().get(0).shares().get(1);
        assertThat(alms.carNumber()).isEqualTo("88");
        assertThat(alms.points()).isEqualTo(50.0);
    }

    @Test
    void levelOnScoreTheHigherSingleSeriesShareWins() {
        Results.Car a = car("1", "Alpha");
        Results.Car b = car("2", "Bravo");
        // Asia: Alpha 25 + 25 = 50, Bravo 18 + 12 = 30; AsLMS: Bravo 25, Alpha 12.
        // 50/200 + 12/130 = 30/200 + 25/130 = 0.342
        SeasonStandings asia = asiaStandings(List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(a, b),
                race("gtwc-asia", "2023", 1, "Race 2").of(a, car("31", "Filler One"), car("32", "Filler Two"), b)));
        SeasonStandings alms = almsStandings(List.of(race("alms", "2023-24", 1, "Race 1")
                .of(gt("2", "Bravo"), gt("33", "Filler Three"), gt("34", "Filler Four"), gt("1", "Alpha"))));

        CombinedClassification c = compute(asia, alms);

        assertThat(c.rows()).extracting(CombinedRow::team, CombinedRow::rank, CombinedRow::tieBreak).containsExactly(
                tuple("Alpha", 1, "best single-series share: 0.250 vs 0.192"),
                tuple("Bravo", 2, "best single-series share: 0.192 vs 0.250"));
        assertThat(Scores.format(c.rows().get(0).score(), 3)).isEqualTo(Scores.format(c.rows().get(1).score(), 3));
    }

    @Test
    void levelOnScoreAndBestShareCountBackOfBestFinishesAcrossBothSeriesDecides() {
        Results.Car a = car("1", "Alpha");
        Results.Car b = car("2", "Bravo");
        // Asia: Alpha 1st + 10th = 26, Bravo 2nd + 6th = 26; AsLMS: both not classified, 0
        SeasonStandings asia = asiaStandings(List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(a, b),
                race("gtwc-asia", "2023", 1, "Race 2").of(car("31", "F1"), car("32", "F2"), car("33", "F3"),
                        car("34", "F4"), car("35", "F5"), b, car("36", "F6"), car("37", "F7"), car("38", "F8"), a)));
        SeasonStandings alms = almsStandings(List.of(race("alms", "2023-24", 1, "Race 1").of(gt("9", "Other"),
                gt("1", "Alpha").status(EntryStatus.NOT_CLASSIFIED), gt("2", "Bravo").status(EntryStatus.NOT_CLASSIFIED))));

        CombinedClassification c = compute(asia, alms);

        assertThat(c.rows()).extracting(CombinedRow::team, CombinedRow::rank, CombinedRow::tieBreak).containsExactly(
                tuple("Alpha", 1, "countback: 1 win vs 0"),
                tuple("Bravo", 2, "countback: 0 wins vs 1"));
    }

    @Test
    void levelOnScoreAndEveryTieBreakTheTeamsShareTheRank() {
        Results.Car a = car("1", "Alpha");
        Results.Car b = car("2", "Bravo");
        SeasonStandings asia = asiaStandings(List.of(
                race("gtwc-asia", "2023", 1, "Race 1").of(a, b),
                race("gtwc-asia", "2023", 1, "Race 2").of(b, a)));
        SeasonStandings alms = almsStandings(List.of(race("alms", "2023-24", 1, "Race 1").of(
                gt("1", "Alpha").status(EntryStatus.NOT_CLASSIFIED), gt("2", "Bravo").status(EntryStatus.NOT_CLASSIFIED))));

        CombinedClassification c = compute(asia, alms);

        assertThat(c.rows()).extracting(CombinedRow::team, CombinedRow::rank, CombinedRow::shared).containsExactly(
                tuple("Alpha", 1, true), tuple("Bravo", 1, true));
        assertThat(c.rows().get(0).tieBreak()).isEqualTo("shared: level on score and on best-single-share, countback");
    }

    @Test
    void theShareStillAvailableIsTheRemainingPointsOverTheSeasonMaximum() {
        CombinedClassification c = compute(
                asiaStandings(asia(1, car("8", "Kaiju Motorsports"))),
                almsStandings(alms(1, gt("8", "Kaiju Motorsport"))));

        // Asia: 6 races of 25 left of 200; AsLMS: 3 races of 25 + 1 pole left of 130
        assertThat(c.seasons()).extracting(SeasonState::maxShareStillAvailable).containsExactly(0.75, 0.6);
        assertThat(c.maxScoreStillAvailable()).isEqualTo(1.35);
    }

    @Test
    void finalOnlyWhenEverySeasonIsCompleteAndOfficial() {
        Results.Car kaijuAsia = car("8", "Kaiju Motorsports");
        Results.Car kaijuAlms = gt("8", "Kaiju Motorsport");
        List<SessionResult> almsAll = alms(3, kaijuAlms);

        assertThat(compute(asiaStandings(asia(4, kaijuAsia)), almsStandings(almsAll)).allFinal()).isTrue();

        List<SessionResult> lastProvisional = new ArrayList<>(almsAll);
        lastProvisional.set(4, race("alms", "2023-24", 3, "Race 2").provisional().of(kaijuAlms));
        assertThat(compute(asiaStandings(asia(4, kaijuAsia)), almsStandings(lastProvisional)).allFinal()).isFalse();
        assertThat(compute(asiaStandings(asia(3, kaijuAsia)), almsStandings(almsAll)).allFinal()).isFalse();
    }

    @Test
    void theInputsAreTheDocumentsOfBothSeasons() {
        SeasonStandings asia = asiaStandings(asia(1, car("8", "Kaiju Motorsports")));
        SeasonStandings alms = almsStandings(alms(1, gt("8", "Kaiju Motorsport")));

        CombinedClassification c = compute(asia, alms);

        List<InputDocument> both = new ArrayList<>(asia.inputs());
        both.addAll(alms.inputs());
        assertThat(c.inputs()).hasSize(4).containsExactlyElementsOf(both);
    }

    @Test
    void aSeasonWithoutStandingsYetCountsAsNothingRaced() {
        CombinedClassification c = compute(asiaStandings(asia(1, car("8", "Kaiju Motorsports"))));

        assertThat(c.rows()).isEmpty();
        assertThat(c.ineligible()).extracting(IneligibleTeam::reason)
                .containsExactly("did not start a round of the Asian Le Mans Series 2023-24");
        SeasonState alms = c.seasons().get(1);
        assertThat(alms.roundsToRun()).containsExactly(1, 2, 3);
        assertThat(alms.maxShareStillAvailable()).isEqualTo(1.0);
    }
}
