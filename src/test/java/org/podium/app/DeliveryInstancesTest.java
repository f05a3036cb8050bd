package org.podium.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.delivery.Delivery;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;
import org.podium.store.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database, sharing one home, both sending the same target's queue: each
 * document version is received once, in order per invitation and document.
 */
// 11 to 18 s: in the soak run only (mvn verify -Psoak), to keep mvn verify under five minutes
@org.junit.jupiter.api.Tag("reliability")
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "podium.soak", matches = "true")
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_ENV, matches = ".+")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeliveryInstancesTest {

    @RegisterExtension
    WireMockExtension hub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void twoInstancesOnOnePostgresDeliverEachVersionOnce(@TempDir Path dir) throws Exception {
        // slow enough that both instances look at the queue while the other is sending
        hub.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        try (TestHome one = new TestHome(dir, "postgresql").with("podium.deliver.interval", "20");
             TestHome two = new TestHome(dir, "postgresql").with("podium.deliver.interval", "20")) {
            two.with("podium.db.url", one.overrides.get("podium.db.url"));
            Files.writeString(one.home.config().resolve("deliveries.yaml"), """
                    targets:
                      - { id: hub, url: "%s/hook", kinds: [notices, combined, standings], secret: "%s" }
                    """.formatted(hub.baseUrl(), DeliveryTest.SECRET));
            one.start();
            two.start();
            List<String> steps = Bundled.lines("demo/steps.txt");
            for (List<String> group : List.of(steps.subList(0, 2), steps.subList(2, 4), steps.subList(4, 7))) {
                for (String step : group) Bundled.copyTree("demo/steps/" + step, one.home.inbox(), false);
                one.awaitIdle();
                two.awaitIdle();
            }
            DeliveryQueue queue = one.bean("deliveryQueue", DeliveryQueue.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> !queue.all("hub").isEmpty()
                    && queue.all("hub").stream().allMatch(d -> d.state() == DeliveryState.DELIVERED));
            List<Delivery> queued = queue.all("hub");
            List<ServeEvent> received = DeliveryTest.taken(hub.getAllServeEvents(), "/hook");
            Map<String, Long> times = received.stream().collect(Collectors.groupingBy(
                    e -> e.getRequest().getHeader(Webhooks.EVENT_HEADER), Collectors.counting()));
            assertThat(times).as("each version received once").allSatisfy((event, n) -> assertThat(n).as(event).isEqualTo(1L));
            assertThat(queued).hasSizeGreaterThan(50).allMatch(d -> d.attempts() == 1);
            DeliveryTest.checkReceived(one, "hub", queued, received, false);
        }
    }
}
