package org.podium.invitation;

import org.podium.model.SeasonRef;
import org.junit.jupiter.api.Test;
import org.podium.championship.SeasonStandings;
import org.podium.combined.Results;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podium.combined.Results.car;
import static org.podium.combined.Results.gt;
import static org.podium.combined.Results.race;

/** The ACO's conditions on the recipient: every event attended, no more than two invitations; pass-down. */
class ConditionsTest {

    /**
     * GTWC Asia rounds 1-2: Kaiju won all four races (0.5), Tsunami second (0.36). AsLMS: Kaiju won
     * both Sepang races and skipped Dubai (50/130); Tsunami second at Sepang, won Dubai (61/130).
     * Kaiju 0.885 leads Tsunami 0.829.
     */
    static Map<SeasonRef, SeasonStandings> kaijuSkipsDubai() {
        Results.Car kaiju = car("8", "Kaiju Motorsports");
        Results.Car tsunami = car("21", "Tsunami Racing");
        List<SessionResult> asia = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            asia.add(race("gtwc-asia", "2023", r, "Race 1").of(kaiju, tsunami));
            asia.add(race("gtwc-asia", "2023", r, "Race 2").of(kaiju, tsunami));
        }
        Results.Car kaijuGt = gt("8", "Kaiju Motorsport");
        Results.Car tsunamiGt = gt("21", "Tsunami Team");
        List<SessionResult> alms = List.of(
                race("alms", "2023-24", 1, "Race 1").of(kaijuGt, tsunamiGt),
                race("alms", "2023-24", 1, "Race 2").of(kaijuGt, tsunamiGt),
                race("alms", "2023-24", 2, "Race").of(tsunamiGt));
        return Results.bySeason(Results.standings("gtwc-asia", "2023", asia), Results.standings("alms", "2023-24", alms));
    }

    static Invitation asia(Invitations config) {
        return config.get("lemans-2024-asia-combined").orElseThrow();
    }

    @Test
    void missingAnEventWithPassDownOffKeepsTheRecipientButNotItsEntitlement() {
        InvitationDecision d = InvitationDecider.decide(asia(InvitationsConfigTest.real()), kaijuSkipsDubai(),
                Results.aliases(), List.of(), List.of());

        assertThat(d.recipient().team()).isEqualTo("Kaiju Motorsports");
        assertThat(d.entitled()).isFalse();
        assertThat(d.conditions()).filteredOn(c -> c.id().equals("attendAllEvents")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("took part in every event");
            assertThat(c.met()).isFalse();
            assertThat(c.detail()).isEqualTo("missed Dubai (round 2) of the Asian Le Mans Series 2023-24");
        });
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("Kaiju Motorsports did not take part in every event (missed Dubai")
                .endsWith("pass-down is off, so the place does not go to the next entrant"));
    }

    @Test
    void missingAnEventWithPassDownOnGivesThePlaceToTheNextEntrantWhoMeetsEveryCondition() {
        Invitations passDown = InvitationsConfigTest.realWith("passDown: false", "passDown: true");

        InvitationDecision d = InvitationDecider.decide(asia(passDown), kaijuSkipsDubai(), Results.aliases(), List.of(),
                List.of());

        assertThat(d.recipient().team()).isEqualTo("Tsunami Racing");
        assertThat(d.entitled()).isTrue();
        assertThat(d.conditions()).allSatisfy(c -> assertThat(c.met()).isTrue());
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("passed down: Kaiju Motorsports did not take part in "
                + "every event (missed Dubai (round 2) of the Asian Le Mans Series 2023-24)")
                .endsWith("Tsunami Racing is the next eligible entrant who meets every condition"));
        assertThat(d.state()).isEqualTo(NoticeState.LEADER);
    }

    @Test
    void attendanceCountsEveryRoundRunOfTheSeriesWhereTheEventRuleIsOff() {
        Invitations everyEventOff = InvitationsConfigTest.realWith("everyEvent: true", "everyEvent: false");
        Invitation europe = everyEventOff.get("lemans-2024-gtwc-europe").orElseThrow();
        List<SessionResult> s = BronzeCupInvitationTest.rounds(1, 1, BronzeCupInvitationTest.HARBOUR);
        s.addAll(BronzeCupInvitationTest.rounds(2, 4, BronzeCupInvitationTest.LAKESIDE, BronzeCupInvitationTest.HARBOUR));

        InvitationDecision d = BronzeCupInvitationTest.decide(europe, s);

        assertThat(d.recipient().car()).isEqualTo("40");
        assertThat(d.entitled()).isFalse();
        assertThat(d.conditions().get(0).detail()).isEqualTo("missed Monza (round 1) of the GT World Challenge Europe 2023");
    }

    @Test
    void attendanceIsMetSoFarWhileRoundsAreStillToRun() {
        Invitations passDown = InvitationsConfigTest.realWith("passDown: false", "passDown: true");

        InvitationDecision d = InvitationDecider.decide(asia(passDown), kaijuSkipsDubai(), Results.aliases(), List.of(),
                List.of());

        assertThat(d.conditions().get(0).detail()).isEqualTo(
                "took part in every round run so far of the GT World Challenge Asia 2023 (2 of 4); "
                        + "took part in every round run so far of the Asian Le Mans Series 2023-24 (2 of 3)");
    }

    /** Pure Rxcing tops the Bronze Cup cars and the combined classification. */
    static Map<SeasonRef, SeasonStandings> pureRxcingWinsBoth() {
        Map<SeasonRef, SeasonStandings> all = new LinkedHashMap<>();
        all.putAll(Results.bySeason(BronzeCupInvitationTest.standings(BronzeCupInvitationTest.rounds(1, 2,
                car("911", "Pure Rxcing").cup("Bronze"), BronzeCupInvitationTest.STRADA))));
        all.putAll(Results.bySeason(
                Results.standings("gtwc-asia", "2023", List.of(race("gtwc-asia", "2023", 1, "Race 1")
                        .of(car("91", "Pure Rxcing"), car("8", "Kaiju Motorsports")))),
                Results.standings("alms", "2023-24", List.of(race("alms", "2023-24", 1, "Race 1")
                        .of(gt("91", "PURE RXCING"), gt("8", "Kaiju Motorsport"))))));
        return all;
    }

    @Test
    void aThirdInvitationForOneCompetitorFailsTheLimitOfTwoOnEveryOneOfItsInvitations() {
        Invitations real = InvitationsConfigTest.real();
        Invitations withElms = new Invitations(real.invitations(),
                List.of(new OtherInvitation("Pure Rxcing Team", "European Le Mans Series 2023 LMGT3")));

        List<InvitationDecision> ds = InvitationDecider.decideAll(withElms, pureRxcingWinsBoth(), Results.aliases())
                .decisions();

        assertThat(ds).extracting(d -> d.recipient().team()).containsExactly("Pure Rxcing", "Pure Rxcing");
        assertThat(ds).allSatisfy(d -> assertThat(d.entitled()).isFalse());
        assertThat(ds.get(0).conditions()).filteredOn(c -> c.id().equals("maxInvitationsPerCompetitor"))
                .singleElement().satisfies(c -> {
                    assertThat(c.name()).isEqualTo("holds no more than 2 invitations, all classes combined");
                    assertThat(c.met()).isFalse();
                    assertThat(c.detail()).isEqualTo("Pure Rxcing would hold 3 invitations (GT World Challenge Europe "
                            + "Bronze Cup invitation; GT World Challenge Asia and Asian Le Mans Series combined invitation; "
                            + "European Le Mans Series 2023 LMGT3), more than 2");
                });
    }

    @Test
    void twoInvitationsForOneCompetitorAreWithinTheLimit() {
        List<InvitationDecision> ds = InvitationDecider.decideAll(InvitationsConfigTest.real(), pureRxcingWinsBoth(),
                Results.aliases()).decisions();

        assertThat(ds).allSatisfy(d -> assertThat(d.entitled()).isTrue());
        assertThat(ds.get(1).conditions().get(1).detail()).isEqualTo("Pure Rxcing holds 2 invitations "
                + "(GT World Challenge Asia and Asian Le Mans Series combined invitation; GT World Challenge Europe "
                + "Bronze Cup invitation), at most 2 allowed");
    }

    @Test
    void decideAllGivesTheCombinedClassificationItUsed() {
        InvitationDecider.Outcome o = InvitationDecider.decideAll(InvitationsConfigTest.real(), pureRxcingWinsBoth(),
                Results.aliases());

        assertThat(o.combined()).containsOnlyKeys("lemans-2024-asia-combined");
        assertThat(o.combined().get("lemans-2024-asia-combined").rows().get(0).team()).isEqualTo("Pure Rxcing");
    }
}
