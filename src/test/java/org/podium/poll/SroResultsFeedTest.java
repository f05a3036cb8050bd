package org.podium.poll;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The SRO results adapter against WireMock results pages on loopback. */
class SroResultsFeedTest {

    @RegisterExtension
    WireMockExtension site = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private PollHarness harness;

    static final String SEASON = "/results/2023";
    static final String BRANDS = "/results/2023/brands-hatch";
    static final String SPA = "/results/2023/spa";
    static final byte[] PAGE = Portal.sample("sro/gtwc-race-results.html");
    static final String RACE1 = "gtwc-europe/2023/02_Brands Hatch/Race 1/Race 1_Official.html";

    @BeforeEach
    void feed() {
        harness = new PollHarness(dir, feedsYaml("64KB"));
        // the feed's other event: on the season page, no race published yet unless a test says otherwise
        html(SPA, Portal.sroEventPage(Map.of()));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    String feedsYaml(String maxBytes) {
        return feedsYaml(maxBytes, "5s");
    }

    /** Short enough for the timeout tests, long enough for a loaded machine to answer the other requests. */
    String feedsYaml(String maxBytes, String responseTimeout) {
        return """
                feeds:
                  - id: europe
                    series: gtwc-europe
                    kind: sro-results
                    enabled: true
                    baseUrl: "http://127.0.0.1:%d/"
                    allowedHosts: [127.0.0.1]
                    season: "2023"
                    resultStatus: OFFICIAL
                    events:
                      - { round: 2, event: Brands Hatch, slug: brands-hatch }
                      - { round: 4, event: Spa,          slug: spa }
                    cron: "0 0/15 * * * ?"
                    maxBytes: %s
                    connectTimeout: 1s
                    responseTimeout: %s
                    retries: { attempts: 1, initialDelay: 10ms }
                """.formatted(site.getPort(), maxBytes, responseTimeout);
    }

    private void html(String url, String body) {
        site.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
    }

    private void season(String linkPrefix, String... slugs) {
        Map<String, String> events = new LinkedHashMap<>();
        for (String s : slugs) events.put(s, s);
        html(SEASON, Portal.sroSeasonPage("2023", events, linkPrefix));
    }

    /** Brands Hatch lists practice, qualifying and both races; only race 1 is stubbed unless said. */
    private void brandsHatch() {
        Map<String, String> races = new LinkedHashMap<>();
        races.put("3300", "Free Practice");
        races.put("3301", "Qualifying 1");
        races.put("3302", "Race 1");
        html(BRANDS, Portal.sroEventPage(races));
    }

    private static String race(String event, String id) {
        return event + "?filter_race_id=" + id;
    }

    @Test
    void discoversTheRacesAndFilesThemUnderTheCalendarsSessionNames() {
        season("/", "brands-hatch", "spa", "misano");
        Map<String, String> brands = new LinkedHashMap<>();
        brands.put("3300", "Free Practice");
        brands.put("3301", "Qualifying 1");
        brands.put("3302", "Race 1");
        brands.put("3303", "Race 2");
        html(BRANDS, Portal.sroEventPage(brands));
        Map<String, String> spa = new LinkedHashMap<>();
        spa.put("4401", "Qualifying");
        spa.put("4402", "Main Race after 6 hours");
        spa.put("4405", "Main Race after 5.30 hours");
        spa.put("4403", "Main Race after 12 hours");
        spa.put("4404", "Main Race");
        html(SPA, Portal.sroEventPage(spa));
        for (String id : new String[]{"3301", "3302", "3303"}) site.stubFor(get(urlEqualTo(race(BRANDS, id))).willReturn(aResponse().withBody(PAGE)));
        for (String id : new String[]{"4401", "4402", "4403", "4404"}) site.stubFor(get(urlEqualTo(race(SPA, id))).willReturn(aResponse().withBody(PAGE)));

        PollResult r = harness.poll("europe");

        assertThat(r.failed()).isFalse();
        assertThat(harness.inboxFiles()).containsExactly(
                "gtwc-europe/2023/02_Brands Hatch/Qualifying 1/Qualifying 1_Official.html",
                RACE1,
                "gtwc-europe/2023/02_Brands Hatch/Race 2/Race 2_Official.html",
                "gtwc-europe/2023/04_Spa/Qualifying/Qualifying_Official.html",
                "gtwc-europe/2023/04_Spa/Race after 12 hours/Race after 12 hours_Official.html",
                "gtwc-europe/2023/04_Spa/Race after 6 hours/Race after 6 hours_Official.html",
                "gtwc-europe/2023/04_Spa/Race/Race_Official.html");
        assertThat(harness.read(RACE1)).isEqualTo(PAGE);
        site.verify(0, getRequestedFor(urlEqualTo(race(BRANDS, "3300"))));
        site.verify(0, getRequestedFor(urlEqualTo(race(SPA, "4405"))));
    }

    @Test
    void aSlugTheSeasonPageDoesNotListIsAConfigurationErrorNamingTheListedOnes() {
        // the season page lists the whole season; the feed says brands-hatch where the page has brands-hatch-2023
        season("/", "monza", "brands-hatch-2023", "spa");

        PollResult r = harness.poll("europe");

        assertThat(r.misconfigured()).isTrue();
        assertThat(r.faulted()).as("not a fault: nothing to retry, nothing for the breaker").isFalse();
        assertThat(r.misconfigurations()).singleElement().satisfies(m -> {
            assertThat(m.setting()).isEqualTo("slug");
            assertThat(m.value()).isEqualTo("brands-hatch");
            assertThat(m.offered()).containsExactly("monza", "brands-hatch-2023", "spa");
        });
        assertThat(r.problem()).isEqualTo("feed europe: slug \"brands-hatch\" is not on the season page http://127.0.0.1:"
                + site.getPort() + "/results/2023; it offers: monza, brands-hatch-2023, spa. Change config/feeds.yaml");
        // the page was read once; the wrong event is not asked for, the right one is
        site.verify(1, getRequestedFor(urlEqualTo(SEASON)));
        site.verify(0, getRequestedFor(urlEqualTo(BRANDS)));
        site.verify(1, getRequestedFor(urlEqualTo(SPA)));
        assertThat(harness.status.of("europe").orElseThrow().misconfigured()).isTrue();
    }

    @Test
    void aSeasonPageListingNoEventsYetIsNoConfigurationError() {
        season("/");

        PollResult r = harness.poll("europe");

        assertThat(r.failed()).as(String.valueOf(r.problem())).isFalse();
        assertThat(harness.inboxFiles()).isEmpty();
        site.verify(0, getRequestedFor(urlEqualTo(BRANDS)));
    }

    @Test
    void aRacePageAnswered304IsNotWrittenAgain() {
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withHeader("ETag", "\"p1\"").withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).withHeader("If-None-Match", equalTo("\"p1\""))
                .willReturn(aResponse().withStatus(304)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withStatus(404)));
        harness.poll("europe");
        harness.ingested(RACE1);

