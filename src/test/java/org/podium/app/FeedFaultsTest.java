package org.podium.app;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.poll.FeedStatus;
import org.podium.poll.Portal;
import org.podium.reliability.Figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application polls a portal that misbehaves: it hangs, resets connections, sends nothing,
 * sends random bytes and closes, cuts a chunked body, answers 200 with garbage, and flips between two
 * versions of one document. After each fault the next good answer gets through; nothing partial ever
 * appears in the inbox (a watcher reads every file that shows up there); the flip-flopping document
 * costs two stored versions, not one per poll. A feed that keeps failing opens its circuit breaker
 * (polls skipped, the portal left alone), which half-opens and closes again once the portal is back.
 */
@Tag("reliability")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedFaultsTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String PAGE = "/?season=03_2023-2024&evvent=01_Sepang";
    static final String RACE = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
    static final String SESSION = "alms/2023-24/1/Race 1";

    final byte[] versionA = TestHome.sample("alkamel/elms-race-classification.CSV");
    /** The same classification with one more line ending: other bytes, another version. */
    final byte[] versionB = (new String(versionA, StandardCharsets.ISO_8859_1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    final byte[] garbage = garbage();
    /** A body cut at another length at each request, sent without a declared length (ended by the connection closing). */
    final List<byte[]> cuts = List.of(Arrays.copyOf(versionA, 3_000), Arrays.copyOf(versionA, 5_000));

    @Test
    void afterEachFaultTheNextGoodAnswerGetsThroughAndNothingPartialEntersTheInbox(@TempDir Path dir) throws Exception {
        stubPage();
        int flips = Figures.soak() ? 40 : 8;
        try (TestHome home = new TestHome(dir, "h2")
                // this test wants every fault to reach the poller, so the breaker never opens here
                .with("podium.poll.breaker.window", "1000").with("podium.poll.breaker.minimum-polls", "1000")) {
            writeFeeds(home, 1);
            InboxWatcher watcher = new InboxWatcher(home.home.inbox(), List.of(versionA, versionB, garbage));
            home.start();
            watcher.start();
            FeedStatus status = home.bean("feedStatus", FeedStatus.class);
            Map<String, String> faults = new LinkedHashMap<>();
            try {
                // Each fault in turn on the race document (the event page stays good): the poll fails, says why
                fault(faults, status, "hangs past the response timeout", r -> r.withFixedDelay(4_000).withBody(versionA));
                fault(faults, status, "resets the connection", r -> r.withFault(Fault.CONNECTION_RESET_BY_PEER));
                fault(faults, status, "closes without answering", r -> r.withFault(Fault.EMPTY_RESPONSE));
                fault(faults, status, "sends random bytes and closes", r -> r.withFault(Fault.RANDOM_DATA_THEN_CLOSE));
                fault(faults, status, "declares more bytes than it sends", r -> r.withBody(versionA)
                        .withHeader("Content-Length", String.valueOf(versionA.length + 1000)));
                fault(faults, status, "a 503", r -> r.withStatus(503));
                // A body cut short at a different length each time, ending when the connection closes
                portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withBody(cuts.get(0))).willSetStateTo("other"));
                portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("cut").whenScenarioStateIs("other")
                        .willReturn(aResponse().withBody(cuts.get(1))).willSetStateTo(Scenario.STARTED));
                fault(faults, status, "cuts the body at a different length each time, declaring none", r -> null);
                portal.resetScenarios();
                assertThat(TestHome.files(home.home.inbox())).as("nothing entered the inbox during the faults").isEmpty();

                // The portal recovers: the document arrives whole and is stored
                stubRace(r -> r.withBody(versionA));
                await().atMost(Duration.ofSeconds(60)).until(() -> versions(home) == 1);

                // The portal flips between two versions of the document on every request (each with its length)
                portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("flip").whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withBody(versionB).withHeader("Content-Length", String.valueOf(versionB.length)))
                        .willSetStateTo("B"));
                portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("flip").whenScenarioStateIs("B")
                        .willReturn(aResponse().withBody(versionA).withHeader("Content-Length", String.valueOf(versionA.length)))
                        .willSetStateTo(Scenario.STARTED));
                int before = requests(RACE);
                await().atMost(Duration.ofSeconds(30 + flips * 3L)).until(() -> requests(RACE) >= before + flips);
                portal.resetScenarios();
                stubRace(r -> r.withBody(versionA));
                home.awaitIdle();
                long versionsAfterFlips = versions(home);
                long duplicates = home.bean("ingestStats", org.podium.ingest.IngestStats.class).duplicateCount();

                // A 200 full of garbage is a complete document: it goes through and is rejected with a report
                stubRace(r -> r.withBody(garbage));
                await().atMost(Duration.ofSeconds(60)).until(() -> TestHome.files(home.inbox(".failed")).stream()
                        .anyMatch(f -> f.endsWith(".CSV")));
                stubRace(r -> r.withBody(versionA));
                Instant back = Instant.now();
                await().atMost(Duration.ofSeconds(60)).until(() -> status.of("flaky").map(FeedStatus.State::lastSuccessAt)
                        .filter(t -> t.isAfter(back)).isPresent());
                home.awaitIdle();
                watcher.stop();

                List<String> failed = TestHome.files(home.inbox(".failed"));
                Figures.record("Feed faults", getClass(),
                        "portal on a 1 s cron: " + String.join(", ", faults.keySet()) + "; then " + flips
                                + " polls of a document flipping between two versions; then a 200 of garbage",
                        "every fault failed its poll and the next good answer got through; " + watcher.reads.get()
                                + " reads of files as they appeared in the inbox, " + watcher.partial.size() + " partial; "
                                + versionsAfterFlips + " versions stored for the flipping document ("
                                + duplicates + " drops recognised as duplicates); garbage rejected with a report");

                faults.forEach((fault, error) -> assertThat(error).as(fault).isNotBlank());
                assertThat(watcher.partial).as("files that appeared in the inbox incomplete or altered").isEmpty();
                assertThat(watcher.seen).as("the watcher saw the documents arrive").isNotEmpty();
                assertThat(versionsAfterFlips).as("the flipping document's two versions, stored once each").isEqualTo(2);
                assertThat(duplicates).as("the flips after the first two came back as duplicates").isGreaterThan(0);
                assertThat(failed).as("the garbage and its report").anyMatch(f -> f.endsWith(".CSV"))
                        .anyMatch(f -> f.endsWith(".error.json"));
                assertThat(home.outbox("results/alms/2023-24/01-race-1.json")).isRegularFile();
            } finally {
                watcher.stop();
            }
        }
    }

    @Test
    void aFeedThatKeepsFailingOpensItsBreakerWhichClosesAgainOnceThePortalIsBack(@TempDir Path dir) throws Exception {
        stubPage();
        stubRace(r -> r.withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (TestHome home = new TestHome(dir, "h2")
                .with("podium.poll.breaker.window", "2")
                .with("podium.poll.breaker.minimum-polls", "2")
                .with("podium.poll.breaker.failure-rate", "50")
                .with("podium.poll.breaker.wait-seconds", "4")) {
            writeFeeds(home, 0);
            home.start();
            FeedStatus status = home.bean("feedStatus", FeedStatus.class);

            // Two failed polls open it: the next polls are skipped and never reach the portal
            await().atMost(Duration.ofSeconds(60)).until(() -> "OPEN".equals(breaker(home)));
            Map<String, Object> openHealth = health(home);
            int whileOpen = requests(RACE);
            // two scheduled polls skipped while it is open, each recorded as the feed's last problem
            for (int skip = 0; skip < 2; skip++) {
                Instant since = status.of("flaky").map(FeedStatus.State::lastErrorAt).orElseThrow();
                await().atMost(Duration.ofSeconds(30)).until(() -> status.of("flaky").map(FeedStatus.State::lastErrorAt)
                        .filter(t -> t.isAfter(since)).isPresent());
            }
            int afterWaiting = requests(RACE);
            String skipped = status.of("flaky").map(FeedStatus.State::lastError).orElse("");
            // while polls are skipped, health still says why the feed fails, and since when
            Map<String, Object> skippingHealth = health(home);
            FeedStatus.State whileSkipping = status.of("flaky").orElseThrow();

            // The portal comes back; after wait-seconds the breaker half-opens, a poll goes through, it closes
            stubRace(r -> r.withBody(versionA));
            long opened = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(breaker(home)));
            double closedAfter = (System.nanoTime() - opened) / 1e9;
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(home.outbox("results/alms/2023-24/01-race-1.json")));
            Map<String, Object> closedHealth = health(home);

            Figures.record("Feed faults", getClass(),
                    "portal resetting every connection, breaker window 2 polls, wait 4 s; then the portal back",
                    "breaker OPEN after " + whileOpen + " failed requests, 0 requests while open, CLOSED "
                            + String.format(java.util.Locale.ROOT, "%.1f", closedAfter)
                            + " s after the portal came back; the result published");

            assertThat(afterWaiting).as("requests while the breaker is open").isEqualTo(whileOpen);
            assertThat(skipped).startsWith("poll skipped");
            assertThat(whileSkipping.lastCause()).doesNotContain("poll skipped").containsIgnoringCase("reset");
            assertThat(whileSkipping.consecutiveFailures()).isEqualTo(2);
            assertThat(whileSkipping.failingSince()).isBefore(whileSkipping.lastErrorAt());
            assertThat(String.valueOf(skippingHealth.get("feed.flaky.lastCause"))).containsIgnoringCase("reset");
            assertThat(skippingHealth).containsEntry("feed.flaky.consecutiveFailures", 2);
            assertThat(openHealth).containsEntry("feed.flaky.breaker", "OPEN");
            assertThat(closedHealth).containsEntry("feed.flaky.breaker", "CLOSED");
            assertThat(status.of("flaky").orElseThrow().lastSuccessAt()).isNotNull();
        }
    }

    // --- the portal ---

    void stubPage() {
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(RACE))))));
    }

    void stubRace(UnaryOperator<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> response) {
        portal.stubFor(get(urlEqualTo(Portal.path(RACE))).willReturn(response.apply(aResponse())));
    }

    int requests(String link) {
        return portal.findAll(getRequestedFor(urlEqualTo(Portal.path(link)))).size();
    }

    /** Puts one fault on the race document, waits for a poll that started after it, keeps the poll's error. */
    void fault(Map<String, String> faults, FeedStatus status, String name,
               UnaryOperator<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> response) {
        if (response.apply(aResponse()) != null) stubRace(response);
        Instant from = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> status.of("flaky")
                .filter(s -> s.lastPollAt() != null && s.lastPollAt().isAfter(from)).isPresent());
        FeedStatus.State s = status.of("flaky").orElseThrow();
        assertThat(s.lastErrorAt()).as(name + ": the poll failed").isAfterOrEqualTo(from);
        faults.put(name, s.lastError());
    }

    void writeFeeds(TestHome home, int retries) throws IOException {
        Files.writeString(home.home.config().resolve("feeds.yaml"), Portal.feedsYaml("flaky", portal.getPort(), "0/1 * * * * ?",
                "connectTimeout: 1s", "responseTimeout: 1s", "retries: { attempts: " + retries + ", initialDelay: 10ms }"));
    }

    static String breaker(TestHome home) {
        return PodiumConfiguration.breakerState(home.engine().context(), "flaky");
    }

    static Map<String, Object> health(TestHome home) {
        return home.bean("feedsHealth", FeedsHealthCheck.class).call().getDetails();
    }

    static long versions(TestHome home) throws Exception {
        try (Connection c = DriverManager.getConnection(home.overrides.get("podium.db.url"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM session_document")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static byte[] garbage() {
        byte[] bytes = new byte[20_000];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /** Reads every file that appears in the inbox (outside its hidden folders) and checks it is one of the served documents whole. */
    static final class InboxWatcher {
        final Path inbox;
        final List<byte[]> served;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        final List<String> partial = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread thread;

        InboxWatcher(Path inbox, List<byte[]> served) {
            this.inbox = inbox;
            this.served = served;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (String f : TestHome.files(inbox)) {
                        if (f.startsWith(".") || f.contains("/.")) continue;
                        try {
                            byte[] bytes = Files.readAllBytes(inbox.resolve(f));
                            reads.incrementAndGet();
                            if (!seen.contains(f)) seen.add(f);
                            if (served.stream().noneMatch(s -> Arrays.equals(s, bytes))) partial.add(f + " (" + bytes.length + " bytes)");
                        } catch (NoSuchFileException gone) {
                            // taken by the ingest route meanwhile
                        } catch (IOException e) {
                            partial.add(f + ": " + e);
                        }
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "inbox-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) thread.join(5_000);
        }
    }
}
