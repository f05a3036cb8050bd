package org.podium.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.delivery.Delivery;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application delivers what it publishes to webhook receivers on loopback (WireMock), each
 * misbehaving its own way: one answers 500 to every first attempt, one answers a first attempt too late
 * (after the target's timeout), one is slow but within it, and one is down (connection refused) for a
 * while, then comes back. Every receiver checks the signature with the shared secret and the body byte for
 * byte against the outbox; nothing is lost, nothing is received out of order, and the backlog drains.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeliveryTest {

    static final String SECRET = "a-shared-secret-of-some-length";

    @RegisterExtension
    WireMockExtension hub = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    void everyReceiverGetsEveryDocumentSignedInOrderWhateverItDid(@TempDir Path dir) throws Exception {
        // 500 to a first attempt; the repeat is taken
        hub.stubFor(post(urlEqualTo("/flaky")).withHeader(Webhooks.ATTEMPT_HEADER, equalTo("1"))
                .willReturn(aResponse().withStatus(500)));
        hub.stubFor(post(urlEqualTo("/flaky")).withHeader(Webhooks.ATTEMPT_HEADER, matching("[2-9]|\\d\\d+"))
                .willReturn(aResponse().withStatus(204)));
        // a first attempt answered after the target's timeout (600 ms): the repeat is taken at once
        hub.stubFor(post(urlEqualTo("/late")).withHeader(Webhooks.ATTEMPT_HEADER, equalTo("1"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_200)));
        hub.stubFor(post(urlEqualTo("/late")).withHeader(Webhooks.ATTEMPT_HEADER, matching("[2-9]|\\d\\d+"))
                .willReturn(aResponse().withStatus(200)));
        // slow, within its timeout: every first attempt is taken
        hub.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(202).withFixedDelay(250)));
        int downPort = freePort();

        try (TestHome home = new TestHome(dir, "h2")
                .with("podium.deliver.interval", "50")
                .with("podium.deliver.breaker.minimum-calls", "3")
                .with("podium.deliver.breaker.wait-seconds", "1")) {
            Files.writeString(home.home.config().resolve("deliveries.yaml"), """
                    defaults:
                      retry: { attempts: 60, firstDelay: 100ms, multiplier: 2, maxDelay: 400ms, jitter: 0.3 }
                    targets:
                      - { id: flaky, url: "%1$s/flaky", kinds: [notices, combined], secret: "%2$s", timeoutSeconds: 2 }
                      - { id: late,  url: "%1$s/late",  kinds: [notices, combined], secret: "%2$s", timeoutSeconds: 0.6 }
                      - { id: slow,  url: "%1$s/slow",  kinds: [notices, combined], secret: "%2$s", timeoutSeconds: 2 }
                      - { id: down,  url: "http://127.0.0.1:%3$d/down", kinds: [notices, combined], secret: "%2$s", timeoutSeconds: 2 }
                    """.formatted(hub.baseUrl(), SECRET, downPort));
            home.start();
            DeliveryQueue queue = home.bean("deliveryQueue", DeliveryQueue.class);

            // the season step by step, so that one invitation gets a sequence of notices
            List<String> steps = Bundled.lines("demo/steps.txt");
            for (List<String> group : List.of(steps.subList(0, 2), steps.subList(2, 4), steps.subList(4, 7))) {
                for (String step : group) Bundled.copyTree("demo/steps/" + step, home.home.inbox(), false);
                home.awaitIdle();
            }
            List<String> notices = TestHome.files(home.outbox("notices")).stream().filter(f -> f.endsWith(".json")).toList();
            assertThat(notices).as("notices published").hasSizeGreaterThanOrEqualTo(2);

            // the down target has been refused for a while: its deliveries are waiting, none lost
            await().atMost(Duration.ofSeconds(20)).until(() -> queue.all("down").stream().anyMatch(d -> d.attempts() >= 2));
            assertThat(queue.all("down")).allMatch(d -> d.state() == DeliveryState.PENDING);
            WireMockServer down = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(downPort));
            down.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(200)));
            down.start();
            try {
                for (String target : List.of("flaky", "late", "slow", "down")) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> queue.all(target).stream()
                            .allMatch(d -> d.state() == DeliveryState.DELIVERED));
                }
                Map<String, List<ServeEvent>> received = new LinkedHashMap<>();
                received.put("flaky", taken(hub.getAllServeEvents(), "/flaky"));
                received.put("late", taken(hub.getAllServeEvents(), "/late"));
                received.put("slow", taken(hub.getAllServeEvents(), "/slow"));
                received.put("down", taken(down.getAllServeEvents(), "/down"));
                for (var e : received.entrySet()) {
                    List<Delivery> queued = queue.all(e.getKey());
                    assertThat(queued).as(e.getKey() + " queued").isNotEmpty();
                    checkReceived(home, e.getKey(), queued, e.getValue(), e.getKey().equals("late"));
                }
                // what each receiver did shows in the attempts
                assertThat(queue.all("flaky")).allMatch(d -> d.attempts() == 2);
                assertThat(queue.all("late")).allMatch(d -> d.attempts() == 2);
                assertThat(queue.all("slow")).allMatch(d -> d.attempts() == 1);
                assertThat(queue.all("down").stream().mapToInt(Delivery::attempts).max().orElse(0)).isGreaterThanOrEqualTo(2);
                assertThat(queue.counts()).isEmpty();
            } finally {
                down.stop();
            }
        }
    }

    /** The requests a receiver answered 2xx, in the order they arrived. */
    static List<ServeEvent> taken(List<ServeEvent> events, String path) {
        return events.stream().filter(e -> e.getRequest().getUrl().equals(path))
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    /**
     * Each queued document received exactly once (2xx), signed with the shared secret, its body the outbox's
     * bytes, its idempotency key the same on every attempt; the notices of each invitation in issue order.
     */
    static void checkReceived(TestHome home, String target, List<Delivery> queued, List<ServeEvent> taken,
                              boolean timedOut) throws Exception {
        Map<String, Delivery> byEvent = new TreeMap<>();
        for (Delivery d : queued) byEvent.put(d.eventId(), d);
        List<String> events = new ArrayList<>();
        Map<String, List<String>> chains = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        for (ServeEvent e : taken) {
            var r = e.getRequest();
            String event = r.getHeader(Webhooks.EVENT_HEADER);
            String timestamp = r.getHeader(Webhooks.TIMESTAMP_HEADER);
            byte[] body = r.getBody();
            assertThat(r.getHeader("X-Podium-Signature")).as(target + " " + event + " signature")
                    .isEqualTo("sha256=" + hmac(SECRET, timestamp + "." + new String(body, StandardCharsets.UTF_8)));
            Delivery d = byEvent.get(event);
            assertThat(d).as(target + " received an event it was never sent: " + event).isNotNull();
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo(d.idempotencyKey());
            // a request the sender gave up waiting for reached the receiver all the same: the repeat carries
            // the same key, by which the receiver knows it has the document already
            if (keys.put(r.getHeader("Idempotency-Key"), event) != null) {
                assertThat(timedOut).as(target + ": " + event + " received twice").isTrue();
                assertThat(body).isEqualTo(d.body());
                continue;
            }
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
            assertThat(body).as(target + " " + event + " body").isEqualTo(d.body());
            events.add(event);
            chains.computeIfAbsent(d.chain(), c -> new ArrayList<>()).add(event);
        }
        assertThat(events).as(target + ": each document once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(byEvent.keySet());
        // the body is the outbox file, byte for byte (notices are never rewritten; the last version of any other)
        Map<String, Delivery> last = new TreeMap<>();
        for (Delivery d : queued) last.put(d.path(), d);
        for (Delivery d : last.values()) {
            assertThat(d.body()).as(target + " " + d.path()).isEqualTo(Files.readAllBytes(home.outbox(d.path())));
        }
        // in order within each chain: queue order is issue order (notices) and version order (documents)
        for (var chain : chains.entrySet()) {
            List<String> expected = queued.stream().filter(d -> d.chain().equals(chain.getKey()))
                    .sorted(Comparator.comparingLong(Delivery::id)).map(Delivery::eventId).toList();
            assertThat(chain.getValue()).as(target + " order of " + chain.getKey()).containsExactlyElementsOf(expected);
        }
        assertThat(chains.keySet().stream().filter(c -> c.startsWith("notices/")).mapToLong(c -> chains.get(c).size()).max()
                .orElse(0)).as(target + ": some invitation has a sequence of notices").isGreaterThanOrEqualTo(2);
    }

    /** Computed here, independently of Podium's own code, as a receiver would. */
    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