        PollResult second = harness.poll("europe");

        assertThat(second.count(FetchOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aChangedEtagBringsTheCorrectedPage() {
        season("/", "brands-hatch", "spa");
        brandsHatch();
        byte[] corrected = new String(PAGE, StandardCharsets.UTF_8).replace("1:01:12.345", "1:01:22.345").getBytes(StandardCharsets.UTF_8);
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withHeader("ETag", "\"p1\"").withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).withHeader("If-None-Match", equalTo("\"p1\""))
                .willReturn(aResponse().withHeader("ETag", "\"p2\"").withBody(corrected)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withStatus(404)));
        harness.poll("europe");
        harness.ingested(RACE1);

        PollResult second = harness.poll("europe");

        assertThat(second.fetched()).isEqualTo(1);
        assertThat(harness.read(RACE1)).isEqualTo(corrected);
    }

    @Test
    void aSeasonPageErrorIsRetriedUntilItAnswers() {
        site.stubFor(get(urlEqualTo(SEASON)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        Map<String, String> events = new LinkedHashMap<>();
        events.put("brands-hatch", "Brands Hatch");
        events.put("spa", "Spa");
        site.stubFor(get(urlEqualTo(SEASON)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(Portal.sroSeasonPage("2023", events, "/"))));
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).willReturn(aResponse().withBody(PAGE)));

        PollResult r = harness.poll("europe");

        assertThat(r.failed()).isFalse();
        assertThat(harness.inboxFiles()).hasSize(2);
        site.verify(2, getRequestedFor(urlEqualTo(SEASON)));
    }

