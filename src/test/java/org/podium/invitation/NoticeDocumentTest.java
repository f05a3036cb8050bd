package org.podium.invitation;

import org.podium.outbox.NoticeDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.combined.Results;
import org.podium.model.SessionResult;
import org.podium.outbox.OutboxSchemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A planned notice as JSON and Markdown, reproducible from its inputs and the time passed in. */
class NoticeDocumentTest {
    private static final Invitation EUROPE = InvitationsConfigTest.real().get("lemans-2024-gtwc-europe").orElseThrow();
    private static final Instant ISSUED = Instant.parse("2023-07-02T16:30:00Z");

    /** The first notice after Spa: #7 won every race, #93 second with two Bronze poles. */
    static PlannedNotice afterSpa() {
        List<SessionResult> sessions = BronzeCupInvitationTest.afterSpa(2);
        return NoticePlanner.plan(Optional.empty(), BronzeCupInvitationTest.decide(EUROPE, sessions)).get(0);
    }

    static JsonNode parse(byte[] bytes) throws IOException {
        return new ObjectMapper().readTree(bytes);
    }

    @Test
    void theFileNameIsTheZeroPaddedSeqAndTheState() {
        assertThat(NoticeDocument.path(afterSpa(), "json")).isEqualTo("notices/lemans-2024-gtwc-europe/001-clinched.json");
        assertThat(NoticeDocument.path("lemans-2024-asia-combined", 12, NoticeState.WITHDRAWN, "md"))
                .isEqualTo("notices/lemans-2024-asia-combined/012-withdrawn.md");
    }

    @Test
    void theJsonNamesTheInvitationTheStateAndTheRecipient() throws IOException {
        JsonNode n = parse(NoticeDocument.bytes(afterSpa(), ISSUED));

        assertThat(n.get("schema").asText()).isEqualTo("podium.invitation-notice/1");
        assertThat(n.get("invitation").get("id").asText()).isEqualTo("lemans-2024-gtwc-europe");
        assertThat(n.get("invitation").get("event").asText()).isEqualTo("24 Hours of Le Mans 2024");
        assertThat(n.get("invitation").get("class").asText()).isEqualTo("LMGT3");
        assertThat(n.get("seq").asInt()).isEqualTo(1);
        assertThat(n.get("state").asText()).isEqualTo("CLINCHED");
        assertThat(n.get("issued").asText()).isEqualTo("2023-07-02T16:30:00Z");
        assertThat(n.get("recipient").get("team").asText()).isEqualTo("Harbour Lights Racing");
        assertThat(n.get("recipient").get("car").asText()).isEqualTo("7");
        assertThat(n.get("recipient").get("drivers")).extracting(JsonNode::asText)
                .containsExactly("Anna EXAMPLE", "Ben SAMPLE");
        assertThat(n.get("supersedes").isNull()).isTrue();
        assertThat(n.get("entitled").asBoolean()).isTrue();
    }

    @Test
    void theJsonBasisGivesPointsRunnerUpMarginAndWhatIsLeft() throws IOException {
        JsonNode basis = parse(NoticeDocument.bytes(afterSpa(), ISSUED)).get("basis");

        assertThat(basis.get("classification").asText()).isEqualTo("gtwc-europe/2023/cars-bronze");
        assertThat(basis.get("points").decimalValue()).isEqualByComparingTo("140");
        assertThat(basis.get("runnerUp").get("name").asText()).isEqualTo("Strada Bianca Motorsport #93");
        assertThat(basis.get("runnerUp").get("points").decimalValue()).isEqualByComparingTo("104");
        assertThat(basis.get("margin").decimalValue()).isEqualByComparingTo("36");
        assertThat(basis.get("roundsRemaining").get("gtwc-europe/2023").asInt()).isEqualTo(1);
        assertThat(basis.get("maxStillAvailable").get("gtwc-europe/2023").decimalValue()).isEqualByComparingTo("35");
    }

