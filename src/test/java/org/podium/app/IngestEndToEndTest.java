package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.ingest.IngestStats;
import org.podium.support.Json;
import org.podium.store.ResultStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application on a temporary home: the three real Al Kamel samples and every kind of bad
 * input dropped together. Good files end in the store and the outbox; each bad one in .failed/ with a
 * report, costing no other file anything.
 */
class IngestEndToEndTest {

    static Stream<String> databases() { return org.podium.store.TestDatabases.kinds(); }

    static final String RACE = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV";
    static final String RACE_2014 = "alms/2023-24/02_Dubai/Race/03_Classification_Race_Official.CSV";
    static final String QUALIFYING = "alms/2023-24/03_Abu Dhabi/Qualifying 1/03_Classification_Qualifying 1_Official.CSV";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void goodFilesArePublishedAndEveryBadOneIsRejectedWithAReport(String db, @TempDir Path dir) throws Exception {
        byte[] race = TestHome.sample("alkamel/elms-race-classification.CSV");
        String raceText = new String(race, StandardCharsets.UTF_8);
        try (TestHome home = new TestHome(dir, db).with("podium.inbox.max-file-size", "100000").start()) {
            home.drop(RACE, race);
            home.drop(RACE_2014, TestHome.sample("alkamel/elms-2014-imola-race-classification.CSV"));
            home.drop(QUALIFYING, TestHome.sample("alkamel/wec-session-classification-wide.CSV"));

            String s = "alms/2023-24/03_Abu Dhabi/Race 2/";
            home.drop(s + "empty.CSV", new byte[0]);
            byte[] binary = new byte[4096];
            new java.util.Random(7).nextBytes(binary);
            home.drop(s + "binary.CSV", binary);
            home.drop(s + "truncated.CSV", Arrays.copyOf(race, raceText.indexOf("Inter Europol") + 10));
            home.drop(s + "unknown.txt", "Race 2 went well, results to follow.\n".getBytes(StandardCharsets.UTF_8));
            home.drop(s + "no-number.CSV", raceText.replaceFirst(";NUMBER;", ";CAR;").getBytes(StandardCharsets.UTF_8));
            home.drop(s + "duplicate-numbers.CSV", raceText.replaceFirst("\r\n2;34;", "\r\n2;22;").getBytes(StandardCharsets.UTF_8));
            home.drop(s + "oversized.CSV", new byte[150_000]);
            home.drop("gtwc-europe/2023/02_Brands Hatch/Race 1/Race 1_Official.html",
                    "<!DOCTYPE html><html><head><title>Results</title></head><body><h2>Race 1</h2><p>No results yet</p></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
            home.drop("wrong-schema.json", "{\"schema\":\"podium.standings/1\",\"rows\":[]}".getBytes(StandardCharsets.UTF_8));
            home.drop("stray-race.CSV", race);
            home.awaitIdle();

            List<String> failed = List.of(s + "empty.CSV", s + "binary.CSV", s + "truncated.CSV", s + "unknown.txt",
                    s + "no-number.CSV", s + "duplicate-numbers.CSV", s + "oversized.CSV",
                    "gtwc-europe/2023/02_Brands Hatch/Race 1/Race 1_Official.html", "wrong-schema.json", "stray-race.CSV");
            List<String> inFailed = TestHome.files(home.inbox(".failed"));
            for (String f : failed) {
                assertThat(inFailed).as("rejected file and its report").contains(f, f + ".error.json");
            }
            assertThat(inFailed).hasSize(failed.size() * 2);

            assertThat(report(home, s + "empty.CSV")).contains("empty");
            assertThat(report(home, s + "no-number.CSV")).contains("NUMBER");
            assertThat(report(home, s + "duplicate-numbers.CSV")).contains("\"field\" : \"NUMBER\"")
                    .contains("car \\\"22\\\" appears twice");
            assertThat(report(home, s + "truncated.CSV")).contains("\"line\"");
            assertThat(report(home, s + "oversized.CSV")).contains("over the limit");
            assertThat(report(home, "gtwc-europe/2023/02_Brands Hatch/Race 1/Race 1_Official.html")).contains("table");
            assertThat(report(home, "wrong-schema.json")).contains("schema");
            assertThat(report(home, "stray-race.CSV")).contains("series");
            JsonNode dup = Json.MAPPER.readTree(home.inbox(".failed/" + s + "duplicate-numbers.CSV.error.json").toFile());
            assertThat(dup.path("schema").asText()).isEqualTo("podium.rejection/1");
            assertThat(dup.path("whatToDo").asText()).isNotBlank();
            for (String f : failed) {
                assertThat(org.podium.outbox.OutboxSchemas.problems(home.inbox(".failed/" + f + ".error.json"))).isEmpty();
            }

            // Nothing from a rejected file was stored; every good one was, and is published.
            assertThat(home.bean("resultStore", ResultStore.class).documentCount()).isEqualTo(3);
            assertThat(TestHome.files(home.outbox("results"))).containsExactly(
                    "alms/2023-24/01-race-1.json", "alms/2023-24/02-race.json", "alms/2023-24/03-qualifying-1.json");
            JsonNode result = Json.MAPPER.readTree(home.outbox("results/alms/2023-24/01-race-1.json").toFile());
            assertThat(result.path("schema").asText()).isEqualTo("podium.session-result/1");
            assertThat(result.path("entries")).hasSize(47);
            assertThat(result.path("entries").get(0).path("drivers").get(1).path("firstName").asText()).isEqualTo("Grégoire");
            assertThat(result.path("status").asText()).isEqualTo("OFFICIAL");
            assertThat(TestHome.files(home.inbox(".done"))).hasSize(3)
                    .allSatisfy(f -> assertThat(f).matches("\\d{4}-\\d{2}-\\d{2}/alms/.*"));

            JsonNode index = Json.MAPPER.readTree(home.outbox("index.json").toFile());
            assertThat(index.path("files").findValuesAsText("path")).contains(
                    "results/alms/2023-24/01-race-1.json", "standings/alms/2023-24/drivers-lmp2.json");
            assertThat(index.path("files").get(0).path("sha256").asText()).hasSize(64);
            assertThat(TestHome.files(home.outbox(""))).noneMatch(f -> f.contains(".tmp"));
        }
    }

    @org.junit.jupiter.api.Test
    void theReportListsARejectedFileEvenWhenNothingIsPublished(@TempDir Path dir) throws Exception {
        try (TestHome home = new TestHome(dir, "h2").start()) {
            Path report = home.outbox("report/index.html");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Files.isRegularFile(report));

            home.drop("alms/2023-24/01_Sepang/Race 2/notes-to-follow.txt", "results to follow\n".getBytes(StandardCharsets.UTF_8));

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> Files.readString(report).contains("notes-to-follow.txt"));
            assertThat(home.outbox("results")).doesNotExist();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameFileDroppedTwiceIsStoredOnceAndReportedAsADuplicate(String db, @TempDir Path dir) throws Exception {
        byte[] race = TestHome.sample("alkamel/elms-race-classification.CSV");
        try (TestHome home = new TestHome(dir, db).start()) {
            home.drop(RACE, race);
            home.awaitIdle();
            home.drop(RACE, race);
            home.awaitIdle();
            // The same bytes under another name for the same session are the same document too.
            home.drop(RACE.replace("_Official.CSV", "_Official (copy).CSV"), race);
            home.awaitIdle();

            ResultStore store = home.bean("resultStore", ResultStore.class);
            IngestStats stats = home.bean("ingestStats", IngestStats.class);
            assertThat(store.documentCount()).isEqualTo(1);
            assertThat(stats.ingestedCount()).isEqualTo(1);
            assertThat(stats.duplicateCount()).isEqualTo(2);
            assertThat(stats.rejectedCount()).isZero();
            assertThat(TestHome.files(home.inbox(".done"))).hasSize(3);
            assertThat(TestHome.files(home.inbox(".failed"))).isEmpty();
        }
    }

    private static String report(TestHome home, String rel) throws Exception {
        return Files.readString(home.inbox(".failed/" + rel + ".error.json"));
    }
}
