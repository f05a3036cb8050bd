package org.podium.invitation;

import org.podium.model.SeasonRef;
import org.junit.jupiter.api.Test;
import org.podium.championship.InputDocument;
import org.podium.model.ResultStatus;
import org.podium.model.SessionType;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Which notices a decision calls for, given the last one published. */
class NoticePlannerTest {
    private static final Invitation EUROPE = InvitationsConfigTest.real().get("lemans-2024-gtwc-europe").orElseThrow();
    private static final Recipient HARBOUR = new Recipient("Harbour Lights Racing", "harbour lights", "7",
            List.of("Anna EXAMPLE", "Ben SAMPLE"));
    private static final Recipient STRADA = new Recipient("Strada Bianca Motorsport", "strada bianca", "93", List.of());

    static final InputDocument QUALIFYING = new InputDocument("gtwc-europe/2023/01/qualifying", "Qualifying_Official.html",
            "1".repeat(64), ResultStatus.OFFICIAL, 1, "Monza", "Qualifying", SessionType.QUALIFYING);
    static final InputDocument RACE = new InputDocument("gtwc-europe/2023/01/race", "Race_Official.html",
            "2".repeat(64), ResultStatus.OFFICIAL, 1, "Monza", "Race", SessionType.RACE);

    static InvitationDecision decision(NoticeState state, Recipient r, double points, boolean entitled) {
        return decision(EUROPE, state, r, points, entitled, List.of(QUALIFYING, RACE));
    }

    static InvitationDecision decision(Invitation inv, NoticeState state, Recipient r, double points, boolean entitled,
                                       List<InputDocument> inputs) {
        Basis basis = new Basis("gtwc-europe/2023/cars-bronze", Measure.POINTS, points,
                new RunnerUp("Lakeside Corse #40", points - 20), 20.0,
                List.of(new SeriesRemaining(new SeasonRef("gtwc-europe", "2023"), "GT World Challenge Europe", 1, 35)),
                List.of());
        List<Condition> conditions = List.of(new Condition("attendAllEvents", "took part in every event", entitled,
                entitled ? "took part in every round run so far" : "missed Misano (round 5)"));
        return new InvitationDecision(inv, state, r, entitled, conditions, basis, List.of(), inputs);
    }

    static InvitationDecision noRecipient() {
        Basis basis = new Basis("gtwc-europe/2023/cars-bronze", Measure.POINTS, null, null, null, List.of(), List.of());
        return new InvitationDecision(EUROPE, null, null, false, List.of(), basis, List.of("no eligible entrant yet"),
                List.of());
    }

    static Optional<PublishedNotice> last(int seq, NoticeState state, Recipient r) {
        return Optional.of(new PublishedNotice(EUROPE.id(), seq, state, r, true));
    }

    @Test
    void theFirstNoticeIsSeqOneAndSupersedesNothing() {
        List<PlannedNotice> plan = NoticePlanner.plan(Optional.empty(), decision(NoticeState.LEADER, HARBOUR, 50, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::recipient,
                PlannedNotice::supersedes).containsExactly(tuple(1, NoticeState.LEADER, HARBOUR, null));
    }

    @Test
    void nothingIsPublishedBeforeThereIsARecipient() {
        assertThat(NoticePlanner.plan(Optional.empty(), noRecipient())).isEmpty();
    }

    @Test
    void theSameStateAndRecipientPublishNothingEvenWithOtherPoints() {
        assertThat(NoticePlanner.plan(last(3, NoticeState.LEADER, HARBOUR), decision(NoticeState.LEADER, HARBOUR, 88, true)))
                .isEmpty();
    }

    @Test
    void aRecipientSpelledAnotherWayIsTheSameRecipient() {
        Recipient respelled = new Recipient("HARBOUR LIGHTS", "harbour lights", "7", List.of());

        assertThat(NoticePlanner.plan(last(3, NoticeState.LEADER, HARBOUR), decision(NoticeState.LEADER, respelled, 88, true)))
                .isEmpty();
    }

    @Test
    void planningAgainAfterPublishingIsANoOp() {
        InvitationDecision now = decision(NoticeState.CLINCHED, HARBOUR, 127, true);
        List<PlannedNotice> first = NoticePlanner.plan(last(2, NoticeState.LEADER, HARBOUR), now);

        assertThat(NoticePlanner.plan(Optional.of(PublishedNotice.of(first.get(first.size() - 1))), now)).isEmpty();
    }

    @Test
    void leaderToClinchedForTheSameRecipientIsOneNoticeSupersedingTheLast() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(2, NoticeState.LEADER, HARBOUR),
                decision(NoticeState.CLINCHED, HARBOUR, 127, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::supersedes)
                .containsExactly(tuple(3, NoticeState.CLINCHED, 2));
    }