    @Test
    void aRacePageTooSlowToArriveWritesNothing() {
        harness.close();
        harness = new PollHarness(dir.resolve("impatient"), feedsYaml("64KB", "1500ms"));
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).willReturn(aResponse().withBody(PAGE).withFixedDelay(4000)));

        PollResult r = harness.poll("europe");

        assertThat(r.failed()).isTrue();
        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly("gtwc-europe/2023/02_Brands Hatch/Qualifying 1/Qualifying 1_Official.html");
    }

    @Test
    void aTruncatedRacePageWritesNothing() {
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).willReturn(aResponse()
                .withHeader("Content-Length", String.valueOf(PAGE.length + 500)).withBody(PAGE)));

        PollResult r = harness.poll("europe");

        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly("gtwc-europe/2023/02_Brands Hatch/Qualifying 1/Qualifying 1_Official.html");
    }

    @Test
    void anOversizedRacePageIsDropped() {
        harness.close();
        harness = new PollHarness(dir.resolve("small"), feedsYaml("1KB"));
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withBody(PAGE)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).willReturn(aResponse().withBody(PAGE).withChunkedDribbleDelay(3, 20)));

        PollResult r = harness.poll("europe");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(2);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void anEventLinkToAnotherHostIsRefusedAndNotFollowed() {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("brands-hatch", "Brands Hatch");
        events.put("spa", "Spa");
        html(SEASON, Portal.sroSeasonPage("2023", events, "/").replace("href=\"/results/2023/brands-hatch\"",
                "href=\"http://localhost:" + site.getPort() + "/results/2023/brands-hatch\""));
        brandsHatch();

        PollResult r = harness.poll("europe");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
        site.verify(0, getRequestedFor(urlEqualTo(BRANDS)));
    }

    @Test
    void aRacePageRedirectedToAnotherHostIsRefused() {
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withStatus(404)));
        site.stubFor(get(urlEqualTo(race(BRANDS, "3302"))).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "https://elsewhere.example/results.html")));

        PollResult r = harness.poll("europe");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aRacePageWithoutResultsTableIsNotWritten() {
        season("/", "brands-hatch", "spa");
        brandsHatch();
        site.stubFor(get(urlEqualTo(race(BRANDS, "3301"))).willReturn(aResponse().withBody(PAGE)));
        html(race(BRANDS, "3302"), "<!DOCTYPE html><html><body><h2>Race 1</h2><p>Results will be published shortly.</p></body></html>");

        PollResult r = harness.poll("europe");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly("gtwc-europe/2023/02_Brands Hatch/Qualifying 1/Qualifying 1_Official.html");
    }

    @Test
    void anEventPageWithoutRaceListFailsThePoll() {
        season("/", "brands-hatch", "spa");
        html(BRANDS, "<!DOCTYPE html><html><body><p>Under maintenance</p></body></html>");

        PollResult r = harness.poll("europe");

        assertThat(r.failed()).isTrue();
        assertThat(r.problem()).contains("no race list");
        assertThat(harness.inboxFiles()).isEmpty();
    }
}
