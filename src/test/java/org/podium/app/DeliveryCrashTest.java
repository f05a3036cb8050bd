package org.podium.app;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Podium in a JVM of its own is killed with SIGKILL while a delivery's request is on its way (the receiver
 * holds its first request without answering). Started again, it sends that delivery again, with the same
 * Idempotency-Key, and everything else it had queued: every notice and combined classification in the
 * outbox reaches the receiver, signed, byte for byte, and nothing is left in the queue.
 */
// 11 to 18 s: in the soak run only (mvn verify -Psoak), to keep mvn verify under five minutes
@org.junit.jupiter.api.Tag("reliability")
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "podium.soak", matches = "true")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeliveryCrashTest {

    @RegisterExtension
    WireMockExtension hub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void killedWhileADeliveryIsOnItsWayItSendsItAgainWithTheSameKeyAndLosesNothing(@TempDir Path dir) throws Exception {
        // the first request is held (the process is killed meanwhile); every later one is answered at once
        hub.stubFor(post(urlEqualTo("/hook")).inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answering").willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        hub.stubFor(post(urlEqualTo("/hook")).inScenario("crash").whenScenarioStateIs("answering")
                .willReturn(aResponse().withStatus(200)));
        Path home = dir.resolve("home");
        TestHome.copyTree(Path.of("routes"), home.resolve("routes"));
        TestHome.copyDemoConfig(home.resolve("config"));
        Files.writeString(home.resolve("config/deliveries.yaml"), """
                targets:
                  - { id: hub, url: "%s/hook", kinds: [notices, combined], secret: "%s", timeoutSeconds: 90 }
                """.formatted(hub.baseUrl(), DeliveryTest.SECRET));
        List<String> steps = Bundled.lines("demo/steps.txt");
        for (String step : steps.subList(0, 7)) Bundled.copyTree("demo/steps/" + step, home.resolve("inbox"), false);

        PodiumProcess.Launch launch = PodiumProcess.classes().property("podium.management.port", "0")
                .property("podium.deliver.interval", "50").property("podium.inbox.read-lock-min-age", "50");
        try (PodiumProcess first = launch.start(dir, "first", "run", "--home", home.toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !hub.getAllServeEvents().isEmpty());
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.process.waitFor();
        }
        ServeEvent held = hub.getAllServeEvents().get(0);
        String key = held.getRequest().getHeader("Idempotency-Key");
        String event = held.getRequest().getHeader(Webhooks.EVENT_HEADER);

        try (PodiumProcess second = launch.start(dir, "second", "run", "--home", home.toString())) {
            // every notice and combined classification in the outbox reaches the receiver as the outbox holds it
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> allReceived(home));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not every document was received; the second run's log:\n" + second.stderr(), e);
            }
            second.process.destroy(); // SIGTERM: a clean stop, so that the store can be opened below
            second.exitCode(Duration.ofSeconds(60));
        }
        List<ServeEvent> again = hub.getAllServeEvents().stream()
                .filter(e -> event.equals(e.getRequest().getHeader(Webhooks.EVENT_HEADER)))
                .filter(e -> e.getResponse().getStatus() == 200 && e != held).toList();
        assertThat(again).as("the delivery the kill interrupted, sent again").isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("Idempotency-Key")).isEqualTo(key));
        for (ServeEvent e : hub.getAllServeEvents()) {
            var r = e.getRequest();
            assertThat(r.getHeader("X-Podium-Signature")).isEqualTo("sha256=" + DeliveryTest.hmac(DeliveryTest.SECRET,
                    r.getHeader(Webhooks.TIMESTAMP_HEADER) + "." + new String(r.getBody(), StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Commands.run(new String[]{"deliveries", "--home", home.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, Map.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 pending, 0 dead");
    }

    /** True when each notice and combined document of the outbox was received, answered 200, with its exact bytes. */
    private boolean allReceived(Path home) throws Exception {
        List<String> docs = new java.util.ArrayList<>();
        for (String f : TestHome.files(home.resolve("outbox/notices"))) if (f.endsWith(".json")) docs.add("notices/" + f);
        for (String f : TestHome.files(home.resolve("outbox/combined"))) docs.add("combined/" + f);
        if (docs.size() < 2) return false; // a notice and a combined classification at least
        List<ServeEvent> taken = hub.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 200
                && e.getResponse().getBodyAsString() != null && e.getTiming() != null && e.getTiming().getTotalTime() != null
                && e.getTiming().getTotalTime() < 30_000).toList();
        for (String doc : docs) {
            byte[] bytes = Files.readAllBytes(home.resolve("outbox").resolve(doc));
            if (taken.stream().noneMatch(e -> Arrays.equals(e.getRequest().getBody(), bytes))) return false;
        }
        return true;
    }
}
