package org.podium.invitation;

import org.junit.jupiter.api.Test;
import org.podium.championship.SeasonStandings;
import org.podium.combined.Results;
import org.podium.model.SessionResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podium.combined.Results.car;
import static org.podium.combined.Results.qualifying;
import static org.podium.combined.Results.race;

/**
 * The GT World Challenge Europe invitation (docs/rules.md, A): Bronze Cup points per car, the car present
 * at every Bronze Cup event, decided after each recompute.
 */
class BronzeCupInvitationTest {
    private static final Invitation EUROPE = InvitationsConfigTest.real().get("lemans-2024-gtwc-europe").orElseThrow();

    static final Results.Car HARBOUR = car("7", "Harbour Lights Racing").cup("Bronze").drivers("Anna EXAMPLE", "Ben SAMPLE");
    static final Results.Car STRADA = car("93", "Strada Bianca Motorsport").cup("Bronze");
    static final Results.Car LAKESIDE = car("40", "Lakeside Corse").cup("Bronze");

    /** The race sessions of GTWC Europe 2023 rounds {@code from} to {@code to}, as the calendar names them. */
    static List<SessionResult> rounds(int from, int to, Results.Car... order) {
        List<SessionResult> out = new ArrayList<>();
        for (int r = from; r <= to; r++) {
            List<String> sessions = switch (r) {
                case 2, 5 -> List.of("Race 1", "Race 2");
                case 4 -> List.of("Race after 6 hours", "Race after 12 hours", "Race");
                default -> List.of("Race");
            };
            for (String s : sessions) out.add(race("gtwc-europe", "2023", r, s).of(order));
        }
        return out;
    }

    static SeasonStandings standings(List<SessionResult> sessions) {
        return Results.standings("gtwc-europe", "2023", sessions);
    }

    static InvitationDecision decide(Invitation inv, List<SessionResult> sessions) {
        return InvitationDecider.decide(inv, Results.bySeason(standings(sessions)), Results.aliases(), List.of(),
                List.of());
    }

    /**
     * After Spa: #7 won every race (140), #93 was second in each (102) and took the Bronze pole in
     * {@code poles} of the first three races. Misano still offers 2 × (16.5 + 1) = 35.
     */
    static List<SessionResult> afterSpa(int poles) {
        List<SessionResult> s = rounds(1, 4, HARBOUR, STRADA);
        List<String> qualifying = List.of("1/Qualifying", "2/Qualifying 1", "2/Qualifying 2");
        for (String q : qualifying.subList(0, poles)) {
            int round = Integer.parseInt(q.substring(0, 1));
            s.add(qualifying("gtwc-europe", "2023", round, q.substring(2)).of(STRADA, HARBOUR));
        }
        return s;
    }

    @Test
    void clinchedWhenTheRunnerUpFallsOnePointShortEvenWithEveryPointStillAvailable() {
        InvitationDecision d = decide(EUROPE, afterSpa(2));

        assertThat(d.basis().value()).isEqualTo(140.0);
        assertThat(d.basis().runnerUp()).isEqualTo(new RunnerUp("Strada Bianca Motorsport #93", 104.0));
        assertThat(d.basis().maxStillAvailable()).isEqualTo(35.0);
        assertThat(d.state()).isEqualTo(NoticeState.CLINCHED);
    }

    @Test
    void notClinchedWhenTheRunnerUpCouldDrawLevelExactly() {
        InvitationDecision d = decide(EUROPE, afterSpa(3));

        assertThat(d.basis().margin()).isEqualTo(35.0);
        assertThat(d.basis().maxStillAvailable()).isEqualTo(35.0);
        assertThat(d.state()).isEqualTo(NoticeState.LEADER);
    }

    @Test
    void theRecipientIsTheTeamThatEnteredTheTopCarWithItsNumberAndDrivers() {
        InvitationDecision d = decide(EUROPE, afterSpa(0));

        assertThat(d.recipient().team()).isEqualTo("Harbour Lights Racing");
        assertThat(d.recipient().car()).isEqualTo("7");
        assertThat(d.recipient().drivers()).containsExactly("Anna EXAMPLE", "Ben SAMPLE");
        assertThat(d.basis().classification()).isEqualTo("gtwc-europe/2023/cars-bronze");
        assertThat(d.basis().remaining()).singleElement().satisfies(r -> assertThat(r.roundsRemaining()).isEqualTo(1));
        assertThat(d.entitled()).isTrue();
    }

    @Test
    void theRecipientsCrewIsEveryDriverWhoScoredForTheCarNotOnlyItsLastLineUp() {
        // #7 with a third driver for the Monza endurance race, two drivers from Brands Hatch on
        Results.Car harbourAtMonza = car("7", "Harbour Lights Racing").cup("Bronze")
                .drivers("Anna EXAMPLE", "Cleo TRIAL", "Ben SAMPLE");
        List<SessionResult> s = rounds(1, 1, harbourAtMonza, STRADA);
        s.addAll(rounds(2, 4, HARBOUR, STRADA));

        InvitationDecision d = decide(EUROPE, s);

        assertThat(d.recipient().drivers()).containsExactly("Anna EXAMPLE", "Cleo TRIAL", "Ben SAMPLE");
    }

    @Test
    void aTopCarThatMissedABronzeEventIsSkippedWithItsReasonAndCannotStopTheClinch() {
        // #40 skips Monza, then wins everything with #7 second: #40 115 points, #7 109
        List<SessionResult> s = rounds(1, 1, HARBOUR);
        s.addAll(rounds(2, 4, LAKESIDE, HARBOUR));

        InvitationDecision d = decide(EUROPE, s);

        assertThat(d.recipient().car()).isEqualTo("7");
        assertThat(d.basis().value()).isEqualTo(109.0);
        assertThat(d.basis().runnerUp()).isNull();
        assertThat(d.notes()).contains("Lakeside Corse #40 (1st, 115 points) is not eligible: not present at every "
                + "Bronze Cup event: missed Monza (round 1)");
        assertThat(d.state()).isEqualTo(NoticeState.CLINCHED);
    }

    @Test
    void confirmedWhenEveryRoundIsInAndOfficial() {
        InvitationDecision d = decide(EUROPE, rounds(1, 5, HARBOUR, STRADA));

        assertThat(d.state()).isEqualTo(NoticeState.CONFIRMED);
    }

    @Test
    void aProvisionalLastRaceKeepsItClinchedNotConfirmed() {
        List<SessionResult> s = rounds(1, 4, HARBOUR, STRADA);
        s.add(race("gtwc-europe", "2023", 5, "Race 1").of(HARBOUR, STRADA));
        s.add(race("gtwc-europe", "2023", 5, "Race 2").provisional().of(HARBOUR, STRADA));

        assertThat(decide(EUROPE, s).state()).isEqualTo(NoticeState.CLINCHED);
    }

    @Test
    void noRecipientBeforeAnyBronzeCarHasRaced() {
        InvitationDecision d = InvitationDecider.decide(EUROPE, Map.of(), Results.aliases(), List.of(), List.of());

        assertThat(d.recipient()).isNull();
        assertThat(d.state()).isNull();
        assertThat(d.notes()).containsExactly("no eligible entrant yet");
        assertThat(d.basis().remaining()).singleElement().satisfies(r -> {
            assertThat(r.roundsRemaining()).isEqualTo(5);
            assertThat(r.maxStillAvailable()).isEqualTo(d.basis().maxStillAvailable());
        });
    }
}
