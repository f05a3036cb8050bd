package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.outbox.ReportWriter;
import org.podium.poll.FeedPolls;
import org.podium.poll.FetchOutcome;
import org.podium.poll.PollResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Podiums in one JVM: the first publishes the demo season and serves its outbox over HTTP behind a token;
 * the second polls the first's feed index through a mirror feed on its schedule, sending the token, and ends with every document of the
 * first in its own outbox, byte for byte, without ingesting or computing anything.
 */
class MirrorTest {

    @Test
    void theSecondPodiumsOutboxHoldsEveryDocumentOfTheFirstByteForByte(@TempDir Path dir) throws Exception {
        int port = HealthAndMetricsTest.freePort();
        // the first lets in only its token, which the second's feed takes from a variable
        System.setProperty("MIRROR_TEST_TOKEN", "relay-4f0c9e2b");
        try (TestHome first = OutboxApiTest.serving(new TestHome(dir.resolve("first"), "h2"), port)
                .with("podium.serve.token", "relay-4f0c9e2b").start()) {
            for (String step : Bundled.lines("demo/steps.txt")) Bundled.copyTree("demo/steps/" + step, first.home.inbox(), false);
            first.awaitIdle();
            Map<String, byte[]> published = documents(first.home.outbox());
            assertThat(published.keySet()).anyMatch(p -> p.startsWith("standings/")).anyMatch(p -> p.startsWith("results/"))
                    .anyMatch(p -> p.startsWith("combined/")).anyMatch(p -> p.startsWith("notices/"));

            TestHome second = new TestHome(dir.resolve("second"), "h2");
            Files.writeString(second.home.config().resolve("feeds.yaml"), """
                    feeds:
                      - id: first-podium
                        series: alms
                        kind: podium-index
                        mirror: true
                        tokenFrom: MIRROR_TEST_TOKEN
                        enabled: true
                        baseUrl: "http://127.0.0.1:%d/outbox/feed-index.json"
                        allowedHosts: [127.0.0.1]
                        cron: "* * * * * ?"
                        responseTimeout: 5s
                        retries: { attempts: 1, initialDelay: 10ms }
                    """.formatted(port));
            try (second) {
                second.start();
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> documents(second.home.outbox()).keySet().containsAll(published.keySet()));
                second.awaitIdle();

                Map<String, byte[]> mirrored = documents(second.home.outbox());
                assertThat(mirrored.keySet()).isEqualTo(published.keySet());
                for (String path : published.keySet()) {
                    assertThat(mirrored.get(path)).as(path).isEqualTo(published.get(path));
                }
                // each index lists the documents alike (path, kind, version, SHA-256, time of change); only
                // its own generated time and its own report differ
                assertThat(indexed(second.home.outbox())).isEqualTo(indexed(first.home.outbox()));
                // nothing went through the inbox, nothing was computed
                assertThat(TestHome.files(second.home.inbox())).isEmpty();
                assertThat(second.bean("ingestStats", org.podium.ingest.IngestStats.class).ingestedCount()).isZero();

                // polled again, the index says nothing changed: nothing is requested again
                PollResult again = second.bean("feedPoller", FeedPolls.class).pollNow("first-podium");
                assertThat(again.failed()).isFalse();
                assertThat(again.counts()).containsEntry(FetchOutcome.SAME_HASH, published.size())
                        .containsEntry(FetchOutcome.FETCHED, 0).containsEntry(FetchOutcome.FAILED, 0);
                assertThat(again.requests()).isEqualTo(1);
            }
        } finally {
            System.clearProperty("MIRROR_TEST_TOKEN");
        }
    }

    /** Every document of an outbox, by path, but the index and the report each Podium writes of itself. */
    static Map<String, byte[]> documents(Path outbox) {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : TestHome.files(outbox)) {
            if (f.equals("index.json") || f.equals(ReportWriter.PATH) || f.substring(f.lastIndexOf('/') + 1).startsWith(".")) continue;
            try {
                out.put(f, Files.readAllBytes(outbox.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The entries of an outbox's index.json, its report's aside. */
    static List<String> indexed(Path outbox) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode f : Json.MAPPER.readTree(Files.readAllBytes(outbox.resolve("index.json"))).path("files")) {
            if (!f.path("kind").asText().equals(ReportWriter.KIND)) out.add(f.toString());
        }
        return out;
    }
}