    @Test
    void theJsonCarriesConditionsInputsAndTheReason() throws IOException {
        PlannedNotice notice = afterSpa();
        JsonNode n = parse(NoticeDocument.bytes(notice, ISSUED));

        assertThat(n.get("conditions")).extracting(c -> c.get("id").asText(), c -> c.get("name").asText(),
                        c -> c.get("met").asBoolean())
                .containsExactly(tuple("attendAllEvents", "took part in every event", true),
                        tuple("maxInvitationsPerCompetitor", "holds no more than 2 invitations, all classes combined", true));
        assertThat(n.get("inputs")).hasSize(notice.inputs().size()).isNotEmpty();
        assertThat(n.get("inputs").get(0).get("sha256").asText()).hasSize(64);
        assertThat(n.get("reason").asText()).isEqualTo(notice.reason()).startsWith("Harbour Lights Racing #7 can no longer");
    }

    @Test
    void aCombinedNoticeGivesTheScoreToThreeDecimals() throws IOException {
        InvitationDecision d = InvitationDecider.decideAll(InvitationsConfigTest.real(), ConditionsTest.pureRxcingWinsBoth(),
                Results.aliases()).decisions().get(1);
        PlannedNotice notice = NoticePlanner.plan(Optional.empty(), d).get(0);

        String text = new String(NoticeDocument.bytes(notice, ISSUED), StandardCharsets.UTF_8);
        JsonNode basis = parse(text.getBytes(StandardCharsets.UTF_8)).get("basis");

        // 25/200 + 25/130 = 0.317; Kaiju 18/200 + 18/130 = 0.228
        assertThat(text).contains("\"score\" : 0.317").contains("\"margin\" : 0.089");
        assertThat(basis.get("runnerUp").get("score").decimalValue()).isEqualByComparingTo("0.228");
        assertThat(basis.get("shares")).hasSize(2);
        assertThat(notice.recipient().car()).isNull();
    }

    @Test
    void theTimeIssuedIsGivenToTheSecond() throws IOException {
        Instant withNanos = Instant.parse("2023-07-02T16:30:05.123456789Z");

        assertThat(parse(NoticeDocument.bytes(afterSpa(), withNanos)).get("issued").asText()).isEqualTo("2023-07-02T16:30:05Z");
        assertThat(NoticeDocument.markdown(afterSpa(), withNanos)).contains("- Issued: 2023-07-02 16:30:05 UTC\n")
                .doesNotContain(".123");
    }

    @Test
    void theInputsAreInCalendarOrderQualifyingBeforeTheRaces() throws IOException {
        JsonNode inputs = parse(NoticeDocument.bytes(afterSpa(), ISSUED)).get("inputs");

        assertThat(inputs).extracting(i -> i.get("sessionKey").asText()).containsExactly(
                "gtwc-europe/2023/01/qualifying", "gtwc-europe/2023/01/race",
                "gtwc-europe/2023/02/qualifying-1", "gtwc-europe/2023/02/race-1", "gtwc-europe/2023/02/race-2",
                "gtwc-europe/2023/03/race",
                "gtwc-europe/2023/04/race-after-6-hours", "gtwc-europe/2023/04/race-after-12-hours",
                "gtwc-europe/2023/04/race");
        assertThat(inputs.get(0).get("event").asText()).isEqualTo("Round 1");
        assertThat(inputs.get(0).get("type").asText()).isEqualTo("QUALIFYING");
        String md = NoticeDocument.markdown(afterSpa(), ISSUED);
        assertThat(md).containsSubsequence("| 1 Round 1 | Qualifying |", "| 1 Round 1 | Race |",
                "| 4 Round 4 | Race after 6 hours |", "| 4 Round 4 | Race after 12 hours |", "| 4 Round 4 | Race |");
    }

