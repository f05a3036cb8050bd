package org.podium.invitation;

import org.junit.jupiter.api.Test;
import org.podium.championship.SeasonStandings;
import org.podium.combined.Results;
import org.podium.combined.SeriesShare;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.combined.Results.car;
import static org.podium.combined.Results.gt;
import static org.podium.combined.Results.race;

/**
 * The combined GT World Challenge Asia + Asian Le Mans Series invitation (docs/rules.md, B): when the
 * leading team's score can no longer be caught, counting teams that are not yet eligible.
 */
class CombinedInvitationTest {
    private static final Invitation ASIA = InvitationsConfigTest.real().get("lemans-2024-asia-combined").orElseThrow();

    /** GTWC Asia 2023, rounds 1 to {@code rounds}: odd races in the first order, even races in the second. */
    static SeasonStandings asia(int rounds, List<Results.Car> odd, List<Results.Car> even) {
        List<SessionResult> s = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            s.add(race("gtwc-asia", "2023", r, "Race 1").of(odd.toArray(Results.Car[]::new)));
            s.add(race("gtwc-asia", "2023", r, "Race 2").of(even.toArray(Results.Car[]::new)));
        }
        return Results.standings("gtwc-asia", "2023", s);
    }

    static SeasonStandings alms(List<SessionResult> sessions) {
        return Results.standings("alms", "2023-24", sessions);
    }

    static InvitationDecision decide(SeasonStandings... standings) {
        return InvitationDecider.decide(ASIA, Results.bySeason(standings), Results.aliases(), List.of(), List.of());
    }

    static Results.Car[] fillers(int n) {
        Results.Car[] out = new Results.Car[n];
        for (int i = 0; i < n; i++) out[i] = gt(String.valueOf(60 + i), "Filler " + (char) ('A' + i));
        return out;
    }

    static Results.Car[] order(Results.Car first, Results.Car[] middle, Results.Car last) {
        List<Results.Car> out = new ArrayList<>();
        out.add(first);
        out.addAll(List.of(middle));
        out.add(last);
        return out.toArray(Results.Car[]::new);
    }

    /**
     * GTWC Asia complete, Kaiju and Tsunami level on 172 each (0.86). AsLMS after Dubai: Kaiju won
     * all three races (75), Tsunami 4th, 5th and then 10th (23) or not classified (22). Abu Dhabi
     * still offers 2 × (25 + 1) = 52 of 130, a share of 0.4.
     */
    static InvitationDecision afterDubai(boolean tsunamiTenthAtDubai) {
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        Results.Car tsunami = car("21", "Tsunami Racing");
        SeasonStandings asia = asia(4, List.of(kaiju, tsunami), List.of(tsunami, kaiju));
        Results.Car kaijuGt = gt("8", "Kaiju Motorsport");
        Results.Car tsunamiGt = gt("21", "Tsunami Team");
        SeasonStandings alms = alms(List.of(
                race("alms", "2023-24", 1, "Race 1").of(order(kaijuGt, fillers(2), tsunamiGt)),
                race("alms", "2023-24", 1, "Race 2").of(order(kaijuGt, fillers(3), tsunamiGt)),
                race("alms", "2023-24", 2, "Race").of(order(kaijuGt, fillers(8),
                        tsunamiTenthAtDubai ? tsunamiGt : tsunamiGt.with(EntryStatus.NOT_CLASSIFIED)))));
        return decide(asia, alms);
    }

    @Test
    void clinchedWhenTheRunnerUpPlusEveryShareStillAvailableFallsShort() {
        InvitationDecision d = afterDubai(false);

        assertThat(d.recipient().team()).isEqualTo("Kaiju Motorsports");
        assertThat(d.basis().runnerUp().name()).isEqualTo("Tsunami Racing");
        assertThat(d.basis().margin()).isCloseTo(53.0 / 130, offset(1e-12));
        assertThat(d.basis().maxStillAvailable()).isCloseTo(0.4, offset(1e-12));
        assertThat(d.state()).isEqualTo(NoticeState.CLINCHED);
    }

    @Test
    void notClinchedWhenTheRunnerUpCouldDrawLevelExactly() {
        InvitationDecision d = afterDubai(true);

        assertThat(d.basis().margin()).isCloseTo(0.4, offset(1e-12));
        assertThat(d.state()).isEqualTo(NoticeState.LEADER);
    }

    @Test
    void aTeamThatHasRacedOnlyOneSeriesSoFarCanStillCatchUp() {
        // Mekong won every GTWC Asia race (1.0) but has not raced AsLMS yet; Kaiju: 0.72 + 75/130 = 1.297.
        // Mekong could still add 0.4 in AsLMS: 1.4.
        Results.Car mekong = car("3", "Mekong Velocity");
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        SeasonStandings asia = asia(4, List.of(mekong, kaiju), List.of(mekong, kaiju));
        Results.Car kaijuGt = gt("8", "Kaiju Motorsport");
        SeasonStandings alms = alms(List.of(
                race("alms", "2023-24", 1, "Race 1").of(kaijuGt),
                race("alms", "2023-24", 1, "Race 2").of(kaijuGt),
                race("alms", "2023-24", 2, "Race").of(kaijuGt)));

        InvitationDecision d = decide(asia, alms);

        assertThat(d.recipient().team()).isEqualTo("Kaiju Motorsports");
        assertThat(d.basis().runnerUp()).isNull();
        assertThat(d.state()).isEqualTo(NoticeState.LEADER);
    }

    @Test
    void anIneligibleTeamAheadOnScoreIsNamedWithItsReason() {
        Results.Car mekong = car("3", "Mekong Velocity");
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        SeasonStandings asia = asia(4, List.of(mekong, kaiju), List.of(mekong, kaiju));
        SeasonStandings alms = alms(List.of(race("alms", "2023-24", 1, "Race 1").of(gt("9", "Other"),
                gt("8", "Kaiju Motorsport"))));

        InvitationDecision d = decide(asia, alms);

        assertThat(d.recipient().team()).isEqualTo("Kaiju Motorsports");
        assertThat(d.notes()).contains("Mekong Velocity (1.000 so far) is not classified: did not start a round of the "
                + "Asian Le Mans Series 2023-24");
    }

    @Test
    void withNoOtherTeamLeftTheLeaderHasClinched() {
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        SeasonStandings asia = asia(4, List.of(kaiju), List.of(kaiju));
        Results.Car kaijuGt = gt("8", "Kaiju Motorsport");
        SeasonStandings alms = alms(List.of(race("alms", "2023-24", 1, "Race 1").of(kaijuGt)));

        assertThat(decide(asia, alms).state()).isEqualTo(NoticeState.CLINCHED);
    }

    @Test
    void aTeamNotSeenYetCouldStillWinWhileBothSeasonsHaveRoundsToRun() {
        // Kaiju alone: 0.25 + 0.385 = 0.635; a newcomer could still score 0.75 + 0.6 = 1.35
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        SeasonStandings asia = asia(1, List.of(kaiju), List.of(kaiju));
        Results.Car kaijuGt = gt("8", "Kaiju Motorsport");
        SeasonStandings alms = alms(List.of(race("alms", "2023-24", 1, "Race 1").of(kaijuGt),
                race("alms", "2023-24", 1, "Race 2").of(kaijuGt)));

        InvitationDecision d = decide(asia, alms);

        assertThat(d.basis().runnerUp()).isNull();
        assertThat(d.state()).isEqualTo(NoticeState.LEADER);
    }

    @Test
    void theBasisGivesTheRecipientsShareInEachSeriesAndWhatIsLeft() {
        InvitationDecision d = afterDubai(false);

        assertThat(d.basis().classification()).isEqualTo("combined/lemans-2024-asia-combined");
        assertThat(d.basis().measure()).isEqualTo(Measure.SCORE);
        assertThat(d.basis().shares()).extracting(SeriesShare::team, SeriesShare::carNumber, SeriesShare::points)
                .containsExactly(tuple("Kaiju Motorsports", "8", 172.0),
                        tuple("Kaiju Motorsport", "8", 75.0));
        assertThat(d.basis().remaining()).extracting(SeriesRemaining::roundsRemaining).containsExactly(0, 1);
        assertThat(d.recipient().car()).isNull();
    }
}
