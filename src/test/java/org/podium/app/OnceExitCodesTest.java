package org.podium.app;

import org.podium.support.Json;
import org.podium.support.AtomicFiles;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.poll.Portal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit codes of {@code once} that cron and Kubernetes act on: 0 all good, 1 files rejected, 2 a feed
 * failed, 3 configuration error. Each runs the real command in-process on a fresh home folder; feeds are
 * polled from a WireMock portal on loopback.
 */
class OnceExitCodesTest {

    static final String RACE = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV";

    @TempDir Path dir;
    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
    final Map<String, String> overrides = new HashMap<>(Map.of(
            "podium.inbox.read-lock-min-age", "100", "podium.inbox.poll-delay", "100"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int podium(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), overrides);
    }

    /** The shipped configuration, told the ELMS sample's class names (it stands in for an Asian Le Mans file). */
    @org.junit.jupiter.api.BeforeEach
    void configuration() {
        TestHome.copyTree(Path.of("config"), dir.resolve("config"));
        TestHome.letAlmsReadTheElmsSamples(dir.resolve("config"));
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    void drop(String relative, byte[] content) {
        org.podium.support.AtomicFiles.write(dir.resolve("inbox").resolve(relative), content);
    }

    @Test
    void onceExitsZeroWhenEveryFileIsStoredAndPublished() {
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(podium("once", "--home", dir.toString())).isZero();
        assertThat(out()).contains("1 file(s) ingested, 0 rejected");
        assertThat(dir.resolve("outbox/results/alms/2023-24/01-race-1.json")).exists();
    }

    @Test
    void onceExitsOneWhenAFileIsRejected() {
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));
        drop("alms/2023-24/01_Sepang/Race 2/notes.txt", "results to follow\n".getBytes(StandardCharsets.UTF_8));

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("1 file(s) ingested, 1 rejected")
                .contains("rejected alms/2023-24/01_Sepang/Race 2/notes.txt: ")
                .contains("report inbox/.failed/alms/2023-24/01_Sepang/Race 2/notes.txt.error.json");
        assertThat(dir.resolve("inbox/.failed/alms/2023-24/01_Sepang/Race 2/notes.txt.error.json")).exists();
    }

    @Test
    void aFailedFeedOutranksRejectedFiles() throws Exception {
        feedAnswering503();
        drop("alms/2023-24/01_Sepang/Race 2/notes.txt", "results to follow\n".getBytes(StandardCharsets.UTF_8));

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(2);
        assertThat(out()).contains("1 rejected").contains("feed(s) failed: alms-portal");
    }

    @Test
    void aFeedThatFailedInAnEarlierRunDoesNotFailThisOne() throws Exception {
        feedAnswering503();
        assertThat(podium("once", "--home", dir.toString())).isEqualTo(2);

        // Its cron fires once a year: not due again, and its old failure is not this run's.
        assertThat(podium("once", "--home", dir.toString())).isZero();
    }

    /** One enabled feed whose portal answers 503, due at the first run and then not for a year. */
    void feedAnswering503() throws Exception {
        portal.stubFor(WireMock.get(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(503)));
        Home home = new Home(dir);
        home.prepare();
        Files.writeString(home.config().resolve("feeds.yaml"), Portal.feedsYaml("alms-portal", portal.getPort(), "0 0 0 1 1 ?",
                "responseTimeout: 5s", "retries: { attempts: 1, initialDelay: 10ms }"));
    }

    @Test
    void aMalformedNumberExitsThreeNamingTheKey() {
        overrides.put("podium.inbox.max-file-size", "abc");
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("configuration error").contains("podium.inbox.max-file-size")
                .contains("PODIUM_INBOX_MAX_FILE_SIZE").contains("\"abc\"").contains("not a whole number");
        // Nothing was taken: the file waits for a corrected start.
        assertThat(dir.resolve("inbox").resolve(RACE)).exists();
    }

    @Test
    void aNegativeQuietPeriodExitsThreeNamingTheKey() {
        overrides.put("podium.recompute.quiet-period", "-200");

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("podium.recompute.quiet-period").contains("must be 0 or more");
    }

    @Test
    void anUnknownCamelMainKeyExitsThreeNamingTheKey() {
        overrides.put("camel.main.shutdown-timout", "5");

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("camel.main.shutdownTimout");
    }

    @Test
    void theDaemonExitsThreeOnABadSettingInsteadOfRunning() {
        overrides.put("podium.db.url", "postgres://db:5432/podium");

        assertThat(podium("run", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("podium.db.url").contains("not a JDBC URL");
    }

    @Test
    void anUnreachableStoreExitsThree() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) { closedPort = socket.getLocalPort(); }
        overrides.put("podium.db.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/podium?connectTimeout=2");

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("configuration error").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void anUnknownCommandExitsThreeNamingTheCommandsAndTheHelp() {
        assertThat(podium("sync", "--home", dir.toString())).isEqualTo(3);
        assertThat(err().lines()).containsExactly(
                "podium: unknown command 'sync': the commands are init, demo, run, once, validate, rebuild, deliveries",
                "podium: see 'java -jar podium.jar --help' for the usage");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void aHomeThatDoesNotExistExitsThreeAndMakesNothing() {
        Path typo = dir.resolve("srv/podum");

        assertThat(podium("once", "--home", typo.toString())).isEqualTo(3);
        assertThat(err()).contains("the home folder " + typo + " does not exist").contains("podium init --home " + typo);
        assertThat(Files.exists(typo)).isFalse();
    }

    @Test
    void routesOfAnEarlierReleaseExitThreeSayingWhatToReplaceThemWith() throws Exception {
        Path home = dir.resolve("srv/podium");
        assertThat(podium("init", "--home", home.toString())).isZero();
        // an earlier release's ingest route queues no recompute: run beside it, files would be stored and never published
        Files.copy(home.resolve("routes/2-ingest.yaml"), home.resolve("routes/ingest.yaml"));
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));
        Files.createDirectories(home.resolve("inbox").resolve(RACE).getParent());
        Files.copy(dir.resolve("inbox").resolve(RACE), home.resolve("inbox").resolve(RACE));

        assertThat(podium("once", "--home", home.toString())).isEqualTo(3);
        assertThat(err()).contains("ingest.yaml, the routes of an earlier release")
                .contains("1-poll.yaml, 2-ingest.yaml, 3-recompute.yaml, 4-publish.yaml, 5-deliver.yaml and 6-serve.yaml");
        assertThat(home.resolve("inbox").resolve(RACE)).as("nothing is taken from the inbox").isRegularFile();
    }

    @Test
    void initMakesAHomeWithTheDefaultsAndSaysWhere() {
        Path home = dir.resolve("srv/podium");

        assertThat(podium("init", "--home", home.toString())).isZero();
        assertThat(out()).contains("home " + home + " ready").contains("written with the defaults");
        assertThat(home.resolve("config/feeds.yaml")).isRegularFile();
        assertThat(home.resolve("routes/2-ingest.yaml")).isRegularFile();
        assertThat(home.resolve("inbox")).isDirectory();
        assertThat(podium("once", "--home", home.toString())).isZero();
    }

    @Test
    void aSessionTheCalendarDoesNotPlaceIsRejectedWithWhatTheCalendarHolds() throws Exception {
        byte[] race = TestHome.sample("alkamel/elms-race-classification.CSV");
        drop("alms/2023-24/02_Sepang/Race 1/03_Classification_Race 1_Official.CSV", race);    // round 2 is Dubai
        drop("alms/2023-24/07_Fuji/Race 1/03_Classification_Race 1_Official.CSV", race);      // no round 7
        drop("alms/2031/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV", race);       // no such season
        drop("alms/2023-24/01_Sepang/Race 3/03_Classification_Race 3_Official.CSV", race);    // Sepang has races 1 and 2

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("0 file(s) ingested, 4 rejected");
        assertThat(report("alms/2023-24/02_Sepang/Race 1/03_Classification_Race 1_Official.CSV"))
                .contains("round 2 of the 2023-24 calendar is Dubai, not Sepang")
                .contains("rounds: 1 Sepang, 2 Dubai, 3 Abu Dhabi").contains("02_Dubai");
        assertThat(report("alms/2023-24/07_Fuji/Race 1/03_Classification_Race 1_Official.CSV"))
                .contains("round 7 is not in the 2023-24 calendar of config/series/alms.yaml (rounds: 1 Sepang, 2 Dubai, 3 Abu Dhabi)");
        assertThat(report("alms/2031/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV"))
                .contains("season 2031 is not in the calendar of config/series/alms.yaml (its seasons: 2023, 2023-24)")
                .contains("add the season's calendar under seasons:");
        assertThat(report("alms/2023-24/01_Sepang/Race 3/03_Classification_Race 3_Official.CSV"))
                .contains("race session \"Race 3\" matches no race of round 1 Sepang (race 1, race 2)");
        assertThat(dir.resolve("outbox/results")).doesNotExist();
    }

    @Test
    void aClassTheSeriesDoesNotKnowIsRejectedNamingTheValuesItKnows() throws Exception {
        // the shipped alms.yaml, which knows the Asian Le Mans classes only; the ELMS sample writes its own
        java.nio.file.Files.copy(Path.of("config/series/alms.yaml"), dir.resolve("config/series/alms.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("0 file(s) ingested, 1 rejected");
        assertThat(report(RACE))
                .contains("\"LMP2 Pro/Am\", written for cars #27 (line 9), #99 (line 10), #30 (line 11) and 9 more,"
                        + " is not a class or cup of Asian Le Mans Series")
                .contains("\"LMGT3\", written for cars #57 (line 32)")
                .contains("The series knows: classes LMP2, LMP3, GT; cups none")
                .contains("add it under written: in config/series/alms.yaml");
        assertThat(dir.resolve("outbox/results")).doesNotExist();
    }

    /** The rejection report's problem and what to do, as a person reads them. */
    String report(String file) throws Exception {
        var report = org.podium.support.Json.MAPPER.readTree(dir.resolve("inbox/.failed").resolve(file + ".error.json").toFile());
        return report.path("problems").get(0).path("message").asText() + " / " + report.path("whatToDo").asText();
    }

    @Test
    void aYamlSyntaxErrorExitsThreeNamingTheFileLineAndColumn() throws Exception {
        Home home = new Home(dir);
        home.prepare();
        Path feeds = home.config().resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - id: x\n    enabled: true\n   cron: [\n");

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains(feeds + ": line 4, column 4: not valid YAML: expected <block end>")
                .doesNotContain("'reader'");
    }

    @Test
    void aKeyGivenTwiceInARulesFileExitsThreeNamingTheFileAndLine() throws Exception {
        Home home = new Home(dir);
        home.prepare();
        Path rules = home.config().resolve("series/alms.yaml");
        Files.writeString(rules, Files.readString(rules) + "\nid: alms\n");

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).containsPattern(java.util.regex.Pattern.quote(rules.toString()) + ": line \\d+, column \\d+: not valid YAML: Duplicate field 'id'");
    }

    @Test
    void aBadAdjustmentsFileExitsThreeNamingTheFileItemAndKeyBeforeTakingAnyFile() throws Exception {
        Path adjustments = dir.resolve("config/adjustments/alms/2023-24.yaml");
        Files.createDirectories(adjustments.getParent());
        Files.writeString(adjustments, """
                - type: deduction
                  entrant: { car: "91" }
                  points: 10
                  rond: 2
                  reason: Unsafe release
                  reference: Stewards' decision no. 12
                """);
        drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(podium("once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("podium: configuration error: " + adjustments
                + ": [0].rond: unknown key (expected one of: type, entrant, points, round, session, position, table, reason, reference)");
        assertThat(dir.resolve("inbox").resolve(RACE)).exists();
    }

    @Test
    void helpListsEveryCommandAndOption() {
        assertThat(podium("--help")).isZero();
        assertThat(out()).contains("init", "demo", "run", "once", "validate", "rebuild",
                "--home=DIR", "--log-format=FMT", "--help", "--version", "PODIUM_DB_URL");
    }
}
