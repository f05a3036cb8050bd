package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.poll.Portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application, with the real routes and H2 in a temporary home, polls an Al Kamel-style portal
 * served by WireMock on a one-second cron; the session's results appear in the outbox.
 */
class FeedPollingEndToEndTest {

    @TempDir
    Path home;

    private WireMockServer portal;

    @BeforeEach
    void startPortal() {
        portal = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        portal.start();
    }

    @AfterEach
    void stopPortal() {
        portal.stop();
    }

    @Test
    void aRaceClassificationOnThePortalIsPublishedAsSessionResults() throws Exception {
        String race = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
        String analysis = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "23_Analysis_Race 1.CSV");
        portal.stubFor(get(urlEqualTo("/?season=03_2023-2024&evvent=01_Sepang")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(race, analysis))))));
        portal.stubFor(get(urlEqualTo(Portal.path(race))).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"r1\"").withBody(Portal.sample("alkamel/elms-race-classification.CSV"))));

        copyTree(Path.of("routes"), home.resolve("routes"));
        copyTree(Path.of("config/series"), home.resolve("config/series"));
        Files.writeString(home.resolve("config/feeds.yaml"), """
                feeds:
                  - id: alms-test
                    series: alms
                    kind: alkamel-portal
                    enabled: true
                    baseUrl: "http://127.0.0.1:%d/"
                    allowedHosts: [127.0.0.1]
                    season: "2023-24"
                    portalSeason: "03_2023-2024"
                    championship: ASIAN LE MANS SERIES
                    events:
                      - { round: 1, event: Sepang, portalEvent: "01_Sepang" }
                    cron: "0/1 * * * * ?"
                    connectTimeout: 1s
                    responseTimeout: 5s
                    retries: { attempts: 1, initialDelay: 10ms }
                """.formatted(portal.port()));

        Home h = new Home(home);
        h.prepare();
        try (Engine engine = new Engine(h, Map.of())) {
            engine.start();
            Path result = home.resolve("outbox/results/alms/2023-24/01-race-1.json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(result));
            JsonNode doc = new ObjectMapper().readTree(result.toFile());
            assertThat(doc.path("series").asText()).isEqualTo("alms");
            assertThat(doc.path("entries")).hasSize(47);
            assertThat(home.resolve("inbox/.done")).isDirectory();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }
}
