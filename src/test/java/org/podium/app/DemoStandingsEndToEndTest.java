package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.podium.outbox.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code demo} command as a user runs it, once for the class: what it prints and what its outbox
 * holds, checked against the figures computed by hand from the demo's files (demo/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStandingsEndToEndTest {

    Path home;
    int exit;
    String printed;

    @BeforeAll
    void runDemo(@TempDir Path dir) {
        home = dir.resolve("podium-demo");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = Commands.run(new String[]{"demo", "--home", home.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("podium.db.url", "jdbc:h2:file:" + dir.resolve("db/podium") + ";DB_CLOSE_ON_EXIT=FALSE"));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroAndSaysWhereTheOutputsAre() {
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("36 ingested, 0 rejected, 0 duplicate(s)")
                .contains(home.resolve("outbox").toString())
                .contains(home.resolve("outbox/standings").toString());
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
        assertThat(europe).filteredOn(f -> f.endsWith(".json")).last().isEqualTo("005-confirmed.json");
        assertThat(europe).contains("004-clinched.json", "004-clinched.md");
        List<String> asia = TestHome.files(home.resolve("outbox/notices/lemans-2024-asia-combined"))
                .stream().filter(f -> f.endsWith(".json")).toList();
        assertThat(asia.subList(asia.size() - 3, asia.size()))
                .containsExactly("006-clinched.json", "007-withdrawn.json", "008-confirmed.json");
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
        JsonNode bronze = Json.MAPPER.readTree(home.resolve("outbox/notices/lemans-2024-gtwc-europe/005-confirmed.json").toFile());
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
}