    @Test
    void theMarginIsTheDifferenceOfTheScoresAsPrinted() throws IOException {
        Invitation asia = InvitationsConfigTest.real().get("lemans-2024-asia-combined").orElseThrow();
        // 1.5407 and 1.4573 print as 1.541 and 1.457: the margin printed is 0.084, not 0.0834 rounded to 0.083
        Basis basis = new Basis("combined/lemans-2024-asia-combined", Measure.SCORE, 1.5407,
                new RunnerUp("Phoenix Lótus Racing", 1.4573), 1.5407 - 1.4573, List.of(), List.of());
        Recipient kaiju = new Recipient("Kaiju Motorsports", "kaiju", null, List.of());
        InvitationDecision d = new InvitationDecision(asia, NoticeState.CONFIRMED, kaiju, true, List.of(), basis,
                List.of(), List.of());
        PlannedNotice notice = NoticePlanner.plan(Optional.empty(), d).get(0);

        JsonNode b = parse(NoticeDocument.bytes(notice, ISSUED)).get("basis");
        assertThat(b.get("score").decimalValue()).isEqualByComparingTo("1.541");
        assertThat(b.get("runnerUp").get("score").decimalValue()).isEqualByComparingTo("1.457");
        assertThat(b.get("margin").decimalValue()).isEqualByComparingTo("0.084");
        assertThat(NoticeDocument.markdown(notice, ISSUED)).contains("- Score: 1.541\n- Runner-up: Phoenix Lótus Racing, 1.457\n"
                + "- Margin: 0.084\n");
        assertThat(notice.reason()).contains("with a score of 1.541, 0.084 ahead of Phoenix Lótus Racing");
    }

    @Test
    void theLedgerReadsTheLastNoticeBackFromItsJson() {
        PlannedNotice notice = afterSpa();

        PublishedNotice back = PublishedNotice.fromJson(new String(NoticeDocument.bytes(notice, ISSUED), StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(PublishedNotice.of(notice));
        assertThat(back.recipient().identity()).isEqualTo(notice.recipient().identity());
        assertThat(back.standings()).extracting(Standing::position, Standing::name, Standing::value).startsWith(
                tuple(1, "Harbour Lights Racing #7", 140.0), tuple(2, "Strada Bianca Motorsport #93", 104.0));
        assertThat(back.inputs()).isEqualTo(notice.inputs()).hasSize(9);
    }

    @Test
    void aNoticeMissingItsRecipientFailsTheSchema(@TempDir Path dir) throws IOException {
        ObjectNode json = NoticeDocument.json(afterSpa(), ISSUED);
        json.remove("recipient");
        Path f = dir.resolve("001-clinched.json");
        Files.write(f, Json.bytes(json));

        assertThat(OutboxSchemas.problems(f)).singleElement().asString().contains("recipient");
    }

    @Test
    void theSameInputsAndTimeGiveTheSameBytes() {
        assertThat(NoticeDocument.bytes(afterSpa(), ISSUED)).isEqualTo(NoticeDocument.bytes(afterSpa(), ISSUED));
    }

    @Test
    void theMarkdownSaysTheSameForPeople() {
        PlannedNotice notice = afterSpa();

        String md = NoticeDocument.markdown(notice, ISSUED);

        assertThat(md).startsWith("# GT World Challenge Europe Bronze Cup invitation: notice 1, CLINCHED\n")
                .contains(notice.reason())
                .contains("- Team: Harbour Lights Racing\n- Car: #7\n- Drivers: Anna EXAMPLE, Ben SAMPLE\n")
                .contains("- Runner-up: Strada Bianca Motorsport #93, 104\n- Margin: 36\n")
                .contains("| holds no more than 2 invitations, all classes combined | yes | Harbour Lights Racing holds 1 invitation")
                .contains("| took part in every event | yes | took part in every round run so far")
                .doesNotContain("attendAllEvents").doesNotContain("maxInvitationsPerCompetitor")
                .contains("- Issued: 2023-07-02 16:30:00 UTC")
                .contains("ACO Selection Committee decides the entries");
    }
}
