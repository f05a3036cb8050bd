package org.podium.invitation;

import org.podium.outbox.NoticeDocument;
import org.podium.model.SeasonRef;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.championship.SeasonStandings;
import org.podium.combined.CombinedClassification;
import org.podium.outbox.CombinedDocument;
import org.podium.combined.CombinedRow;
import org.podium.support.Json;
import org.podium.combined.Results;
import org.podium.combined.Scores;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;
import org.podium.outbox.OutboxSchemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo season (src/main/resources/demo) fed step by step, as the demo command does: read by the
 * real feed parsers, scored by the real rules, decided with the real config/invitations.yaml and
 * config/aliases.yaml, and the notices planned against a ledger that keeps only their JSON.
 * The designed outcomes are the demo README's.
 */
class DemoInvitationsTest {
    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final Instant ISSUED = Instant.parse("2024-02-13T12:00:00Z");

    /** A published notice and the step that published it. */
    record Published(String step, PlannedNotice notice, byte[] json) {}

    private static final List<Published> NOTICES = new ArrayList<>();
    private static final Map<String, byte[]> LEDGER = new HashMap<>();
    private static Map<SeasonRef, SeasonStandings> finalStandings;
    private static CombinedClassification beforeAmendment;
    private static CombinedClassification afterAmendment;

