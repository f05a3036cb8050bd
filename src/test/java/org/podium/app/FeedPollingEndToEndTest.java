package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.poll.Portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application, with the real routes and H2 in a temporary home, polls an Al Kamel-style portal
 * served by WireMock on a one-second cron: the race's results and the standings it makes appear in the
 * outbox.
 */
class FeedPollingEndToEndTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void aRaceClassificationOnThePortalIsPublishedAsResultsAndStandings(@TempDir Path dir) throws Exception {
        String race = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
        String analysis = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "23_Analysis_Race 1.CSV");
        portal.stubFor(get(urlEqualTo("/?season=03_2023-2024&evvent=01_Sepang")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(race, analysis))))));
        portal.stubFor(get(urlEqualTo(Portal.path(race))).willReturn(aResponse()
                .withHeader("ETag", "\"r1\"").withBody(TestHome.sample("alkamel/elms-race-classification.CSV"))));

        try (TestHome home = new TestHome(dir, "h2")) {
            Files.writeString(home.home.config().resolve("feeds.yaml"), Portal.feedsYaml("alms-test", portal.getPort(), "0/1 * * * * ?",
                    "connectTimeout: 2s", "responseTimeout: 5s", "retries: { attempts: 1, initialDelay: 10ms }"));
            home.start();

            Path result = home.outbox("results/alms/2023-24/01-race-1.json");
            Path standings = home.outbox("standings/alms/2023-24/drivers-lmp2.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(result) && Files.isRegularFile(standings));

            JsonNode doc = Json.MAPPER.readTree(result.toFile());
            assertThat(doc.path("series").asText()).isEqualTo("alms");
            assertThat(doc.path("entries")).hasSize(47);
            JsonNode table = Json.MAPPER.readTree(standings.toFile());
            assertThat(table.path("rows").get(0).path("points").asDouble()).isEqualTo(25.0);
            assertThat(TestHome.files(home.inbox(".done"))).anyMatch(f -> f.endsWith("Race 1/03_Classification_Race 1_Official.CSV"));
        }
    }
}