    @Test
    void clinchedToConfirmedForTheSameRecipientIsOneNoticeSupersedingTheLast() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(3, NoticeState.CLINCHED, HARBOUR),
                decision(NoticeState.CONFIRMED, HARBOUR, 146, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::supersedes)
                .containsExactly(tuple(4, NoticeState.CONFIRMED, 3));
    }

    @Test
    void anotherRecipientAfterClinchedWithdrawsTheOldNoticeThenIssuesTheNewOne() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(4, NoticeState.CLINCHED, HARBOUR),
                decision(NoticeState.CLINCHED, STRADA, 130, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::recipient,
                PlannedNotice::supersedes, PlannedNotice::entitled).containsExactly(
                tuple(5, NoticeState.WITHDRAWN, HARBOUR, 4, false),
                tuple(6, NoticeState.CLINCHED, STRADA, 5, true));
        assertThat(plan.get(0).reason()).startsWith("Notice 4 (CLINCHED) to Harbour Lights Racing #7 is withdrawn: after ")
                .endsWith("Notice 6 (CLINCHED) names Strada Bianca Motorsport #93.");
        assertThat(plan.get(0).withdrawal().followedBy()).isEqualTo(new NoticeRef(6, NoticeState.CLINCHED,
                "Strada Bianca Motorsport #93"));
        assertThat(plan.get(1).previous()).isEqualTo(new NoticeRef(5, NoticeState.WITHDRAWN, "Harbour Lights Racing #7"));
    }

    @Test
    void anotherRecipientAfterConfirmedWithdrawsToo() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(7, NoticeState.CONFIRMED, HARBOUR),
                decision(NoticeState.CONFIRMED, STRADA, 146, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::supersedes)
                .containsExactly(tuple(8, NoticeState.WITHDRAWN, 7), tuple(9, NoticeState.CONFIRMED, 8));
    }

    @Test
    void anotherLeaderDuringTheSeasonIsNotAWithdrawal() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(2, NoticeState.LEADER, HARBOUR),
                decision(NoticeState.LEADER, STRADA, 60, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::recipient,
                PlannedNotice::supersedes).containsExactly(tuple(3, NoticeState.LEADER, STRADA, 2));
    }

    @Test
    void afterAWithdrawalTheDecisionIsIssued() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(5, NoticeState.WITHDRAWN, HARBOUR),
                decision(NoticeState.LEADER, STRADA, 60, true));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::supersedes)
                .containsExactly(tuple(6, NoticeState.LEADER, 5));
    }

    @Test
    void noRecipientLeftAfterClinchedWithdrawsTheNotice() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(3, NoticeState.CLINCHED, HARBOUR), noRecipient());

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::recipient,
                PlannedNotice::supersedes).containsExactly(tuple(4, NoticeState.WITHDRAWN, HARBOUR, 3));
        assertThat(plan.get(0).reason()).isEqualTo("Notice 3 (CLINCHED) to Harbour Lights Racing #7 is withdrawn: after "
                + "a recomputation with the same results (an adjustment or a change of configuration), no eligible "
                + "entrant is left.");
        assertThat(plan.get(0).withdrawal()).extracting(Withdrawal::standing, Withdrawal::newRecipient,
                Withdrawal::followedBy).containsExactly(null, null, null);
    }

    @Test
    void noRecipientLeftAfterALeaderNoticePublishesNothing() {
        assertThat(NoticePlanner.plan(last(3, NoticeState.LEADER, HARBOUR), noRecipient())).isEmpty();
    }

    @Test
    void losingTheEntitlementInTheSameStateIsANewNotice() {
        List<PlannedNotice> plan = NoticePlanner.plan(last(3, NoticeState.CLINCHED, HARBOUR),
                decision(NoticeState.CLINCHED, HARBOUR, 127, false));

        assertThat(plan).extracting(PlannedNotice::seq, PlannedNotice::state, PlannedNotice::entitled,
                PlannedNotice::supersedes).containsExactly(tuple(4, NoticeState.CLINCHED, false, 3));
        assertThat(plan.get(0).reason()).endsWith("but is not entitled to the invitation: it did not take part in "
                + "every event (missed Misano (round 5)).")
                .doesNotContain("attendAllEvents");
    }

    @Test
    void theReasonSaysInPlainWordsWhyTheNotice() {
        PlannedNotice leader = NoticePlanner.plan(Optional.empty(), decision(NoticeState.LEADER, HARBOUR, 50, true)).get(0);
        PlannedNotice clinched = NoticePlanner.plan(Optional.empty(), decision(NoticeState.CLINCHED, HARBOUR, 127, true)).get(0);

        assertThat(leader.reason()).isEqualTo("Harbour Lights Racing #7 leads for the GT World Challenge Europe Bronze Cup "
                + "invitation with 50 points, 20 ahead of Lakeside Corse #40, with 1 round of the GT World Challenge "
                + "Europe 2023 still to run.");
        assertThat(clinched.reason()).isEqualTo("Harbour Lights Racing #7 can no longer be caught for the GT World "
                + "Challenge Europe Bronze Cup invitation: 20 ahead of Lakeside Corse #40, with at most 35 points "
                + "still available.");
    }

    @Test
    void clinchedWithEveryRoundRunWaitsOnlyForOfficialResults() {
        Basis basis = new Basis("gtwc-europe/2023/cars-bronze", Measure.POINTS, 146.0,
                new RunnerUp("Strada Bianca Motorsport #94", 106), 40.0,
                List.of(new SeriesRemaining(new SeasonRef("gtwc-europe", "2023"), "GT World Challenge Europe", 0, 0)),
                List.of());
        InvitationDecision d = new InvitationDecision(EUROPE, NoticeState.CLINCHED, HARBOUR, true, List.of(), basis,
                List.of(), List.of());

        assertThat(NoticePlanner.plan(Optional.empty(), d).get(0).reason()).isEqualTo("Harbour Lights Racing #7 can no "
                + "longer be caught for the GT World Challenge Europe Bronze Cup invitation: 40 ahead of Strada Bianca "
                + "Motorsport #94, with every round run, to be confirmed when every result is official.");
    }

    @Test
    void noLeaderNoticeIsPublishedBeforeTheClassificationCountsARaceResult() {
        InvitationDecision afterQualifying = decision(EUROPE, NoticeState.LEADER, HARBOUR, 1, true, List.of(QUALIFYING));

        assertThat(NoticePlanner.waitsForARace(afterQualifying)).isTrue();
        assertThat(NoticePlanner.plan(Optional.empty(), afterQualifying)).isEmpty();
        assertThat(NoticePlanner.plan(last(2, NoticeState.LEADER, STRADA), afterQualifying)).isEmpty();
    }

    @Test
    void theFirstRaceResultPublishesTheLeaderNotice() {
        InvitationDecision afterRace = decision(EUROPE, NoticeState.LEADER, HARBOUR, 26, true, List.of(QUALIFYING, RACE));

        assertThat(NoticePlanner.waitsForARace(afterRace)).isFalse();
        assertThat(NoticePlanner.plan(Optional.empty(), afterRace)).extracting(PlannedNotice::seq, PlannedNotice::state)
                .containsExactly(tuple(1, NoticeState.LEADER));
    }

    @Test
    void anInvitationThatAllowsItPublishesALeaderNoticeAfterQualifyingAlone() {
        Invitation eager = InvitationsConfigTest.realWith("leaderAfterFirstRace: true", "leaderAfterFirstRace: false")
                .get("lemans-2024-gtwc-europe").orElseThrow();
        InvitationDecision afterQualifying = decision(eager, NoticeState.LEADER, HARBOUR, 1, true, List.of(QUALIFYING));

        assertThat(eager.leaderAfterFirstRace()).isFalse();
        assertThat(NoticePlanner.plan(Optional.empty(), afterQualifying)).extracting(PlannedNotice::state)
                .containsExactly(NoticeState.LEADER);
    }

    @Test
    void theRuleHoldsBackLeaderNoticesOnly() {
        InvitationDecision clinched = decision(EUROPE, NoticeState.CLINCHED, HARBOUR, 127, true, List.of(QUALIFYING));

        assertThat(NoticePlanner.waitsForARace(clinched)).isFalse();
        assertThat(NoticePlanner.plan(Optional.empty(), clinched)).hasSize(1);
    }

    @Test
    void theLastNoticeOfAnotherInvitationIsRefused() {
        Optional<PublishedNotice> other = Optional.of(new PublishedNotice("lemans-2024-asia-combined", 1,
                NoticeState.LEADER, HARBOUR, true));

        assertThatThrownBy(() -> NoticePlanner.plan(other, decision(NoticeState.LEADER, HARBOUR, 50, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lemans-2024-asia-combined");
    }
}