    @BeforeAll
    static void feedEveryStep() throws IOException, FeedException {
        FeedReader reader = new FeedReader(Results.catalog().ids(), 10 << 20);
        Invitations config = InvitationsConfigTest.real();
        Map<String, SessionResult> current = new TreeMap<>();
        Map<String, SeasonStandings> bySeries = new TreeMap<>();
        for (String step : Files.readAllLines(DEMO.resolve("steps.txt"))) {
            if (step.isBlank()) continue;
            Path root = DEMO.resolve("steps").resolve(step);
            Set<String> changed = new HashSet<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    SessionResult r = reader.read(Files.readAllBytes(f), root.relativize(f).toString().replace('\\', '/'), null);
                    current.put(r.sessionKey(), r);
                    changed.add(r.series());
                }
            }
            for (String series : changed) {
                List<SessionResult> sessions = current.values().stream().filter(s -> s.series().equals(series)).toList();
                bySeries.put(series, Results.standings(series, sessions.get(0).season(), sessions));
            }
            List<SeasonStandings> standings = List.copyOf(bySeries.values());
            finalStandings = SeasonStandings.index(standings);
            InvitationDecider.Outcome o = InvitationDecider.decideAll(config, finalStandings, Results.aliases());
            for (InvitationDecision d : o.decisions()) {
                byte[] last = LEDGER.get(d.invitation().id());
                Optional<PublishedNotice> published = Optional.ofNullable(last)
                        .map(b -> PublishedNotice.fromJson(new String(b, StandardCharsets.UTF_8)));
                for (PlannedNotice n : NoticePlanner.plan(published, d)) {
                    byte[] json = NoticeDocument.bytes(n, ISSUED);
                    NOTICES.add(new Published(step, n, json));
                    LEDGER.put(d.invitation().id(), json);
                }
            }
            if (step.startsWith("31-")) beforeAmendment = o.combined().get("lemans-2024-asia-combined");
            if (step.startsWith("32-")) afterAmendment = o.combined().get("lemans-2024-asia-combined");
        }
    }

    private static List<Published> of(String invitationId) {
        return NOTICES.stream().filter(p -> p.notice().invitation().id().equals(invitationId)).toList();
    }

    /** The demo README's "The notices": every notice of the demo, the step that publishes it, its figures as printed. */
    @Test
    void theDemoPublishesTheNoticesItsReadmeLists() {
        assertThat(of("lemans-2024-gtwc-europe")).extracting(p -> p.step().substring(0, 2),
                p -> NoticeDocument.path(p.notice(), "json"), p -> p.notice().recipient().display(), DemoInvitationsTest::figures)
                .containsExactly(
                        tuple("02", "notices/lemans-2024-gtwc-europe/001-leader.json", "Strada Bianca Motorsport #93", "25, 6"),
                        tuple("04", "notices/lemans-2024-gtwc-europe/002-leader.json", "Harbour Lights Racing #7", "31, 5"),
                        tuple("15", "notices/lemans-2024-gtwc-europe/003-clinched.json", "Harbour Lights Racing #7", "127, 43.5"),
                        tuple("18", "notices/lemans-2024-gtwc-europe/004-confirmed.json", "Harbour Lights Racing #7", "146, 40"));
        assertThat(of("lemans-2024-asia-combined")).extracting(p -> p.step().substring(0, 2),
                p -> NoticeDocument.path(p.notice(), "json"), p -> p.notice().recipient().display(), DemoInvitationsTest::figures)
                .containsExactly(
                        tuple("24", "notices/lemans-2024-asia-combined/001-leader.json", "Kaiju Motorsports", "1.002, 0.191"),
                        tuple("26", "notices/lemans-2024-asia-combined/002-leader.json", "Phoenix Lótus Racing", "1.003, 0.001"),
                        tuple("27", "notices/lemans-2024-asia-combined/003-leader.json", "Kaiju Motorsports", "1.010, 0.007"),
                        tuple("28", "notices/lemans-2024-asia-combined/004-leader.json", "Phoenix Lótus Racing", "1.196, 0.048"),
                        tuple("30", "notices/lemans-2024-asia-combined/005-leader.json", "Kaiju Motorsports", "1.348, 0.006"),
                        tuple("31", "notices/lemans-2024-asia-combined/006-clinched.json", "Phoenix Lótus Racing", "1.534, 0.047"),
                        tuple("32", "notices/lemans-2024-asia-combined/007-withdrawn.json", "Phoenix Lótus Racing", "1.457, -0.084"),
                        tuple("32", "notices/lemans-2024-asia-combined/008-confirmed.json", "Kaiju Motorsports", "1.541, 0.084"));
    }

    /** "value, margin" as the notice prints them; for a withdrawal, the recipient's figure and how far behind. */
    private static String figures(Published p) {
        PlannedNotice n = p.notice();
        Invitation inv = n.invitation();
        Measure m = n.basis().measure();
        if (n.withdrawal() != null) {
            Withdrawal w = n.withdrawal();
            return NoticeFigures.text(inv, m, w.standing().value()) + ", -"
                    + NoticeFigures.text(inv, m, NoticeFigures.difference(inv, m, w.leader().value(), w.standing().value()));
        }
        return NoticeFigures.text(inv, m, n.basis().value()) + ", " + NoticeFigures.text(inv, m, NoticeFigures.margin(inv, n.basis()));
    }

    @Test
    void theMonzaQualifyingAloneNamesNoLeaderTheMonzaRaceDoes() {
        Published first = of("lemans-2024-gtwc-europe").get(0);

        assertThat(first.step()).isEqualTo("02-2023-04-23-gtwc-europe-monza-race");
        assertThat(first.notice().inputs()).extracting(org.podium.championship.InputDocument::sessionKey)
                .containsExactly("gtwc-europe/2023/01/qualifying", "gtwc-europe/2023/01/race");
        assertThat(first.notice().changes().since()).isNull();
    }

    @Test
    void theBronzeCupInvitationIsClinchedAfterSpaAndConfirmedAfterMisano() {
        List<Published> europe = of("lemans-2024-gtwc-europe");

        assertThat(europe).filteredOn(p -> p.notice().state() == NoticeState.CLINCHED).singleElement().satisfies(p -> {
            assertThat(p.step()).isEqualTo("15-2023-07-02-gtwc-europe-spa-race");
            assertThat(p.notice().recipient().display()).isEqualTo("Harbour Lights Racing #7");
            assertThat(p.notice().basis().margin()).isEqualTo(43.5);
            assertThat(p.notice().basis().maxStillAvailable()).isEqualTo(35.0);
        });
        Published last = europe.get(europe.size() - 1);
        assertThat(last.notice().state()).isEqualTo(NoticeState.CONFIRMED);
        assertThat(last.notice().basis().value()).isEqualTo(146.0);
        assertThat(europe).noneMatch(p -> p.notice().state() == NoticeState.WITHDRAWN);
    }

    @Test
    void theProvisionalLastRaceGivesPhoenixLotusTheCombinedInvitation() {
        assertThat(beforeAmendment.rows()).extracting(CombinedRow::team, r -> Scores.format(r.score(), 3)).startsWith(
                tuple("Phoenix Lótus Racing", "1.534"), tuple("Kaiju Motorsports", "1.487"),
                tuple("Red Lantern by Huang", "0.601"), tuple("Tsunami Racing", "0.596"),
                tuple("Monsoon Motorsports", "0.322"));
        assertThat(of("lemans-2024-asia-combined")).filteredOn(p -> p.step().startsWith("31-")).singleElement()
                .satisfies(p -> {
                    assertThat(p.notice().state()).isEqualTo(NoticeState.CLINCHED);
                    assertThat(p.notice().recipient().team()).isEqualTo("Phoenix Lótus Racing");
                });
    }

    @Test
    void theAmendedLastRaceWithdrawsPhoenixLotusAndConfirmsKaiju() {
        List<Published> asia = of("lemans-2024-asia-combined");
        int clinchedSeq = asia.stream().filter(p -> p.step().startsWith("31-")).findFirst().orElseThrow().notice().seq();

        assertThat(asia).filteredOn(p -> p.step().startsWith("32-")).extracting(p -> p.notice().state(),
                p -> p.notice().recipient().team(), p -> p.notice().seq(), p -> p.notice().supersedes()).containsExactly(
                tuple(NoticeState.WITHDRAWN, "Phoenix Lótus Racing", clinchedSeq + 1, clinchedSeq),
                tuple(NoticeState.CONFIRMED, "Kaiju Motorsports", clinchedSeq + 2, clinchedSeq + 1));
        assertThat(afterAmendment.rows()).extracting(CombinedRow::team, r -> Scores.format(r.score(), 3)).startsWith(
                tuple("Kaiju Motorsports", "1.541"), tuple("Phoenix Lótus Racing", "1.457"));
    }

    @Test
    void theAliasMergesRedLanternAndGarudaIsReportedNotMerged() {
        assertThat(afterAmendment.rows()).extracting(CombinedRow::team).contains("Red Lantern by Huang");
        assertThat(afterAmendment.nearMisses()).extracting(m -> m.teamA(), m -> m.teamB())
                .containsExactly(tuple("Garudda Racing", "Garuda Racing"));
    }

    @Test
    void feedingTheSameFilesAgainPublishesNothingNew() {
        InvitationDecider.Outcome again = InvitationDecider.decideAll(InvitationsConfigTest.real(), finalStandings,
                Results.aliases());

        for (InvitationDecision d : again.decisions()) {
            PublishedNotice last = PublishedNotice.fromJson(new String(LEDGER.get(d.invitation().id()), StandardCharsets.UTF_8));
            assertThat(NoticePlanner.plan(Optional.of(last), d)).isEmpty();
        }
    }

    @Test
    void everyNoticeAndTheCombinedDocumentMeetTheirSchemas(@TempDir Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Published p : NOTICES) {
            Path f = dir.resolve(NoticeDocument.path(p.notice(), "json"));
            Files.createDirectories(f.getParent());
            Files.write(f, p.json());
            problems.addAll(OutboxSchemas.problems(f));
        }
        // as the outbox writes it: with the time and version it adds
        ObjectNode combined = CombinedDocument.json(afterAmendment);
        combined.put("generated", ISSUED.toString());
        combined.put("version", 1);
        Path f = dir.resolve(CombinedDocument.path(afterAmendment));
        Files.createDirectories(f.getParent());
        Files.write(f, Json.bytes(combined));
        problems.addAll(OutboxSchemas.problems(f));

        assertThat(NOTICES).hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }
}
