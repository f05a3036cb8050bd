package org.podium.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.poll.FeedStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A feed that keeps failing opens its route's circuit breaker: its polls are skipped, and the status says so. */
class FeedCircuitBreakerTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String PAGE = "/?season=03_2023-2024&evvent=01_Sepang";

    @Test
    void aFeedThatKeepsFailingIsSkippedUntilItsBreakerHalfOpens(@TempDir Path dir) throws Exception {
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withStatus(503)));
        try (TestHome home = new TestHome(dir, "h2")
                .with("podium.poll.breaker.window", "2")
                .with("podium.poll.breaker.minimum-polls", "2")
                .with("podium.poll.breaker.failure-rate", "50")
                .with("podium.poll.breaker.wait-seconds", "600")) {
            Files.writeString(home.home.config().resolve("feeds.yaml"), """
                    feeds:
                      - id: flaky
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
                        responseTimeout: 5s
                        retries: { attempts: 0 }
                    """.formatted(portal.getPort()));
            home.start();
            FeedStatus status = home.bean("feedStatus", FeedStatus.class);

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    status.of("flaky").map(FeedStatus.State::lastError).orElse("").startsWith("poll skipped"));

            assertThat(status.of("flaky").orElseThrow().lastSuccessAt()).isNull();
            // Two failed polls opened the breaker; the skipped ones never reached the portal.
            portal.verify(2, getRequestedFor(urlEqualTo(PAGE)));
        }
    }
}
