package org.podium.invitation;

import org.podium.outbox.NoticeDocument;
import org.podium.model.SeasonRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.championship.InputDocument;
import org.podium.support.Json;
import org.podium.model.ResultStatus;
import org.podium.model.SessionType;
import org.podium.outbox.OutboxSchemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every transition of an invitation's notices, planned against a ledger that keeps only the notices'
 * JSON: LEADER after the first race, CLINCHED, an amended race that puts another car ahead (WITHDRAWN,
 * then the new recipient's notice), and CONFIRMED. Each notice says what changed since the one before.
 *
 * <pre>
 * step            documents                                   #93 Strada   #7 Harbour   #40 Lakeside
 * qualifying      Monza Qualifying                             0            1 (pole)     0
 * 1 LEADER        + Monza Race                                 18           26           15
 * 2 CLINCHED      + Brands Hatch Race 1 v1, provisional        36           51           30
 * 3,4 WITHDRAWN   Brands Hatch Race 1 v2, official:            52           44.5         30
 *     CLINCHED    #7 penalised, #93 wins
 * 5 CONFIRMED     + Misano Race 2                              77           62.5         42
 * </pre>
 */
class NoticeTransitionsTest {
    private static final Invitation EUROPE = InvitationsConfigTest.real().get("lemans-2024-gtwc-europe").orElseThrow();
    private static final Instant ISSUED = Instant.parse("2023-07-16T16:30:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final Recipient HARBOUR = new Recipient("Harbour Lights Racing", "harbour lights", "7",
            List.of("Anna EXAMPLE", "Ben SAMPLE", "Cleo TRIAL"));
    static final Recipient STRADA = new Recipient("Strada Bianca Motorsport", "strada bianca", "93",
            List.of("Dario DUMMY", "Emil MOCK"));
    static final Recipient LAKESIDE = new Recipient("Lakeside Corse", "lakeside corse", "40", List.of("Fay FAKE"));

    static final String SHA_Q = "a".repeat(64);
    static final String SHA_R1 = "b".repeat(64);
    static final String SHA_BRANDS_V1 = "c".repeat(64);
    static final String SHA_BRANDS_V2 = "d".repeat(64);
    static final String SHA_MISANO = "e".repeat(64);

    static final InputDocument MONZA_Q = input("01/qualifying", "Monza", "Qualifying", SessionType.QUALIFYING, 1, SHA_Q,
            ResultStatus.OFFICIAL);
    static final InputDocument MONZA_RACE = input("01/race", "Monza", "Race", SessionType.RACE, 1, SHA_R1,
            ResultStatus.OFFICIAL);
    static final InputDocument BRANDS_V1 = input("02/race-1", "Brands Hatch", "Race 1", SessionType.RACE, 1,
            SHA_BRANDS_V1, ResultStatus.PROVISIONAL);
    static final InputDocument BRANDS_V2 = input("02/race-1", "Brands Hatch", "Race 1", SessionType.RACE, 2,
            SHA_BRANDS_V2, ResultStatus.OFFICIAL);
    static final InputDocument MISANO = input("05/race-2", "Misano", "Race 2", SessionType.RACE, 1, SHA_MISANO,
            ResultStatus.OFFICIAL);

    /** Every notice published, in order, and the ledger: the last notice's JSON per invitation. */
    static final List<PlannedNotice> PUBLISHED = new ArrayList<>();
    static final List<byte[]> DOCUMENTS = new ArrayList<>();
    static List<PlannedNotice> afterQualifying;

    static InputDocument input(String roundAndSession, String event, String session, SessionType type, int version,
                               String sha, ResultStatus status) {
        String file = session + "_" + (status == ResultStatus.OFFICIAL ? "Official" : "Provisional") + ".html";
        return new InputDocument("gtwc-europe/2023/" + roundAndSession, file, sha, status, version, event, session, type);
    }

    /** A decision with the entrants in the order given, the first the recipient. */
    static InvitationDecision decision(NoticeState state, int roundsLeft, double stillAvailable,
                                       List<InputDocument> inputs, Object... recipientsAndPoints) {
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < recipientsAndPoints.length; i += 2) {
            Recipient r = (Recipient) recipientsAndPoints[i];
            standings.add(new Standing(standings.size() + 1, r.identity(), r.display(),
                    ((Number) recipientsAndPoints[i + 1]).doubleValue(), List.of()));
        }
        Recipient top = (Recipient) recipientsAndPoints[0];
        Standing first = standings.get(0);
        Standing second = standings.get(1);
        Basis basis = new Basis("gtwc-europe/2023/cars-bronze", Measure.POINTS, first.value(),
                new RunnerUp(second.name(), second.value()), first.value() - second.value(),
                List.of(new SeriesRemaining(new SeasonRef("gtwc-europe", "2023"), "GT World Challenge Europe", roundsLeft,
                        stillAvailable)), List.of(), standings);
        List<Condition> conditions = List.of(
                new Condition(Conditions.ATTEND_ALL_EVENTS, Conditions.name(Conditions.ATTEND_ALL_EVENTS, null), true,
                        "took part in every round run so far"),
                new Condition(Conditions.MAX_INVITATIONS, Conditions.name(Conditions.MAX_INVITATIONS, 2), true,
                        top.team() + " holds 1 invitation"));
        return new InvitationDecision(EUROPE, state, top, true, conditions, basis, List.of(), inputs);
    }

    /** Plans against the last notice as the ledger keeps it (its JSON), and records what it plans. */
    static List<PlannedNotice> publish(InvitationDecision d) {
        Optional<PublishedNotice> last = DOCUMENTS.isEmpty() ? Optional.empty()
                : Optional.of(PublishedNotice.fromJson(new String(DOCUMENTS.get(DOCUMENTS.size() - 1), StandardCharsets.UTF_8)));
        List<PlannedNotice> planned = NoticePlanner.plan(last, d);
        for (PlannedNotice n : planned) {
            PUBLISHED.add(n);
            DOCUMENTS.add(NoticeDocument.bytes(n, ISSUED));
        }
        return planned;
    }

    @BeforeAll
    static void runTheSeason() {
        afterQualifying = publish(decision(NoticeState.LEADER, 5, 179, List.of(MONZA_Q),
                HARBOUR, 1, STRADA, 0, LAKESIDE, 0));
        publish(decision(NoticeState.LEADER, 4, 154, List.of(MONZA_Q, MONZA_RACE),
                HARBOUR, 26, STRADA, 18, LAKESIDE, 15));
        publish(decision(NoticeState.CLINCHED, 1, 17.5, List.of(MONZA_Q, MONZA_RACE, BRANDS_V1),
                HARBOUR, 51, STRADA, 36, LAKESIDE, 30));
        publish(decision(NoticeState.CLINCHED, 1, 17.5, List.of(MONZA_Q, MONZA_RACE, BRANDS_V2),
                STRADA, 52, HARBOUR, 44.5, LAKESIDE, 30));
        publish(decision(NoticeState.CONFIRMED, 0, 0, List.of(MONZA_Q, MONZA_RACE, BRANDS_V2, MISANO),
                STRADA, 77, HARBOUR, 62.5, LAKESIDE, 42));
    }

    static PlannedNotice notice(int seq) {
        return PUBLISHED.get(seq - 1);
    }

    static JsonNode json(int seq) throws IOException {
        return MAPPER.readTree(DOCUMENTS.get(seq - 1));
    }

    static String markdown(int seq) {
        return NoticeDocument.markdown(notice(seq), ISSUED);
    }

    @Test
    void theSeasonPublishesLeaderClinchedWithdrawnClinchedConfirmed() {
        assertThat(PUBLISHED).extracting(PlannedNotice::seq, PlannedNotice::state, p -> p.recipient().display(),
                PlannedNotice::supersedes).containsExactly(
                tuple(1, NoticeState.LEADER, "Harbour Lights Racing #7", null),
                tuple(2, NoticeState.CLINCHED, "Harbour Lights Racing #7", 1),
                tuple(3, NoticeState.WITHDRAWN, "Harbour Lights Racing #7", 2),
                tuple(4, NoticeState.CLINCHED, "Strada Bianca Motorsport #93", 3),
                tuple(5, NoticeState.CONFIRMED, "Strada Bianca Motorsport #93", 4));
    }

    @Test
    void aQualifyingAloneNamesNoLeaderTheFirstRaceDoes() throws IOException {
        assertThat(afterQualifying).isEmpty();

        JsonNode first = json(1);
        assertThat(first.get("inputs")).extracting(i -> i.get("type").asText()).containsExactly("QUALIFYING", "RACE");
        assertThat(first.get("changes").get("since").isNull()).isTrue();
        assertThat(first.get("changes").get("documents")).isEmpty();
        assertThat(first.get("changes").get("leader").get("now").asText()).isEqualTo("Harbour Lights Racing #7");
        assertThat(first.get("withdrawal").isNull()).isTrue();
        assertThat(markdown(1)).contains("## What changed\n\nFirst notice for this invitation: nothing to compare with.\n");
    }

    @Test
    void leaderToClinchedSaysWhichResultCameInAndWhoMoved() throws IOException {
        JsonNode changes = json(2).get("changes");

        assertThat(changes.get("since").get("seq").asInt()).isEqualTo(1);
        assertThat(changes.get("since").get("state").asText()).isEqualTo("LEADER");
        assertThat(changes.get("documents")).singleElement().satisfies(d -> {
            assertThat(d.get("change").asText()).isEqualTo("added");
            assertThat(d.get("sessionKey").asText()).isEqualTo("gtwc-europe/2023/02/race-1");
            assertThat(d.get("event").asText()).isEqualTo("Brands Hatch");
            assertThat(d.get("oldVersion").isNull()).isTrue();
            assertThat(d.get("newVersion").asInt()).isEqualTo(1);
            assertThat(d.get("oldSha256").isNull()).isTrue();
            assertThat(d.get("newSha256").asText()).isEqualTo(SHA_BRANDS_V1);
            assertThat(d.get("newStatus").asText()).isEqualTo("PROVISIONAL");
        });
        assertThat(changes.get("moves")).extracting(m -> m.get("name").asText(), m -> m.get("oldPosition").asInt(),
                m -> m.get("newPosition").asInt(), m -> m.get("old").decimalValue().toPlainString(),
                m -> m.get("new").decimalValue().toPlainString(), m -> m.get("difference").decimalValue().toPlainString())
                .containsExactly(
                        tuple("Harbour Lights Racing #7", 1, 1, "26", "51", "25"),
                        tuple("Strada Bianca Motorsport #93", 2, 2, "18", "36", "18"),
                        tuple("Lakeside Corse #40", 3, 3, "15", "30", "15"));
        assertThat(changes.get("leader").get("before").asText()).isEqualTo("Harbour Lights Racing #7");
        assertThat(changes.get("leader").get("now").asText()).isEqualTo("Harbour Lights Racing #7");

        assertThat(markdown(2)).contains("## What changed since notice 1\n")
                .contains("- Leader: Harbour Lights Racing #7, unchanged\n")
                .contains("- State: LEADER → CLINCHED\n")
                .contains("| Brands Hatch Race 1 of the GT World Challenge Europe 2023 | added | 1 | PROVISIONAL |  | `"
                        + SHA_BRANDS_V1 + "` |")
                .contains("| Harbour Lights Racing #7 | 1st | 26 → 51 (+25) |");
    }

    @Test
    void clinchedToWithdrawnNamesTheRecipientItsStandingTheCauseAndWhatFollows() throws IOException {
        PlannedNotice w = notice(3);
        assertThat(w.recipient()).isEqualTo(HARBOUR);
        assertThat(w.entitled()).isFalse();
        assertThat(w.previous()).isEqualTo(new NoticeRef(2, NoticeState.CLINCHED, "Harbour Lights Racing #7"));
        assertThat(w.reason()).isEqualTo("Notice 2 (CLINCHED) to Harbour Lights Racing #7 is withdrawn: after the "
                + "amended Brands Hatch Race 1 of the GT World Challenge Europe 2023 (version 2, OFFICIAL, replacing "
                + "version 1, PROVISIONAL), Strada Bianca Motorsport #93 leads with 52 points and Harbour Lights Racing #7 "
                + "is 2nd with 44.5 points, 7.5 behind. Notice 4 (CLINCHED) names Strada Bianca Motorsport #93.");

        JsonNode doc = json(3);
        assertThat(doc.get("recipient").get("team").asText()).isEqualTo("Harbour Lights Racing");
        // the basis is the withdrawn recipient's own: its points, no runner-up
        assertThat(doc.get("basis").get("points").decimalValue()).isEqualByComparingTo("44.5");
        assertThat(doc.get("basis").get("runnerUp").isNull()).isTrue();
        assertThat(doc.get("basis").get("margin").isNull()).isTrue();
        JsonNode withdrawal = doc.get("withdrawal");
        assertThat(withdrawal.get("withdraws").get("seq").asInt()).isEqualTo(2);
        assertThat(withdrawal.get("standing").get("position").asInt()).isEqualTo(2);
        assertThat(withdrawal.get("standing").get("points").decimalValue()).isEqualByComparingTo("44.5");
        assertThat(withdrawal.get("behind").get("name").asText()).isEqualTo("Strada Bianca Motorsport #93");
        assertThat(withdrawal.get("behind").get("points").decimalValue()).isEqualByComparingTo("52");
        assertThat(withdrawal.get("behind").get("by").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(withdrawal.get("newRecipient").get("team").asText()).isEqualTo("Strada Bianca Motorsport");
        assertThat(withdrawal.get("newRecipient").get("car").asText()).isEqualTo("93");
        assertThat(withdrawal.get("followedBy").get("seq").asInt()).isEqualTo(4);
        assertThat(withdrawal.get("followedBy").get("state").asText()).isEqualTo("CLINCHED");
        assertThat(withdrawal.get("cause").asText()).isEqualTo("the amended Brands Hatch Race 1 of the GT World "
                + "Challenge Europe 2023 (version 2, OFFICIAL, replacing version 1, PROVISIONAL)");

        JsonNode changes = doc.get("changes");
        assertThat(changes.get("since").get("seq").asInt()).isEqualTo(2);
        assertThat(changes.get("documents")).singleElement().satisfies(d -> {
            assertThat(d.get("change").asText()).isEqualTo("amended");
            assertThat(d.get("sessionKey").asText()).isEqualTo("gtwc-europe/2023/02/race-1");
            assertThat(d.get("oldVersion").asInt()).isEqualTo(1);
            assertThat(d.get("newVersion").asInt()).isEqualTo(2);
            assertThat(d.get("oldSha256").asText()).isEqualTo(SHA_BRANDS_V1);
            assertThat(d.get("newSha256").asText()).isEqualTo(SHA_BRANDS_V2);
            assertThat(d.get("oldStatus").asText()).isEqualTo("PROVISIONAL");
            assertThat(d.get("newStatus").asText()).isEqualTo("OFFICIAL");
        });
        assertThat(changes.get("moves")).extracting(m -> m.get("name").asText(), m -> m.get("oldPosition").asInt(),
                m -> m.get("newPosition").asInt(), m -> m.get("difference").decimalValue().toPlainString())
                .containsExactly(tuple("Strada Bianca Motorsport #93", 2, 1, "16"),
                        tuple("Harbour Lights Racing #7", 1, 2, "-6.5"));
        assertThat(changes.get("leader").get("before").asText()).isEqualTo("Harbour Lights Racing #7");
        assertThat(changes.get("leader").get("now").asText()).isEqualTo("Strada Bianca Motorsport #93");

        assertThat(markdown(3)).contains("- Supersedes: notice 2 (CLINCHED, Harbour Lights Racing #7)\n"
                        + "- Followed by: notice 4 (CLINCHED, Strada Bianca Motorsport #93)\n")
                .contains("## Withdrawn from\n\n- Team: Harbour Lights Racing\n- Car: #7\n")
                .contains("- Entitled: no\n- Standing now: 2nd with 44.5 points\n"
                        + "- Behind: Strada Bianca Motorsport #93, first with 52 points, by 7.5\n"
                        + "- New recipient: Strada Bianca Motorsport #93, in notice 4\n")
                .contains("- Leader: Harbour Lights Racing #7 → Strada Bianca Motorsport #93\n")
                .contains("| Brands Hatch Race 1 of the GT World Challenge Europe 2023 | amended | 1 → 2 | PROVISIONAL → OFFICIAL | `"
                        + SHA_BRANDS_V1 + "` | `" + SHA_BRANDS_V2 + "` |")
                .contains("| Strada Bianca Motorsport #93 | 2nd → 1st | 36 → 52 (+16) |")
                .contains("| Harbour Lights Racing #7 | 1st → 2nd | 51 → 44.5 (-6.5) |")
                .contains("- Points: 44.5\n")
                .doesNotContain("Runner-up");
    }

    @Test
    void withdrawnToTheNewRecipientComparesWithTheNoticeWithdrawn() throws IOException {
        PlannedNotice n = notice(4);
        assertThat(n.recipient()).isEqualTo(STRADA);
        assertThat(n.entitled()).isTrue();
        assertThat(n.previous()).isEqualTo(new NoticeRef(3, NoticeState.WITHDRAWN, "Harbour Lights Racing #7"));
        assertThat(n.changes()).isEqualTo(notice(3).changes());
        assertThat(n.reason()).isEqualTo("Strada Bianca Motorsport #93 can no longer be caught for the GT World "
                + "Challenge Europe Bronze Cup invitation: 7.5 ahead of Harbour Lights Racing #7, with at most 17.5 "
                + "points still available.");

        JsonNode doc = json(4);
        assertThat(doc.get("supersedes").asInt()).isEqualTo(3);
        assertThat(doc.get("changes").get("since").get("seq").asInt()).isEqualTo(2);
        assertThat(doc.get("changes").get("documents")).singleElement()
                .satisfies(d -> assertThat(d.get("change").asText()).isEqualTo("amended"));
        assertThat(doc.get("withdrawal").isNull()).isTrue();
        assertThat(doc.get("basis").get("margin").decimalValue()).isEqualByComparingTo("7.5");

        assertThat(markdown(4)).contains("- Supersedes: notice 3 (WITHDRAWN, Harbour Lights Racing #7)\n")
                .contains("## What changed since notice 2\n\nNotice 3 withdrew notice 2 for the same change; this notice "
                        + "is compared with notice 2 (CLINCHED, Harbour Lights Racing #7).\n")
                .contains("- Recipient: Harbour Lights Racing #7 → Strada Bianca Motorsport #93\n")
                .contains("| Strada Bianca Motorsport #93 | 2nd → 1st | 36 → 52 (+16) |")
                .contains("## Recipient\n\n- Team: Strada Bianca Motorsport\n- Car: #93\n- Drivers: Dario DUMMY, Emil MOCK\n");
    }

    @Test
    void theNewRecipientToConfirmedSaysWhatTheLastRaceChanged() throws IOException {
        JsonNode changes = json(5).get("changes");

        assertThat(changes.get("since").get("seq").asInt()).isEqualTo(4);
        assertThat(changes.get("since").get("recipient").asText()).isEqualTo("Strada Bianca Motorsport #93");
        assertThat(changes.get("documents")).extracting(d -> d.get("change").asText(), d -> d.get("sessionKey").asText(),
                d -> d.get("newSha256").asText()).containsExactly(tuple("added", "gtwc-europe/2023/05/race-2", SHA_MISANO));
        assertThat(changes.get("moves")).extracting(m -> m.get("name").asText(), m -> m.get("new").decimalValue().toPlainString(),
                m -> m.get("difference").decimalValue().toPlainString()).containsExactly(
                tuple("Strada Bianca Motorsport #93", "77", "25"),
                tuple("Harbour Lights Racing #7", "62.5", "18"),
                tuple("Lakeside Corse #40", "42", "12"));
        assertThat(changes.get("leader").get("before").asText()).isEqualTo("Strada Bianca Motorsport #93");

        assertThat(markdown(5)).contains("## What changed since notice 4\n\n- Leader: Strada Bianca Motorsport #93, unchanged\n"
                        + "- State: CLINCHED → CONFIRMED\n")
                .contains("| Misano Race 2 of the GT World Challenge Europe 2023 | added | 1 | OFFICIAL |")
                .contains("| Harbour Lights Racing #7 | 2nd | 44.5 → 62.5 (+18) |")
                .doesNotContain("Notice 3 withdrew");
        assertThat(notice(5).reason()).isEqualTo("Strada Bianca Motorsport #93 wins the GT World Challenge Europe Bronze "
                + "Cup invitation with 77 points, 14.5 ahead of Harbour Lights Racing #7: every round is run and every "
                + "result used is official.");
    }

    @Test
    void anAmendmentThatLeavesNoEligibleEntrantWithdrawsWithNothingToFollow() throws IOException {
        PublishedNotice clinched = PublishedNotice.fromJson(new String(DOCUMENTS.get(1), StandardCharsets.UTF_8));
        Basis none = new Basis("gtwc-europe/2023/cars-bronze", Measure.POINTS, null, null, null,
                List.of(new SeriesRemaining(new SeasonRef("gtwc-europe", "2023"), "GT World Challenge Europe", 1, 17.5)),
                List.of());
        InvitationDecision nobody = new InvitationDecision(EUROPE, null, null, false, List.of(), none,
                List.of("no eligible entrant yet"), List.of(MONZA_Q, MONZA_RACE, BRANDS_V2));

        PlannedNotice w = NoticePlanner.plan(Optional.of(clinched), nobody).get(0);

        assertThat(w.state()).isEqualTo(NoticeState.WITHDRAWN);
        assertThat(w.withdrawal()).extracting(Withdrawal::standing, Withdrawal::newRecipient, Withdrawal::followedBy)
                .containsExactly(null, null, null);
        assertThat(w.reason()).isEqualTo("Notice 2 (CLINCHED) to Harbour Lights Racing #7 is withdrawn: after the "
                + "amended Brands Hatch Race 1 of the GT World Challenge Europe 2023 (version 2, OFFICIAL, replacing "
                + "version 1, PROVISIONAL), no eligible entrant is left.");
        assertThat(w.changes().moves()).extracting(Move::name, Move::oldPosition, Move::newPosition).containsExactly(
                tuple("Harbour Lights Racing #7", 1, null), tuple("Strada Bianca Motorsport #93", 2, null),
                tuple("Lakeside Corse #40", 3, null));
        assertThat(NoticeDocument.markdown(w, ISSUED)).contains("- Followed by: none: no eligible entrant is left\n")
                .contains("- Standing now: not an eligible entrant\n")
                .contains("| Harbour Lights Racing #7 | 1st → not eligible | 51 → none |");
    }

    @Test
    void everyNoticeOfTheSeasonMeetsTheSchema(@TempDir Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < PUBLISHED.size(); i++) {
            Path f = dir.resolve(NoticeDocument.path(PUBLISHED.get(i), "json"));
            Files.createDirectories(f.getParent());
            Files.write(f, DOCUMENTS.get(i));
            problems.addAll(OutboxSchemas.problems(f));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaRefusesAnUnknownKindOfChangeOrAWithdrawalWithoutItsCause(@TempDir Path dir) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode badChange = NoticeDocument.json(notice(2), ISSUED);
        ((com.fasterxml.jackson.databind.node.ObjectNode) badChange.get("changes").get("documents").get(0))
                .put("change", "replaced");
        com.fasterxml.jackson.databind.node.ObjectNode noCause = NoticeDocument.json(notice(3), ISSUED);
        ((com.fasterxml.jackson.databind.node.ObjectNode) noCause.get("withdrawal")).remove("cause");
        Path a = dir.resolve("002-clinched.json");
        Path b = dir.resolve("003-withdrawn.json");
        Files.write(a, Json.bytes(badChange));
        Files.write(b, Json.bytes(noCause));

        assertThat(OutboxSchemas.problems(a)).singleElement().asString().contains("change");
        assertThat(OutboxSchemas.problems(b)).anyMatch(p -> p.contains("cause"));
    }
}
