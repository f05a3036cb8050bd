package org.podium.poll;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many requests one poll of an Al Kamel portal feed sends, counted by a WireMock portal on loopback and
 * by the poll itself: a healthy portal (the page and one request per classification), a flaky one (each
 * 5xx tried again after the backoff), a dead one (a refused connection fails at once) and a portal whose page
 * contradicts the feed's setting (the page read once, nothing retried). Each case prints one line with its
 * requests and seconds.
 */
class FeedRequestsTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private PollHarness harness;

    static final String PAGE = "/?season=03_2023-2024&evvent=01_Sepang";
    static final String RACE = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
    static final String QUALI = Portal.link(Portal.SEASON, Portal.SEPANG, "202312020800_Qualifying 1", "03_Classification_Qualifying 1_Official.CSV");
    static final byte[] CSV = Portal.sample("alkamel/elms-race-classification.CSV");
    static final byte[] WIDE = Portal.sample("alkamel/wec-session-classification-wide.CSV");
    /** Three retries waiting 100 ms, 200 ms, 400 ms: the shipped ladder's shape, scaled down. */
    static final String RETRIES = "retries: { attempts: 3, initialDelay: 100ms, multiplier: 2, maxDelay: 1s }";
    /** A ladder of 2 + 4 + 8 s: a poll that walked it could not end within seconds. */
    static final String LONG_RETRIES = "retries: { attempts: 3, initialDelay: 2s, multiplier: 2, maxDelay: 10s }";

    @AfterEach
    void close() {
        if (harness != null) harness.close();
    }

    private PollHarness feed(int port, String retries, String... replacements) {
        String yaml = Portal.feedsYaml("alms", port, "0 0/10 * * * ?", "connectTimeout: 1s", "responseTimeout: 5s", retries);
        for (int i = 0; i < replacements.length; i += 2) yaml = yaml.replace(replacements[i], replacements[i + 1]);
        harness = new PollHarness(dir, yaml);
        return harness;
    }

    private void page() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(Portal.ALMS, List.of(QUALI, RACE));
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Portal.eventPage(tables))));
    }

    /** A document with its length declared: one request fetches it (without one, a second confirms it). */
    private void document(String link, byte[] body) {
        portal.stubFor(get(urlEqualTo(Portal.path(link))).willReturn(aResponse().withBody(body)
                .withHeader("Content-Length", String.valueOf(body.length))));
    }

    private int served() {
        return portal.findAll(anyRequestedFor(anyUrl())).size();
    }

    /** Polls once; prints {@code requests per poll, <case>: <n> request(s), <s> s}. */
    private Polled poll(String name) {
        long started = System.nanoTime();
        PollResult r = harness.poll("alms");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "requests per poll, %s: %d request(s), %.2f s%n", name, r.requests(), seconds);
        return new Polled(r, seconds);
    }

    private record Polled(PollResult result, double seconds) {}

    @Test
    void aHealthyPortalCostsThePageAndOneRequestPerClassification() {
        feed(portal.getPort(), RETRIES);
        page();
        document(RACE, CSV);
        document(QUALI, WIDE);

        Polled p = poll("healthy portal");

        assertThat(p.result().failed()).as(String.valueOf(p.result().problem())).isFalse();
        assertThat(p.result().fetched()).isEqualTo(2);
        assertThat(served()).as("requests the portal saw").isEqualTo(3);
        assertThat(p.result().requests()).as("requests the poll counted").isEqualTo(3);
    }

    @Test
    void aFlakyPortalCostsOneMoreRequestPerServerErrorAfterTheBackoff() {
        feed(portal.getPort(), RETRIES);
        Map<String, List<String>> tables = Map.of(Portal.ALMS, List.of(QUALI, RACE));
        // the page answers 500 twice, then the page; the race 503 once, then the file
        portal.stubFor(get(urlEqualTo(PAGE)).inScenario("page").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        portal.stubFor(get(urlEqualTo(PAGE)).inScenario("page").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        portal.stubFor(get(urlEqualTo(PAGE)).inScenario("page").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(Portal.eventPage(tables))));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE))).inScenario("race").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(CSV).withHeader("Content-Length", String.valueOf(CSV.length))));
        document(QUALI, WIDE);

        Polled p = poll("flaky portal (500, 500, page; 503, file)");

        assertThat(p.result().failed()).as(String.valueOf(p.result().problem())).isFalse();
        assertThat(p.result().fetched()).isEqualTo(2);
        assertThat(served()).isEqualTo(6);
        assertThat(p.result().requests()).isEqualTo(6);
        // the waits of the backoff: 100 + 200 ms before the page, 100 ms before the race
        assertThat(p.seconds()).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void aDeadPortalCostsOneConnectionAttemptAndFailsAtOnce() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { closed = socket.getLocalPort(); }
        feed(closed, LONG_RETRIES);

        Polled p = poll("dead portal (connection refused)");

        assertThat(p.result().faulted()).isTrue();
        assertThat(p.result().misconfigured()).isFalse();
        assertThat(p.result().problem()).containsIgnoringCase("refused");
        // no server to count them: the poll's own count, one attempt, no retry ladder (2 + 4 + 8 s)
        assertThat(p.result().requests()).isEqualTo(1);
        assertThat(p.seconds()).isLessThan(2);
    }

    @Test
    void aPortalContradictingTheFeedsSettingIsReadOnceAndNotRetried() {
        feed(portal.getPort(), LONG_RETRIES, "portalEvent: \"01_Sepang\"", "portalEvent: \"02_Dubai\"");
        Map<String, List<String>> tables = Map.of(Portal.ALMS, List.of(QUALI, RACE));
        portal.stubFor(get(urlEqualTo("/?season=03_2023-2024&evvent=02_Dubai")).willReturn(aResponse()
                .withBody(Portal.eventPage(List.of(Portal.SEASON), Portal.SEASON,
                        List.of(Portal.SEPANG, "02_Dubai Autodrome", "03_Yas Marina"), Portal.SEPANG, tables))));

        Polled p = poll("wrong portalEvent");

        assertThat(p.result().misconfigured()).isTrue();
        assertThat(p.result().faulted()).isFalse();
        assertThat(served()).isEqualTo(1);
        assertThat(p.result().requests()).isEqualTo(1);
        assertThat(p.seconds()).isLessThan(2);
    }
}
