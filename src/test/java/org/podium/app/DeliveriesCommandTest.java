package org.podium.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.podium.delivery.Delivery;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * config/deliveries.yaml that cannot work stops Podium with exit code 3 naming the key; a delivery that
 * runs out of attempts is a dead letter that {@code podium deliveries} lists and {@code --resend} queues
 * again, after which the target receives it.
 */
class DeliveriesCommandTest {

    @RegisterExtension
    WireMockExtension hub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int podium(Map<String, String> overrides, String... args) {
        out.reset();
        err.reset();
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), overrides);
    }

    static MeterRegistry meters(TestHome home) {
        home.bean(PodiumMeters.BEAN, PodiumMeters.class);
        return home.engine().context().getRegistry().findSingleByType(MeterRegistry.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ id: hub, url: 'https://h/x', kinds: [notices], secret: 'a-shared-secret-of-length', timeout: 3 } | targets[0].timeout | unknown key",
            "{ id: hub, url: 'mailto:results@h', kinds: [notices], secret: 'a-shared-secret-of-length' }        | targets[0].url     | http:// or https://",
            "{ id: hub, url: 'https://h/x', kinds: [notices] }                                                   | targets[0].secret  | secretFrom: NAME",
            "{ id: hub, url: 'https://h/x', kinds: [notices], secretFrom: PODIUM_TEST_NO_SUCH_SECRET }           | targets[0].secretFrom | environment variable PODIUM_TEST_NO_SUCH_SECRET nor the system property"})
    void aTargetThatCannotWorkExitsThreeNamingTheKey(String target, String key, String says, @TempDir Path dir) throws Exception {
        TestHome.copyTree(Path.of("config"), dir.resolve("config"));
        Files.writeString(dir.resolve("config/deliveries.yaml"), "targets:\n  - " + target + "\n");

        assertThat(podium(Map.of(), "once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("configuration error").contains("deliveries.yaml")
                .contains(key).contains(says).doesNotContain("a-shared-secret-of-length");
    }

    @Test
    void targetsWithoutTheDeliveryRoutesExitThreeSayingWhatToCopy(@TempDir Path dir) throws Exception {
        TestHome.copyTree(Path.of("config"), dir.resolve("config"));
        TestHome.copyTree(Path.of("routes"), dir.resolve("routes"));
        Files.delete(dir.resolve("routes/5-deliver.yaml")); // a home made by an earlier release
        Files.writeString(dir.resolve("config/deliveries.yaml"), "targets:\n  - { id: hub, url: \"https://h/x\", kinds: [notices],"
                + " secret: \"a-shared-secret-of-length\" }\n");

        assertThat(podium(Map.of(), "once", "--home", dir.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("configuration error").contains("5-deliver.yaml")
                .contains("podium init");
    }

    @Test
    void aDeadLetterIsListedAndOnceResentIsReceived(@TempDir Path dir) throws Exception {
        hub.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
        String yaml = """
                targets:
                  - id: hub
                    url: "%s/hook"
                    kinds: [notices]
                    secret: "a-shared-secret-of-length"
                    retry: { attempts: 2, firstDelay: 50ms, maxDelay: 50ms }
                """.formatted(hub.baseUrl());
        String event = "notices/lemans-2024-gtwc-europe/001-leader/1";
        Map<String, String> store;
        try (TestHome home = new TestHome(dir, "h2").with("podium.deliver.interval", "50")) {
            Files.writeString(home.home.config().resolve("deliveries.yaml"), yaml);
            home.start();
            store = Map.of("podium.db.url", home.overrides.get("podium.db.url"));
            List<String> steps = Bundled.lines("demo/steps.txt");
            for (String step : steps.subList(0, 2)) Bundled.copyTree("demo/steps/" + step, home.home.inbox(), false);
            home.awaitIdle();
            DeliveryQueue queue = home.bean("deliveryQueue", DeliveryQueue.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.all("hub").stream().anyMatch(d -> d.state() == DeliveryState.DEAD));
            Delivery dead = queue.all("hub").get(0);
            assertThat(dead.eventId()).isEqualTo(event);
            assertThat(dead.attempts()).isEqualTo(2);
            // the health endpoint's check and the meters say so
            var health = home.bean("deliveriesHealth", DeliveriesHealthCheck.class).call();
            assertThat(health.getState().name()).isEqualTo("DOWN");
            assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("hub: 1 dead letter(s), 0 pending")
                    .contains("podium deliveries --resend"));
            assertThat(health.getDetails()).containsEntry("target.hub.dead", 1L).containsEntry("target.hub.breaker", "CLOSED");
            // and the report's deliveries section
            home.bean("reportWriter", org.podium.outbox.ReportWriter.class).write();
            var section = org.jsoup.Jsoup.parse(Files.readString(home.outbox("report/index.html"))).getElementById("target-hub");
            assertThat(section).isNotNull();
            assertThat(section.text()).contains("DEAD LETTERS").contains(event + ": 2 attempt(s)").contains("HTTP 503");
            MeterRegistry meters = meters(home);
            assertThat(meters.get("podium.deliveries").tags("target", "hub", "outcome", "failed").counter().count()).isEqualTo(2);
            assertThat(meters.get("podium.deliveries").tags("target", "hub", "outcome", "dead").counter().count()).isEqualTo(1);
            assertThat(meters.get("podium.delivery.backlog").tags("target", "hub", "state", "dead").gauge().value()).isEqualTo(1);
        }

        assertThat(podium(store, "deliveries", "--home", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 pending, 1 dead")
                .contains("DEAD    hub " + event + ": 2 attempt(s), last error: HTTP 503").contains("--resend");

        assertThat(podium(store, "deliveries", "--resend", "notices/no-such/001-leader/1", "--home", dir.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("notices/no-such/001-leader/1 is not a dead letter");
        assertThat(podium(store, "deliveries", "--resend", event, "--home", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(event + " queued again").contains("1 pending, 0 dead");

        hub.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        try (TestHome home = new TestHome(dir, "h2").with("podium.deliver.interval", "50")) {
            home.overrides.putAll(store);
            Files.writeString(home.home.config().resolve("deliveries.yaml"), yaml);
            home.start();
            DeliveryQueue queue = home.bean("deliveryQueue", DeliveryQueue.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.all("hub").get(0).state() == DeliveryState.DELIVERED);
            assertThat(home.bean("deliveriesHealth", DeliveriesHealthCheck.class).call().getState().name()).isEqualTo("UP");
            MeterRegistry meters = meters(home);
            assertThat(meters.get("podium.deliveries").tags("target", "hub", "outcome", "delivered").counter().count()).isEqualTo(1);
            assertThat(meters.get("podium.delivery.backlog").tags("target", "hub", "state", "pending").gauge().value()).isZero();
            assertThat(meters.get("podium.delivery.backlog").tags("target", "hub", "state", "dead").gauge().value()).isZero();
        }
        // two attempts answered 503, then the one after --resend (the client repeats nothing by itself)
        assertThat(hub.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .filter(r -> r.getHeader(Webhooks.EVENT_HEADER).equals(event)).count()).isEqualTo(3);
        assertThat(podium(store, "deliveries", "--home", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 pending, 0 dead");
    }
}
