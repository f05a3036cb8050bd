package org.podium.app;

import org.podium.support.Sha256;
import org.podium.support.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.podium.browser.HeadlessChromium;
import org.podium.hostile.HostileCorpus;
import org.podium.support.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code demo} command as a user runs it, once for the class: what it prints and what its outbox
 * holds, checked against the figures computed by hand from the demo's files (demo/README.md); then its
 * report in a real browser ({@link ReportInBrowser}), on a copy of the home the demo left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStandingsEndToEndTest {

    Path home;
    Path db;
    int exit;
    String printed;
    String logged;

    @BeforeAll
    void runDemo(@TempDir Path dir) {
        home = dir.resolve("podium-demo");
        db = dir.resolve("db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = Commands.run(new String[]{"demo", "--home", home.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of("podium.db.url", database(db)));
        printed = out.toString(StandardCharsets.UTF_8);
        // the demo logs into its home, not onto the terminal
        try {
            logged = java.nio.file.Files.readString(home.resolve(Demo.LOG), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String database(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("podium") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void exitsZeroAndSaysWhereTheOutputsAre() {
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("36 ingested, 0 rejected, 0 duplicate(s)")
                .contains(home.resolve("outbox").toString())
                .contains(home.resolve("outbox/standings").toString());
        // the page to open last; the log in the demo's home, not in the summary
        assertThat(printed.lines().toList()).last().isEqualTo("Report: " + home.resolve("outbox/report/index.html").toUri());
        assertThat(printed).doesNotContain(" p.ingest ", " p.poll ");
        assertThat(home.resolve(Demo.LOG)).content(StandardCharsets.UTF_8).contains(" p.ingest ", ": stored as version 1 of ");
    }

    @Test
    void everyDemoFileIsFetchedOverHttpFromTheDemoFeedServer() {
        assertThat(printed).contains("Fetched over HTTP: 36 document(s): alms-demo 12, gtwc-asia-demo 8, gtwc-europe-demo 16")
                .containsPattern("step 24-2023-12-02-alms-sepang-race-1-hour-3 +1 fetched over HTTP \\(alms-demo 1\\)")
                .containsPattern("step 03-2023-05-06-gtwc-europe-brands-hatch-qualifying +2 fetched over HTTP \\(gtwc-europe-demo 2\\)");
    }

    @Test
    void theOutboxHoldsOneCanonicalJsonPerDemoSession() throws IOException {
        Set<String> sessions = new TreeSet<>();
        Path steps = Path.of("src/main/resources/demo/steps");
        try (Stream<Path> files = Files.walk(steps)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                Path rel = steps.relativize(f);          // <step>/<series>/<season>/<round>_<event>/<session>/<file>
                String round = rel.getName(3).toString().substring(0, 2);
                String session = rel.getName(4).toString().toLowerCase().replaceAll("[^a-z0-9]+", "-");
                sessions.add(rel.getName(1) + "/" + rel.getName(2) + "/" + round + "-" + session + ".json");
            });
        }
        assertThat(sessions).hasSize(34);   // 36 files: two sessions were published twice
        assertThat(new TreeSet<>(TestHome.files(home.resolve("outbox/results")))).isEqualTo(sessions);
        for (String s : sessions) {
            JsonNode doc = Json.MAPPER.readTree(home.resolve("outbox/results").resolve(s).toFile());
            assertThat(doc.path("schema").asText()).isEqualTo("podium.session-result/1");
        }
    }

    @Test
    void asianLeMansGtClassFinalStandingsMatchTheHandComputedTable() throws IOException {
        JsonNode t = table("alms/2023-24/cars-gt.json");
        assertThat(t.path("status").asText()).isEqualTo("final");
        // demo/README.md, "Asian Le Mans Series 2023-24: GT class, cars", final.
        assertThat(top(t, 5)).containsExactly(
                "1 #44 Phoenix Lótus Racing 103.0",
                "2 #8 Kaiju Motorsport 95.0",
                "3 #57 Desert Falcon Racing 92.0",
                "4 #21 Tsunami Team 58.0",
                "5 #74 Nordlicht Motorsport 53.0");
    }

    @Test
    void gtWorldChallengeAsiaDriversShareTheRankOfTheirCar() throws IOException {
        JsonNode t = table("gtwc-asia/2023/drivers-overall.json");
        assertThat(top(t, 6)).containsExactly(
                "1 Lucas BERGMANN Mekong Velocity 166.0", "1 Quang Minh TRAN Mekong Velocity 166.0",
                "3 Daichi MORIOKA Kaiju Motorsports 162.0", "3 Hiroshi TANABE Kaiju Motorsports 162.0",
                "5 Darren LIM PHOENIX LOTUS 133.0", "5 Jonathan SEOW PHOENIX LOTUS 133.0");
    }

    @Test
    void gtWorldChallengeEuropeBronzeCarsAndTeamsMatchTheHandComputedTables() throws IOException {
        assertThat(top(table("gtwc-europe/2023/cars-bronze.json"), 5)).containsExactly(
                "1 #7 Harbour Lights Racing 146.0",
                "2 #94 Strada Bianca Motorsport 106.0",
                "3 #93 Strada Bianca Motorsport 105.5",
                "4 #40 Lakeside Corse 100.5",
                "5 #12 Gamma Corse 78.5");
        assertThat(top(table("gtwc-europe/2023/teams-bronze.json"), 3)).containsExactly(
                "1 Strada Bianca Motorsport Strada Bianca Motorsport 153.0",
                "2 Harbour Lights Racing Harbour Lights Racing 146.0",
                "3 Lakeside Corse Lakeside Corse 100.5");
    }

    @Test
    void everyStandingsTableIsWrittenAsJacksonWritesItsRecords() throws IOException {
        // the demo's seasons, computed again from its store: every table, with its cups, teams,
        // adjustments and tie-breaks, written by hand and through the records' serialization
        var catalog = org.podium.championship.SeriesCatalog.load(home.resolve("config/series"));
        int tables = 0;
        try (var database = new org.podium.store.Database(database(db), "sa", "", 2)) {
            var store = new org.podium.store.ResultStore(database.dataSource(), java.time.Clock.systemUTC());
            for (var season : store.seasons()) {
                var rules = catalog.get(season.series()).orElseThrow();
                var standings = org.podium.championship.StandingsCalculator.compute(rules, season.season(),
                        store.currentSessions(season),
                        org.podium.championship.Adjustments.load(home.resolve("config/adjustments"), season.series(), season.season()));
                for (var table : standings.tables()) {
                    assertThat(new String(org.podium.outbox.StandingsDocument.json(standings, table), StandardCharsets.UTF_8))
                            .as(season + " " + table.id())
                            .isEqualTo(new String(org.podium.outbox.StandingsDocument.viaRecords(standings, table), StandardCharsets.UTF_8));
                    tables++;
                }
            }
        }
        assertThat(tables).isGreaterThan(20);
    }

    @Test
    void standingsOfAllThreeSeriesArePublished() {
        List<String> standings = TestHome.files(home.resolve("outbox/standings"));
        assertThat(standings).contains("alms/2023-24/drivers-gt.json", "alms/2023-24/teams-lmp2.json",
                "gtwc-asia/2023/drivers-pro-am.json", "gtwc-asia/2023/teams-overall.json",
                "gtwc-europe/2023/drivers-overall.json", "gtwc-europe/2023/cars-bronze.json");
    }

    @Test
    void everyJsonDocumentTheDemoWritesIsValidAgainstItsSchema() {
        List<String> json = TestHome.files(home.resolve("outbox")).stream().filter(f -> f.endsWith(".json")).toList();
        assertThat(json).hasSizeGreaterThan(70);
        List<String> problems = new ArrayList<>();
        for (String f : json) problems.addAll(org.podium.outbox.OutboxSchemas.problems(home.resolve("outbox").resolve(f)));
        assertThat(problems).isEmpty();
    }

    @Test
    void bothInvitationsAreResolvedAndTheAmendmentWithdrawsThenReissuesTheCombinedOne() {
        List<String> europe = TestHome.files(home.resolve("outbox/notices/lemans-2024-gtwc-europe"));
        // demo/README.md, "The notices": no LEADER notice after the Monza qualifying alone
        assertThat(europe).filteredOn(f -> f.endsWith(".json")).containsExactly(
                "001-leader.json", "002-leader.json", "003-clinched.json", "004-confirmed.json");
        assertThat(europe).contains("003-clinched.md", "004-confirmed.md");
        List<String> asia = TestHome.files(home.resolve("outbox/notices/lemans-2024-asia-combined"))
                .stream().filter(f -> f.endsWith(".json")).toList();
        assertThat(asia).containsExactly("001-leader.json", "002-leader.json", "003-leader.json", "004-leader.json",
                "005-leader.json", "006-clinched.json", "007-withdrawn.json", "008-confirmed.json");
    }

    @Test
    void theFirstBronzeNoticeComesAfterTheFirstRaceNotTheQualifying() throws IOException {
        JsonNode first = notice("lemans-2024-gtwc-europe/001-leader.json");
        assertThat(first.path("recipient").path("car").asText()).isEqualTo("93");
        assertThat(first.path("inputs").findValuesAsText("sessionKey"))
                .containsExactly("gtwc-europe/2023/01/qualifying", "gtwc-europe/2023/01/race");
        assertThat(first.path("basis").path("points").decimalValue()).isEqualByComparingTo("25");
        assertThat(first.path("changes").path("since").isNull()).isTrue();
        assertThat(logged).contains("GT World Challenge Europe Bronze Cup invitation: LEADER Harbour Lights Racing #7; "
                + "no notice before the first race result");
    }

    @Test
    void theWithdrawalGivesPhoenixLotusStandingTheAmendmentAndTheNoticeThatFollows() throws IOException {
        JsonNode withdrawn = notice("lemans-2024-asia-combined/007-withdrawn.json");
        String provisional = sha256("31-2024-02-11-alms-abu-dhabi-race-2-provisional/alms/2023-24/03_Abu Dhabi/Race 2/"
                + "03_Classification_Race 2_Provisional.CSV");
        String official = sha256("32-2024-02-13-alms-abu-dhabi-race-2-official/alms/2023-24/03_Abu Dhabi/Race 2/"
                + "03_Classification_Race 2_Official.CSV");

        assertThat(withdrawn.path("recipient").path("team").asText()).isEqualTo("Phoenix Lótus Racing");
        assertThat(withdrawn.path("entitled").asBoolean()).isFalse();
        // its own standing, not the new recipient's: 0.665 + 0.792
        assertThat(withdrawn.path("basis").path("score").decimalValue()).isEqualByComparingTo("1.457");
        assertThat(withdrawn.path("basis").path("runnerUp").isNull()).isTrue();
        JsonNode w = withdrawn.path("withdrawal");
        assertThat(w.path("withdraws").path("seq").asInt()).isEqualTo(6);
        assertThat(w.path("withdraws").path("state").asText()).isEqualTo("CLINCHED");
        assertThat(w.path("standing").path("position").asInt()).isEqualTo(2);
        assertThat(w.path("standing").path("score").decimalValue()).isEqualByComparingTo("1.457");
        assertThat(w.path("behind").path("name").asText()).isEqualTo("Kaiju Motorsports");
        assertThat(w.path("behind").path("score").decimalValue()).isEqualByComparingTo("1.541");
        assertThat(w.path("behind").path("by").decimalValue()).isEqualByComparingTo("0.084");
        assertThat(w.path("newRecipient").path("team").asText()).isEqualTo("Kaiju Motorsports");
        assertThat(w.path("followedBy").path("seq").asInt()).isEqualTo(8);
        assertThat(w.path("cause").asText()).isEqualTo("the amended Abu Dhabi Race 2 of the Asian Le Mans Series 2023-24 "
                + "(version 2, OFFICIAL, replacing version 1, PROVISIONAL)");

        JsonNode changes = withdrawn.path("changes");
        assertThat(changes.path("since").path("seq").asInt()).isEqualTo(6);
        assertThat(changes.path("documents")).singleElement().satisfies(d -> {
            assertThat(d.path("change").asText()).isEqualTo("amended");
            assertThat(d.path("sessionKey").asText()).isEqualTo("alms/2023-24/03/race-2");
            assertThat(d.path("oldVersion").asInt()).isEqualTo(1);
            assertThat(d.path("newVersion").asInt()).isEqualTo(2);
            assertThat(d.path("oldSha256").asText()).isEqualTo(provisional);
            assertThat(d.path("newSha256").asText()).isEqualTo(official);
            assertThat(d.path("oldStatus").asText()).isEqualTo("PROVISIONAL");
            assertThat(d.path("newStatus").asText()).isEqualTo("OFFICIAL");
        });
        // demo/README.md, "Combined": 1.534 → 1.457 and 1.487 → 1.541
        assertThat(changes.path("moves")).extracting(m -> m.path("name").asText(), m -> m.path("oldPosition").asInt(),
                m -> m.path("newPosition").asInt(), m -> m.path("old").decimalValue().toPlainString(),
                m -> m.path("new").decimalValue().toPlainString(), m -> m.path("difference").decimalValue().toPlainString())
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("Kaiju Motorsports", 2, 1, "1.487", "1.541", "0.054"),
                        org.assertj.core.api.Assertions.tuple("Phoenix Lótus Racing", 1, 2, "1.534", "1.457", "-0.077"));
        assertThat(changes.path("leader").path("before").asText()).isEqualTo("Phoenix Lótus Racing");
        assertThat(changes.path("leader").path("now").asText()).isEqualTo("Kaiju Motorsports");

        String md = Files.readString(home.resolve("outbox/notices/lemans-2024-asia-combined/007-withdrawn.md"));
        assertThat(md).contains("- Supersedes: notice 6 (CLINCHED, Phoenix Lótus Racing)\n"
                        + "- Followed by: notice 8 (CONFIRMED, Kaiju Motorsports)\n")
                .contains("- Standing now: 2nd with a score of 1.457\n")
                .contains("- Behind: Kaiju Motorsports, first with a score of 1.541, by 0.084\n")
                .contains("| Abu Dhabi Race 2 of the Asian Le Mans Series 2023-24 | amended | 1 → 2 | PROVISIONAL → OFFICIAL | `"
                        + provisional + "` | `" + official + "` |")
                .containsPattern("- Issued: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\n");
    }

    @Test
    void theNewRecipientsNoticeComparesWithTheNoticeWithdrawnAndItsMarginAgreesWithItsScores() throws IOException {
        JsonNode confirmed = notice("lemans-2024-asia-combined/008-confirmed.json");
        JsonNode withdrawn = notice("lemans-2024-asia-combined/007-withdrawn.json");

        assertThat(confirmed.path("changes")).isEqualTo(withdrawn.path("changes"));
        assertThat(confirmed.path("basis").path("score").decimalValue()
                .subtract(confirmed.path("basis").path("runnerUp").path("score").decimalValue()))
                .isEqualByComparingTo(confirmed.path("basis").path("margin").decimalValue())
                .isEqualByComparingTo("0.084");
        assertThat(confirmed.path("conditions").findValuesAsText("name"))
                .containsExactly("took part in every event", "holds no more than 2 invitations, all classes combined");
        assertThat(confirmed.path("issued").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        String md = Files.readString(home.resolve("outbox/notices/lemans-2024-asia-combined/008-confirmed.md"));
        assertThat(md).contains("## What changed since notice 6\n\nNotice 7 withdrew notice 6 for the same change")
                .contains("- Leader: Phoenix Lótus Racing → Kaiju Motorsports\n")
                .doesNotContain("attendAllEvents").doesNotContain("maxInvitationsPerCompetitor");
    }

    @Test
    void theBronzeInvitationNamesEveryDriverWhoScoredForTheCarNotOnlyItsLastCrew() throws IOException {
        JsonNode confirmed = notice("lemans-2024-gtwc-europe/004-confirmed.json");
        JsonNode lastRace = Json.MAPPER.readTree(home.resolve("outbox/results/gtwc-europe/2023/05-race-2.json").toFile());
        List<String> lastCrew = new ArrayList<>();
        for (JsonNode e : lastRace.path("entries")) {
            if (!e.path("number").asText().equals("7")) continue;
            for (JsonNode d : e.path("drivers")) lastCrew.add(d.path("firstName").asText() + " " + d.path("lastName").asText());
        }

        assertThat(lastCrew).containsExactly("Kilian LANGSTAFF", "Tobias MONTAGNER");
        List<String> drivers = new ArrayList<>();
        confirmed.path("recipient").path("drivers").forEach(d -> drivers.add(d.asText()));
        assertThat(drivers).containsExactly("Kilian LANGSTAFF", "Tobias MONTAGNER", "Erik NEUHOFF");
        // what changed since the CLINCHED notice: the four Misano sessions, in calendar order
        assertThat(confirmed.path("changes").path("documents").findValuesAsText("sessionKey")).containsExactly(
                "gtwc-europe/2023/05/qualifying-1", "gtwc-europe/2023/05/qualifying-2", "gtwc-europe/2023/05/race-1",
                "gtwc-europe/2023/05/race-2");
    }

    @Test
    void theLogTellsEachDecisionOnceInPeoplesWords() {
        assertThat(logged).doesNotContain("null").doesNotContain("harbour lights#7")
                .doesNotContain("invitation lemans-2024");
        assertThat(count(logged, "GT World Challenge Asia and Asian Le Mans Series combined invitation: no eligible entrant yet"))
                .isEqualTo(1);
        assertThat(count(logged, "GT World Challenge Europe Bronze Cup invitation: CONFIRMED Harbour Lights Racing #7"))
                .isEqualTo(1);
        assertThat(logged).contains("notice published: outbox/notices/lemans-2024-asia-combined/007-withdrawn.json "
                + "(WITHDRAWN Phoenix Lótus Racing)");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private JsonNode notice(String rel) throws IOException {
        return Json.MAPPER.readTree(home.resolve("outbox/notices").resolve(rel).toFile());
    }

    private static String sha256(String step) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src/main/resources/demo/steps").resolve(step));
        return Sha256.hex(bytes);
    }

    @Test
    void theWithdrawalNamesTheOldRecipientAndTheNewNoticeSupersedesIt() throws IOException {
        Path dir = home.resolve("outbox/notices/lemans-2024-asia-combined");
        JsonNode withdrawn = Json.MAPPER.readTree(dir.resolve("007-withdrawn.json").toFile());
        JsonNode confirmed = Json.MAPPER.readTree(dir.resolve("008-confirmed.json").toFile());
        assertThat(withdrawn.path("recipient").path("team").asText()).isEqualTo("Phoenix Lótus Racing");
        assertThat(withdrawn.path("supersedes").asInt()).isEqualTo(6);
        assertThat(confirmed.path("recipient").path("team").asText()).isEqualTo("Kaiju Motorsports");
        assertThat(confirmed.path("supersedes").asInt()).isEqualTo(7);
        assertThat(confirmed.path("basis").path("score").asDouble()).isEqualTo(1.541);
        JsonNode bronze = Json.MAPPER.readTree(home.resolve("outbox/notices/lemans-2024-gtwc-europe/004-confirmed.json").toFile());
        assertThat(bronze.path("recipient").path("team").asText()).isEqualTo("Harbour Lights Racing");
        assertThat(bronze.path("recipient").path("car").asText()).isEqualTo("7");
    }

    private JsonNode table(String rel) throws IOException {
        return Json.MAPPER.readTree(home.resolve("outbox/standings").resolve(rel).toFile());
    }

    static List<String> top(JsonNode table, int n) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : table.path("rows")) {
            if (out.size() == n) break;
            out.add(r.path("rank").asInt() + " " + r.path("entrant").path("name").asText() + " "
                    + r.path("entrant").path("team").asText() + " " + r.path("points").asDouble());
        }
        return out;
    }

    /**
     * The demo's report opened in a real headless Chromium: on a copy of the demo's home, an
     * amended Abu Dhabi Race 2 adds an LMP3 car entered by a team named {@code <script>alert(1)</script>}
     * (the GT class, and so the combined classification and the invitations, stay as they were) and a file
     * with markup in its name is rejected. The page's text is read back from the browser; whole-page
     * screenshots 1 400 and 390 CSS pixels wide go to {@code target/report-1400.png} and
     * {@code target/report-390.png}, and what a reader sees at each width (the deciding tables, the points
     * column, the rejected files, the event names) is measured in the page there. Skipped where Chromium
     * is not installed.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ReportInBrowser {

        static final String HOSTILE_TEAM = "<script>alert(1)</script>";
        static final String HOSTILE_FILE = "<img src=x onerror=alert(3)>.CSV";
        static final String RACE_2 = "alms/2023-24/03_Abu Dhabi/Race 2/";
        static final Path SHOTS = Path.of("target", "report-browser");

        static final int DESKTOP = 1400;
        static final int PHONE = 390;

        Path report;
        HeadlessChromium browser;
        byte[] desktop;
        byte[] phone;
        /** What {@link #MEASURE} found with the page laid out at each width. */
        JsonNode atDesktop;
        JsonNode atPhone;
        String text;

        @BeforeAll
        void amendTheDemoThenOpenItsReport(@TempDir Path dir) throws Exception {
            if (HeadlessChromium.find().isEmpty()) {
                System.err.println("[podium tests] " + HeadlessChromium.INSTALL + ": the report browser tests are skipped");
                return;
            }
            // A copy of the demo's home and store, so that the demo's own figures above stay as the demo left them
            Path home = dir.resolve("home");
            TestHome.copyTree(DemoStandingsEndToEndTest.this.home, home);
            TestHome.copyTree(DemoStandingsEndToEndTest.this.db, dir.resolve("db"));
            Map<String, String> settings = Map.of("podium.db.url", database(dir.resolve("db")));

            // Oldest first: the rejected file is taken before the amendment triggers the recompute.
            Path rejected = drop(home, RACE_2 + HOSTILE_FILE, (HostileCorpus.RACE_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
            Path amended = drop(home, RACE_2 + "03_Classification_Race 2_Official.CSV", amendedRace2());
            Files.setLastModifiedTime(rejected, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(amended).toMillis() - 1000));
            assertThat(command("once", home, settings)).isEqualTo(Commands.REJECTED);
            report = home.resolve("outbox/report/index.html");

            Files.createDirectories(SHOTS);
            browser = HeadlessChromium.start(SHOTS.resolve("chromium"), 1280, 900);
            browser.open(report.toUri().toString());
            browser.await("document.readyState === 'complete'", java.time.Duration.ofSeconds(30));
            phone = browser.fullPageScreenshot(PHONE, true, 30_000);
            Files.write(Path.of("target", "report-390.png"), phone);
            atPhone = measure(PHONE, true);
            desktop = browser.fullPageScreenshot(DESKTOP, false, 30_000);
            Files.write(Path.of("target", "report-1400.png"), desktop);
            atDesktop = measure(DESKTOP, false);
            browser.clearEmulation();
            // A reader opens every table: the text read back is then the whole page as rendered.
            browser.script("document.querySelectorAll('details').forEach(d => d.open = true); return 0");
            text = browser.script("return document.body.innerText").asText();
            Files.writeString(SHOTS.resolve("report-text.txt"), text);
        }

        /**
         * Measures the page as laid out {@code width} pixels wide, from the top, as a reader who has opened
         * nothing: the Europe invitation's deciding table (the one its card links to), the Asia one's, the
         * rejected files, the feeds. Boxes are the elements' bounding rectangles in the viewport.
         */
        static final String MEASURE = """
                const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, width: r.width, height: r.height}; };
                const shown = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                const europe = document.querySelector('#inv-lemans-2024-gtwc-europe aside.decided');
                const europeLink = europe.querySelector('h4 a').getAttribute('href');
                const bronze = document.querySelector(europeLink);
                const asia = document.querySelector('#inv-lemans-2024-asia-combined aside.decided');
                const asiaLink = asia.querySelector('h4 a').getAttribute('href');
                const combined = document.querySelector(asiaLink + ' table.combined');
                const rows = Array.from(bronze.querySelectorAll('table.standings tbody tr')).map(r => {
                    const pos = r.querySelector('td.pos'), who = r.querySelector('td.who'), pts = r.querySelector('td.pts');
                    return {pos: pos.innerText, who: who.innerText, points: pts.innerText, posBox: box(pos), whoBox: box(who),
                            ptsBox: box(pts), shown: shown(pts)};
                });
                const rounds = Array.from(bronze.querySelectorAll('thead th.rd'));
                const out = {
                    width: window.innerWidth, pageWidth: document.documentElement.scrollWidth,
                    europe: {shown: shown(europe), link: europeLink, excerpt: Array.from(europe.querySelectorAll('table.excerpt tbody tr'))
                        .map(r => ({text: r.innerText.replace(/\\s+/g, ' '), pts: box(r.querySelector('td.pts'))}))},
                    bronze: {tag: bronze.tagName, open: bronze.open, tableShown: shown(bronze.querySelector('table.standings')), rows: rows,
                        events: rounds.map(th => ({text: th.querySelector('.ev').innerText, shown: shown(th.querySelector('.ev')),
                            title: th.getAttribute('title')})),
                        lastRound: box(rounds[rounds.length - 1]), pointsHead: box(bronze.querySelector('thead th.pts'))},
                    asia: {shown: shown(asia), link: asiaLink, combinedShown: shown(combined),
                        first: combined.querySelector('tbody tr').innerText.replace(/\\s+/g, ' ')},
                    rejected: {shown: shown(document.querySelector('#rejected table')),
                        rows: Array.from(document.querySelectorAll('#rejected tbody tr')).map(r => ({file: r.cells[0].innerText, box: box(r)}))},
                    feeds: Array.from(document.querySelectorAll('#feeds tbody tr')).map(r => ({id: r.id,
                        cells: Array.from(r.cells).map(c => c.innerText.replace(/\\s+/g, ' '))}))
                };
                // Is each points cell what a reader sees at its place (not under another cell)? Scrolls the page only.
                out.bronze.pointsOnTop = rows.map((r, i) => {
                    const pts = bronze.querySelectorAll('table.standings tbody td.pts')[i];
                    window.scrollTo(0, window.scrollY + pts.getBoundingClientRect().top - window.innerHeight / 2);
                    const b = pts.getBoundingClientRect();
                    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                    return !!hit && pts.contains(hit);
                });
                window.scrollTo(0, 0);
                return JSON.stringify(out);
                """;

        private JsonNode measure(int width, boolean mobile) throws IOException {
            browser.emulate(width, 900, mobile);
            return Json.MAPPER.readTree(browser.script(MEASURE).asText());
        }

        /** Each test is reported skipped, with what to install, where there is no Chromium. */
        @BeforeEach
        void needsChromium() {
            assumeTrue(browser != null, HeadlessChromium.INSTALL);
        }

        @AfterAll
        void closeTheBrowser() {
            if (browser != null) browser.close();
        }

        /** The demo's official Abu Dhabi Race 2 with one more LMP3 car, last on the road (row layout of {@link HostileCorpus#race}). */
        static byte[] amendedRace2() throws IOException {
            String official;
            try (InputStream in = DemoStandingsEndToEndTest.class.getResourceAsStream(
                    "/demo/steps/32-2024-02-13-alms-abu-dhabi-race-2-official/" + RACE_2 + "03_Classification_Race 2_Official.CSV")) {
                official = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String row = HostileCorpus.race(HOSTILE_TEAM).split("\r\n")[1]
                    .replace("1;91;", "23;91;").replace(";Porsche 911 GT3 R;M;GT;", ";Ligier JS P320 - Nissan;M;LMP3;")
                    .replace(";Classified;118;4:00'01.000;;;", ";Classified;110;4:02'30.000;21 Laps;7 Laps;");
            return (official + row + "\r\n").getBytes(StandardCharsets.UTF_8);
        }

        private static Path drop(Path home, String relative, byte[] content) {
            Path file = home.resolve("inbox").resolve(relative);
            org.podium.support.AtomicFiles.write(file, content);
            return file;
        }

        private static int command(String name, Path home, Map<String, String> settings) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> overrides = new java.util.HashMap<>(settings);
            overrides.put("podium.inbox.read-lock-min-age", "50");
            overrides.put("podium.inbox.poll-delay", "100");
            int code = Commands.run(new String[]{name, "--home", home.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err, overrides);
            System.out.print(out.toString(StandardCharsets.UTF_8));
            return code;
        }

        private String js(String expression) {
            return browser.script("return " + expression).asText();
        }

        @Test
        void screenshotsArePngImagesOfThePage() {
            for (byte[] png : List.of(desktop, phone)) {
                assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
                assertThat(png.length).isGreaterThan(50_000);
            }
        }

        @Test
        void bothInvitationsShowConfirmed() {
            assertThat(js("document.querySelector('#inv-lemans-2024-gtwc-europe .card-head .state').innerText")).isEqualTo("CONFIRMED");
            assertThat(js("document.querySelector('#inv-lemans-2024-gtwc-europe .recipient').innerText"))
                    .contains("Harbour Lights Racing #7");
            assertThat(js("document.querySelector('#inv-lemans-2024-asia-combined .card-head .state').innerText")).isEqualTo("CONFIRMED");
            assertThat(js("document.querySelector('#inv-lemans-2024-asia-combined .recipient').innerText")).contains("Kaiju Motorsports");
        }

        @Test
        void theCombinedInvitationWentToKaijuAfterPhoenixLotusWasWithdrawn() {
            String[] rows = js("Array.from(document.querySelectorAll('#inv-lemans-2024-asia-combined table.history tbody tr'))"
                    + ".slice(0, 2).map(r => r.innerText.replace(/\\s+/g, ' ')).join('\\n')").split("\n");
            assertThat(rows[0]).startsWith("8 CONFIRMED Kaiju Motorsports");
            assertThat(rows[1]).startsWith("7 WITHDRAWN Phoenix Lótus Racing");
        }

        @Test
        void theCombinedClassificationShowsKaijuAheadOfPhoenixLotus() {
            String first = js("document.querySelector('table.combined tbody tr').innerText.replace(/\\s+/g, ' ')");
            String second = js("document.querySelector('table.combined tbody tr:nth-child(2)').innerText.replace(/\\s+/g, ' ')");
            assertThat(first).startsWith("1 Kaiju Motorsports 1.541");
            assertThat(second).startsWith("2 Phoenix Lótus Racing 1.457");
            assertThat(text).contains("Possibly the same entrant: add an alias").contains("Garudda Racing")
                    .contains("did not start a round of the Asian Le Mans Series 2023-24");
        }

        @Test
        void eachSeriesHasItsStandingsAndAChart() {
            for (String season : List.of("alms-2023-24", "gtwc-asia-2023", "gtwc-europe-2023")) {
                assertThat(js("document.querySelectorAll('#season-" + season + " svg.chart').length")).as(season).isEqualTo("1");
                assertThat(js("document.querySelectorAll('#season-" + season + " svg.chart polyline').length")).as(season).isEqualTo("5");
                assertThat(js("document.querySelectorAll('#season-" + season + " table.standings').length")).as(season)
                        .isNotEqualTo("0");
            }
            assertThat(text).contains("alms 2023-24 drivers-gt: final").contains("gtwc-asia 2023 drivers-overall: final")
                    .contains("gtwc-europe 2023 drivers-overall: final").contains("gtwc-europe 2023 cars-bronze: final");
        }

        @Test
        void theHostileTeamNameIsShownAsText() {
            assertThat(js("Array.from(document.querySelectorAll('#season-alms-2023-24 td'))"
                    + ".filter(td => td.innerText === '" + HOSTILE_TEAM + "').length")).isNotEqualTo("0");
            assertThat(text).contains(HOSTILE_TEAM);
        }

        @Test
        void bothWidthsWereMeasuredWithThePageLaidOutThatWide() {
            assertThat(atDesktop.path("width").asInt()).isEqualTo(DESKTOP);
            assertThat(atPhone.path("width").asInt()).isEqualTo(PHONE);
            // nothing makes the page itself scroll sideways on a phone
            assertThat(atPhone.path("pageWidth").asInt()).isLessThanOrEqualTo(PHONE);
        }

        @Test
        void theEuropeInvitationShowsAndLinksTheBronzeCarsTableItIsDecidedOnAtBothWidths() {
            for (JsonNode at : List.of(atDesktop, atPhone)) {
                int width = at.path("width").asInt();
                JsonNode europe = at.path("europe");
                assertThat(europe.path("shown").asBoolean()).as("at %d", width).isTrue();
                assertThat(europe.path("link").asText()).isEqualTo("#table-gtwc-europe-2023-cars-bronze");
                assertThat(europe.path("excerpt").get(0).path("text").asText()).as("at %d", width)
                        .isEqualTo("1 #7 Harbour Lights Racing 146");
                for (JsonNode row : europe.path("excerpt")) {
                    assertThat(row.path("pts").path("right").asDouble()).as("at %d", width).isBetween(1.0, (double) width);
                }
                JsonNode bronze = at.path("bronze");
                assertThat(bronze.path("tag").asText()).isEqualTo("DETAILS");
                assertThat(bronze.path("open").asBoolean()).as("the whole table is open, at %d", width).isTrue();
                assertThat(bronze.path("tableShown").asBoolean()).as("at %d", width).isTrue();
            }
        }

        @Test
        void rankEntrantAndPointsOfTheDecidingTableAreOnScreenAtBothWidths() {
            for (JsonNode at : List.of(atDesktop, atPhone)) {
                int width = at.path("width").asInt();
                JsonNode rows = at.path("bronze").path("rows");
                assertThat(rows.size()).as("at %d", width).isGreaterThanOrEqualTo(5);
                assertThat(rows.get(0).path("pos").asText() + " " + rows.get(0).path("who").asText().lines().findFirst().orElse("")
                        + " " + rows.get(0).path("points").asText()).startsWith("1 #7").endsWith(" 146");
                for (int i = 0; i < rows.size(); i++) {
                    JsonNode row = rows.get(i);
                    String which = "row " + (i + 1) + " at " + width + " px";
                    JsonNode pts = row.path("ptsBox");
                    assertThat(row.path("shown").asBoolean()).as(which).isTrue();
                    assertThat(pts.path("left").asDouble()).as(which).isGreaterThanOrEqualTo(0);
                    assertThat(pts.path("right").asDouble()).as(which).isLessThanOrEqualTo(width);
                    assertThat(pts.path("width").asDouble()).as(which).isGreaterThan(10);
                    assertThat(row.path("posBox").path("left").asDouble()).as(which).isGreaterThanOrEqualTo(0);
                    // the entrant's cell ends before the points start: both are readable
                    assertThat(row.path("whoBox").path("right").asDouble()).as(which).isLessThanOrEqualTo(pts.path("left").asDouble() + 0.5);
                    assertThat(at.path("bronze").path("pointsOnTop").get(i).asBoolean()).as(which + ": points not covered").isTrue();
                }
            }
            // at full width every round's column is beside the points, none under them
            assertThat(atDesktop.path("bronze").path("lastRound").path("right").asDouble())
                    .isLessThanOrEqualTo(atDesktop.path("bronze").path("pointsHead").path("left").asDouble() + 0.5);
        }

        @Test
        void roundColumnsNameTheirEventsAsVisibleText() {
            for (JsonNode at : List.of(atDesktop, atPhone)) {
                List<String> events = new ArrayList<>();
                for (JsonNode e : at.path("bronze").path("events")) {
                    assertThat(e.path("shown").asBoolean()).as("%s at %d", e, at.path("width").asInt()).isTrue();
                    assertThat(e.path("title").isNull()).as("no tooltip").isTrue();
                    events.add(e.path("text").asText());
                }
                assertThat(events).containsExactly("Monza", "Brands Hatch", "Paul Ricard", "Spa", "Misano");
            }
            assertThat(text).containsPattern("R3\\s*\\nPaul Ricard");
        }

        @Test
        void theAsiaInvitationLinksTheCombinedClassificationItIsDecidedOn() {
            for (JsonNode at : List.of(atDesktop, atPhone)) {
                JsonNode asia = at.path("asia");
                assertThat(asia.path("shown").asBoolean()).isTrue();
                assertThat(asia.path("link").asText()).isEqualTo("#combined-lemans-2024-asia-combined");
                assertThat(asia.path("combinedShown").asBoolean()).as("at %d", at.path("width").asInt()).isTrue();
                assertThat(asia.path("first").asText()).startsWith("1 Kaiju Motorsports 1.541");
            }
        }

        @Test
        void theRejectedFilesAreShownWithinTheScreenAtBothWidths() {
            for (JsonNode at : List.of(atDesktop, atPhone)) {
                int width = at.path("width").asInt();
                JsonNode rejected = at.path("rejected");
                assertThat(rejected.path("shown").asBoolean()).as("at %d", width).isTrue();
                assertThat(rejected.path("rows").get(0).path("file").asText()).startsWith(RACE_2 + HOSTILE_FILE);
                for (JsonNode row : rejected.path("rows")) {
                    assertThat(row.path("box").path("width").asDouble()).as("at %d", width).isGreaterThan(0);
                    assertThat(row.path("box").path("right").asDouble()).as("at %d", width).isLessThanOrEqualTo(width);
                }
            }
        }

        @Test
        void theFeedsSectionShowsTheDemoFeedsAsThisRunLeftThem() {
            List<String> ids = new ArrayList<>();
            for (JsonNode row : atDesktop.path("feeds")) {
                ids.add(row.path("id").asText());
                JsonNode cells = row.path("cells");
                assertThat(cells.get(1).asText()).as("state of %s", row).isEqualTo("OK");
                assertThat(cells.get(2).asText()).as("last poll of %s", row).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
                assertThat(cells.get(3).asText()).as("outcome of %s", row).contains("unchanged(304)");
                assertThat(cells.get(4).asText()).as("next poll of %s", row).isEqualTo("2099-01-01 00:00:00 UTC");
                assertThat(cells.get(5).asText()).as("breaker of %s", row).isEqualTo("no schedule in this run");
            }
            assertThat(ids).containsExactly("feed-alms-demo", "feed-gtwc-asia-demo", "feed-gtwc-europe-demo");
        }

        @Test
        void eachSessionResultIsLinkedFromItsSeason() {
            assertThat(js("Array.from(document.querySelectorAll('#season-gtwc-europe-2023 ul.sessions a'))"
                    + ".map(a => a.getAttribute('href')).join(' ')").split(" ")).hasSize(16)
                    .contains("../results/gtwc-europe/2023/04-race-after-6-hours.json");
            assertThat(js("document.querySelector('#season-gtwc-europe-2023 ul.sessions li:nth-child(4)').innerText"
                    + ".replace(/\\s+/g, ' ').trim()")).isEqualTo("R4 Spa: Qualifying Race Race after 6 hours Race after 12 hours");
        }

        @Test
        void thePageRanNothing() {
            assertThat(js("document.querySelectorAll('script').length")).isEqualTo("0");
            assertThat(js("document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length")).isEqualTo("0");
            assertThat(browser.alertText()).isEmpty();
        }

        @Test
        void theRejectedFileIsListedWithWhatFailedAndWhatToDo() throws IOException {
            JsonNode rejection = Json.MAPPER.readTree(report.getParent().getParent().getParent()
                    .resolve("inbox/.failed/" + RACE_2 + HOSTILE_FILE + ".error.json").toFile());
            assertThat(js("document.querySelector('#rejected tbody tr td').innerText")).startsWith(RACE_2 + HOSTILE_FILE);
            assertThat(js("document.querySelector('#rejected tbody tr td:nth-child(3)').innerText"))
                    .startsWith(rejection.path("error").path("message").asText());
            assertThat(js("document.querySelector('#rejected tbody tr td:nth-child(4)').innerText"))
                    .isEqualTo(rejection.path("whatToDo").asText());
        }

        @Test
        void thePageMadeNoNetworkRequest() throws IOException {
            assertThat(js("performance.getEntriesByType('resource').length")).isEqualTo("0");
            String html = Files.readString(report);
            assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link").doesNotContain("<script");
        }

        @Test
        void theReportIsInTheOutboxIndex() throws IOException {
            JsonNode index = Json.MAPPER.readTree(report.getParent().getParent().resolve("index.json").toFile());
            assertThat(index.path("files").findValuesAsText("path")).contains("report/index.html");
            for (JsonNode f : index.path("files")) {
                if (f.path("path").asText().equals("report/index.html")) assertThat(f.path("kind").asText()).isEqualTo("report");
            }
        }
    }
}
