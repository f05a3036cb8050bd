package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.awaitility.Awaitility;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.poll.Portal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management server of the daemon, on a free port of the loopback interface: readiness from the
 * store, the inbox, the outbox and the feeds (polled from a WireMock portal on loopback); Prometheus
 * metrics that move as files arrive and feeds are fetched.
 */
class HealthAndMetricsTest {

    static final String RACE = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV";
    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metricsCountAFileDroppedIntoTheInboxAndItsPublication(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (TestHome home = serving(new TestHome(dir, "h2"), port).start()) {
            String before = get(port, "/observe/metrics").body();
            assertThat(value(before, "podium_files_total{outcome=\"ingested\"}")).isZero();
            assertThat(value(before, "podium_files_total{outcome=\"rejected\"}")).isZero();
            assertThat(value(before, "podium_last_publish_timestamp_seconds")).isNaN();

            home.drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));
            home.drop("alms/2023-24/01_Sepang/Race 2/notes.txt", "results to follow\n".getBytes());
            home.awaitIdle();
            home.drop(RACE.replace(".CSV", " (copy).CSV"), TestHome.sample("alkamel/elms-race-classification.CSV"));
            home.awaitIdle();

            String after = get(port, "/observe/metrics").body();
            assertThat(value(after, "podium_files_total{outcome=\"ingested\"}")).isEqualTo(1.0);
            assertThat(value(after, "podium_files_total{outcome=\"rejected\"}")).isEqualTo(1.0);
            assertThat(value(after, "podium_files_total{outcome=\"duplicate\"}")).isEqualTo(1.0);
            assertThat(value(after, "podium_recompute_seconds_count")).isGreaterThanOrEqualTo(1.0);
            assertThat(value(after, "podium_last_publish_timestamp_seconds"))
                    .isGreaterThan(System.currentTimeMillis() / 1000.0 - 600);
        }
    }

    @Test
    void metricsCountEachNoticePublishedByItsState(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (TestHome home = serving(new TestHome(dir, "h2"), port).start()) {
            // The first round of the demo's GT World Challenge Europe season: a leader for its invitation.
            for (String step : Bundled.lines("demo/steps.txt").subList(0, 2)) {
                Bundled.copyTree("demo/steps/" + step, home.home.inbox(), false);
            }
            home.awaitIdle();

            String scrape = get(port, "/observe/metrics").body();
            List<String> notices = TestHome.files(home.outbox("notices")).stream().filter(f -> f.endsWith(".json")).toList();
            assertThat(notices).isNotEmpty();
            double counted = 0;
            for (String state : List.of("leader", "clinched", "confirmed", "withdrawn")) {
                long files = notices.stream().filter(f -> f.endsWith("-" + state + ".json")).count();
                double value = files == 0 ? 0 : value(scrape, "podium_notices_published_total{state=\"" + state + "\"}");
                assertThat(value).as(state).isEqualTo((double) files);
                counted += value;
            }
            assertThat(counted).isEqualTo((double) notices.size());
        }
    }

    @Test
    void healthIsUpWhenTheStoreAndTheFoldersAreReady(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (TestHome home = serving(new TestHome(dir, "h2"), port).start()) {
            awaitReady(port);
            HttpResponse<String> ready = get(port, "/observe/health/ready?exposureLevel=full");
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(checks(body)).contains("podium-store", "podium-inbox", "podium-outbox", "podium-feeds", "podium-deliveries");
        }
    }

    @Test
    void healthIsDownNamingTheStoreWhenTheStoreStopsAnswering(@TempDir Path dir) throws Exception {
        int dbPort = freePort();
        Server db = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists",
                "-baseDir", dir.resolve("db").toString()).start();
        int port = freePort();
        try (TestHome home = serving(new TestHome(dir, "h2"), port)
                .with("podium.db.url", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/podium")
                .with("podium.health.store-timeout", "1000").start()) {
            awaitReady(port);

            db.stop();

            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = Json.MAPPER.readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            JsonNode store = check(body, "podium-store");
            assertThat(store.path("status").asText()).isEqualTo("DOWN");
            assertThat(message(store)).contains("jdbc:h2:tcp://127.0.0.1:" + dbPort);
        } finally {
            db.stop();
        }
    }

    @Test
    void metricsCountFeedDocumentsByOutcome(@TempDir Path dir) throws Exception {
        String page = "/?season=03_2023-2024&evvent=01_Sepang";
        String race = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
        portal.stubFor(WireMock.get(WireMock.urlEqualTo(page))
                .willReturn(WireMock.aResponse().withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(race))))));
        portal.stubFor(WireMock.get(WireMock.urlEqualTo(Portal.path(race)))
                .willReturn(WireMock.aResponse().withBody(Portal.sample("alkamel/elms-race-classification.CSV"))));
        int port = freePort();
        try (TestHome home = withFeed(serving(new TestHome(dir, "h2"), port), "* * * * * ?").start()) {
            String fetched = "podium_feed_fetches_total{feed=\"alms-portal\",outcome=\"fetched\"}";
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get(port, "/observe/metrics").body().contains(fetched + " 1.0"));
            home.awaitIdle();

            String scrape = get(port, "/observe/metrics").body();
            assertThat(value(scrape, fetched)).isEqualTo(1.0);
            assertThat(value(scrape, "podium_feed_fetches_total{feed=\"alms-portal\",outcome=\"failed\"}")).isZero();
            assertThat(value(scrape, "podium_files_total{outcome=\"ingested\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void everyCounterIsScrapedWithZeroBeforeItsFirstEvent(@TempDir Path dir) throws Exception {
        int port = freePort();
        // a feed that is not due before 2099: nothing is fetched, nothing is published
        try (TestHome home = withFeed(serving(new TestHome(dir, "h2"), port), "0 0 0 1 1 ? 2099").start()) {
            awaitReady(port);
            String scrape = get(port, "/observe/metrics").body();
            for (String state : List.of("leader", "clinched", "confirmed", "withdrawn")) {
                assertThat(value(scrape, "podium_notices_published_total{state=\"" + state + "\"}")).as(state).isZero();
            }
            for (String outcome : List.of("fetched", "unchanged", "same-hash", "refused", "failed")) {
                assertThat(value(scrape, "podium_feed_fetches_total{feed=\"alms-portal\",outcome=\"" + outcome + "\"}"))
                        .as(outcome).isZero();
            }
            portal.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
        }
    }

    @Test
    void healthIsDownNamingAFailingFeed(@TempDir Path dir) throws Exception {
        portal.stubFor(WireMock.get(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(503)));
        int port = freePort();
        try (TestHome home = withFeed(serving(new TestHome(dir, "h2"), port), "* * * * * ?").start()) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> feedsDown(port));

            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode feeds = check(Json.MAPPER.readTree(health.body()), "podium-feeds");
            assertThat(feeds.path("status").asText()).isEqualTo("DOWN");
            // with no query options, the message says what an operator acts on: since when, how often, why, what next
            assertThat(message(feeds)).containsPattern("alms-portal failing since \\S+ \\(\\d+ failed poll\\(s\\), breaker (CLOSED|OPEN|HALF_OPEN)")
                    .contains("answered 503").contains("next attempt");
            // ?data=true adds each check's details
            JsonNode details = check(Json.MAPPER.readTree(get(port, "/observe/health?data=true").body()), "podium-feeds").path("data");
            assertThat(details.path("feed.alms-portal.consecutiveFailures").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(details.path("feed.alms-portal.lastCause").asText()).contains("503");
            assertThat(details.path("feed.alms-portal.failingSince").asText()).isNotBlank();
            assertThat(details.path("feed.alms-portal.nextAttempt").asText()).isNotBlank();
            assertThat(details.path("feed.alms-portal.breaker").asText()).isIn("CLOSED", "OPEN", "HALF_OPEN");
            String scrape = get(port, "/observe/metrics").body();
            assertThat(value(scrape, "podium_feed_fetches_total{feed=\"alms-portal\",outcome=\"failed\"}"))
                    .isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void livenessStaysUpWhileAFeedFails(@TempDir Path dir) throws Exception {
        portal.stubFor(WireMock.get(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(503)));
        int port = freePort();
        try (TestHome home = withFeed(serving(new TestHome(dir, "h2"), port), "* * * * * ?").start()) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> feedsDown(port));

            HttpResponse<String> live = get(port, "/observe/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(live.body()).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthIsDownNamingAMisconfiguredFeedWhoseBreakerNeverOpens(@TempDir Path dir) throws Exception {
        String asked = "/?season=03_2023-2024&evvent=02_Dubai";
        String race = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
        portal.stubFor(WireMock.get(WireMock.urlEqualTo(asked)).willReturn(WireMock.aResponse().withBody(Portal.eventPage(
                List.of(Portal.SEASON), Portal.SEASON, List.of(Portal.SEPANG, "02_Dubai Autodrome", "03_Yas Marina"), Portal.SEPANG,
                Map.of(Portal.ALMS, List.of(race))))));
        int port = freePort();
        // the breaker opens after 3 failed polls out of 3 or more: it would, were a misconfiguration counted as one
        TestHome home = withFeed(serving(new TestHome(dir, "h2"), port), "* * * * * ?");
        Path feeds = home.home.config().resolve("feeds.yaml");
        Files.writeString(feeds, Files.readString(feeds).replace("portalEvent: \"01_Sepang\"", "portalEvent: \"02_Dubai\""));
        try (home) {
            home.start();
            org.podium.poll.FeedStatus status = home.bean("feedStatus", org.podium.poll.FeedStatus.class);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> status.of("alms-portal").map(org.podium.poll.FeedStatus.State::consecutiveFailures).orElse(0) >= 4);

            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode feedsCheck = check(Json.MAPPER.readTree(health.body()), "podium-feeds");
            assertThat(feedsCheck.path("status").asText()).isEqualTo("DOWN");
            assertThat(message(feedsCheck)).contains("alms-portal misconfigured since ")
                    .contains("feed alms-portal: portalEvent \"02_Dubai\" is not on the portal's season 03_2023-2024 page; "
                            + "it offers: 01_Sepang, 02_Dubai Autodrome, 03_Yas Marina. Change config/feeds.yaml");
            JsonNode details = check(Json.MAPPER.readTree(get(port, "/observe/health?data=true").body()), "podium-feeds").path("data");
            assertThat(details.path("feed.alms-portal.misconfigured").asBoolean()).isTrue();
            assertThat(details.path("feed.alms-portal.breaker").asText()).as("not a fault: the breaker stays closed").isEqualTo("CLOSED");
            assertThat(PodiumConfiguration.breakerState(home.engine().context(), "alms-portal")).isEqualTo("CLOSED");
            // each poll read the page once; the other event's file was never asked for
            portal.verify(0, WireMock.getRequestedFor(WireMock.urlEqualTo(Portal.path(race))));
            assertThat(portal.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())))
                    .allMatch(r -> r.getUrl().equals(asked.replace(" ", "%20")));
        }
    }

    /** One enabled feed, {@code alms-portal}, on the WireMock portal, polled on {@code cron}. */
    TestHome withFeed(TestHome home, String cron) throws IOException {
        Files.writeString(home.home.config().resolve("feeds.yaml"), Portal.feedsYaml("alms-portal", portal.getPort(), cron,
                "responseTimeout: 5s", "retries: { attempts: 1, initialDelay: 10ms }"));
        return home;
    }

    @Test
    void healthIsDownWhenTheInboxFolderIsGone(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (TestHome home = serving(new TestHome(dir, "h2"), port).start()) {
            Demo.deleteTree(home.home.inbox());

            JsonNode inbox = check(Json.MAPPER.readTree(get(port, "/observe/health").body()), "podium-inbox");
            assertThat(inbox.path("status").asText()).isEqualTo("DOWN");
            assertThat(message(inbox)).contains(home.home.inbox().toString()).contains("does not exist");
        }
    }

    static TestHome serving(TestHome home, int port) {
        return home.with("camel.management.enabled", "true").with("podium.management.port", Integer.toString(port));
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ready once every check is UP; the file consumer's check is DOWN until its first poll. */
    void awaitReady(int port) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(port, "/observe/health/ready").statusCode() == 200);
    }

    /** Camel 4.18 escapes a check's message twice ("/" arrives as "\\/", a quote as "\\\""); undone here. */
    static String message(JsonNode check) {
        return check.path("message").asText().replace("\\/", "/").replace("\\\"", "\"");
    }

    static java.util.List<String> checks(JsonNode health) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        health.path("checks").forEach(c -> ids.add(c.path("name").asText()));
        return ids;
    }

    /** True once the feeds' check is DOWN (every check is listed, with its details, at the default exposure). */
    boolean feedsDown(int port) throws Exception {
        return check(Json.MAPPER.readTree(get(port, "/observe/health").body()), "podium-feeds").path("status").asText().equals("DOWN");
    }

    static JsonNode check(JsonNode health, String id) {
        for (JsonNode c : health.path("checks")) if (c.path("name").asText().equals(id)) return c;
        throw new AssertionError("no check " + id + " in " + health.toPrettyString());
    }

    /** The value of one sample in Prometheus text format, e.g. {@code podium_files_total{outcome="ingested"}}. */
    static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
        if (!m.find()) throw new AssertionError("no sample " + sample + " in the scrape:\n" + scrape);
        return Double.parseDouble(m.group(1));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }
}
