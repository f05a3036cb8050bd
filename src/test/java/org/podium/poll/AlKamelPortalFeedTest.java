package org.podium.poll;

import com.github.tomakehurst.wiremock.http.Fault;
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
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The Al Kamel portal adapter against a WireMock portal on loopback. */
class AlKamelPortalFeedTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private PollHarness harness;

    static final String PAGE = "/?season=03_2023-2024&evvent=01_Sepang";
    static final String RACE_H3 = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "Hour 3/03_Classification_Race 1_Hour 3_Provisional.CSV");
    static final String RACE_H4 = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "Hour 4/03_Classification_Race 1_Hour 4_Official.CSV");
    static final String QUALI = Portal.link(Portal.SEASON, Portal.SEPANG, "202312020800_Qualifying 1", "03_Classification_Qualifying 1_Official.CSV");
    static final String ANALYSIS = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "23_Analysis_Race 1_Hour 4.CSV");
    static final String WEATHER = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "26_Weather_Race 1.CSV");
    static final String PRACTICE = Portal.link(Portal.SEASON, Portal.SEPANG, "202312010930_Free Practice 1", "03_Classification_Free Practice 1.CSV");
    static final String SUPPORT = "Results/03_2023-2024/01_Sepang/02_PORSCHE%20CARRERA%20CUP%20ASIA/202312021300_Race%201/03_Classification_Race%201_Official.CSV";

    static final String RACE_IN_INBOX = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Hour 4_Official.CSV";
    static final String QUALI_IN_INBOX = "alms/2023-24/01_Sepang/Qualifying 1/03_Classification_Qualifying 1_Official.CSV";

    static final byte[] CSV = Portal.sample("alkamel/elms-race-classification.CSV");
    static final byte[] WIDE = Portal.sample("alkamel/wec-session-classification-wide.CSV");

    @BeforeEach
    void feed() {
        harness = new PollHarness(dir, feedsYaml("64KB"));
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
        return Portal.feedsYaml("alms", portal.getPort(), "0 0/10 * * * ?", "maxBytes: " + maxBytes, "connectTimeout: 1s",
                "responseTimeout: " + responseTimeout, "retries: { attempts: 1, initialDelay: 10ms }");
    }

    private void page(String... links) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("PORSCHE CARRERA CUP ASIA", List.of(SUPPORT));
        tables.put(Portal.ALMS, List.of(links));
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(Portal.eventPage(tables))));
    }

    private void file(String link, byte[] body) {
        portal.stubFor(get(urlEqualTo(Portal.path(link))).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void discoversTheChampionshipsClassificationsAndDownloadsOnePerSession() {
        page(PRACTICE, QUALI, RACE_H3, RACE_H4, ANALYSIS, WEATHER);
        file(QUALI, WIDE);
        file(RACE_H4, CSV);

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).isFalse();
        assertThat(r.fetched()).isEqualTo(2);
        assertThat(harness.inboxFiles()).containsExactly(QUALI_IN_INBOX, RACE_IN_INBOX);
        assertThat(harness.read(RACE_IN_INBOX)).isEqualTo(CSV);
        assertThat(harness.read(QUALI_IN_INBOX)).isEqualTo(WIDE);
        for (String skipped : List.of(RACE_H3, ANALYSIS, WEATHER, PRACTICE, SUPPORT)) {
            portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(skipped))));
        }
    }

    @Test
    void everyRequestToThePortalClosesItsConnection() {
        page(RACE_H4);
        file(RACE_H4, CSV);

        harness.poll("alms");

        portal.verify(getRequestedFor(urlEqualTo(PAGE)).withHeader("Connection", equalTo("close")));
        portal.verify(getRequestedFor(urlEqualTo(Portal.path(RACE_H4))).withHeader("Connection", equalTo("close")));
    }

    @Test
    void aDocumentAnswered304IsNotWrittenAgain() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(CSV)));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        harness.poll("alms");
        harness.ingested(RACE_IN_INBOX);

        PollResult second = harness.poll("alms");

        assertThat(second.count(FetchOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aChangedEtagBringsTheNewBytes() {
        page(RACE_H4);
        byte[] amended = (new String(CSV, StandardCharsets.UTF_8) + "\r\n").getBytes(StandardCharsets.UTF_8);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(CSV)));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v2\"").withBody(amended)));
        harness.poll("alms");
        harness.ingested(RACE_IN_INBOX);

        PollResult second = harness.poll("alms");

        assertThat(second.fetched()).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly(RACE_IN_INBOX);
        assertThat(harness.read(RACE_IN_INBOX)).isEqualTo(amended);
    }

    @Test
    void theSameBytesAreNeverWrittenTwice() {
        page(RACE_H4);
        file(RACE_H4, CSV);
        harness.poll("alms");
        harness.ingested(RACE_IN_INBOX);

        PollResult second = harness.poll("alms");

        assertThat(second.count(FetchOutcome.SAME_HASH)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedUntilTheDocumentComes() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(CSV)));

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).isFalse();
        assertThat(harness.inboxFiles()).containsExactly(RACE_IN_INBOX);
        // the 503, the 200, and the 200 again: answering a Connection: close request, the server declares no
        // length, so the body is fetched twice and kept only because both are the same bytes
        portal.verify(3, getRequestedFor(urlEqualTo(Portal.path(RACE_H4))));
    }

    @Test
    void aDocumentTooSlowToArriveFailsThePollAndWritesNothing() {
        harness.close();
        harness = new PollHarness(dir.resolve("impatient"), feedsYaml("64KB", "1500ms"));
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withStatus(200).withBody(CSV).withFixedDelay(4000)));

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).isTrue();
        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
        portal.verify(2, getRequestedFor(urlEqualTo(Portal.path(RACE_H4))));
    }

    @Test
    void aBodyShorterThanItsContentLengthWritesNothing() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(CSV.length * 2)).withBody(CSV)));

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aConnectionCutMidBodyWritesNothing() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsDroppedWhileItIsRead() {
        harness.close();
        harness = new PollHarness(dir.resolve("small"), feedsYaml("4KB"));
        page(RACE_H4, QUALI);
        // No Content-Length: the limit can only be seen while reading.
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withStatus(200).withBody(CSV)
                .withChunkedDribbleDelay(4, 20)));
        file(QUALI, WIDE);

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(2);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aLinkToAnotherHostIsRefusedAndTheRestIsFetched() {
        String foreign = "http://localhost:" + portal.getPort() + "/" + QUALI;
        page(foreign, RACE_H4);
        file(RACE_H4, CSV);
        file(QUALI, WIDE);

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly(RACE_IN_INBOX);
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(QUALI))));
    }

    @Test
    void aLinkClimbingOutOfThePortalIsRefused() {
        String climbing = "Results/03_2023-2024/01_Sepang/%2e%2e/%2e%2e/%2e%2e/202312021030_Race%201/03_Classification_Race%201.CSV";
        page(climbing);

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsRefused() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://localhost:" + portal.getPort() + "/mirror/race.CSV")));

        PollResult r = harness.poll("alms");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
        portal.verify(0, getRequestedFor(urlEqualTo("/mirror/race.CSV")));
    }

    @Test
    void aRedirectWithinThePortalIsFollowed() {
        page(RACE_H4);
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withStatus(301).withHeader("Location", "/Results/moved.CSV")));
        portal.stubFor(get(urlEqualTo("/Results/moved.CSV")).willReturn(aResponse().withStatus(200).withBody(CSV)));

        harness.poll("alms");

        assertThat(harness.inboxFiles()).containsExactly(RACE_IN_INBOX);
    }

    @Test
    void aPortalAnswerForAnotherEventWritesNothing() {
        String dubai = "Results/03_2023-2024/02_Dubai%20Autodrome/01_ASIAN%20LE%20MANS%20SERIES/202402041400_Race/03_Classification_Race_Official.CSV";
        page(dubai);
        file(dubai, CSV);

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).isTrue();
        assertThat(r.problem()).contains("answered twice with links for another season or event");
        assertThat(harness.inboxFiles()).isEmpty();
        portal.verify(2, getRequestedFor(urlEqualTo(PAGE)));
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(dubai))));
    }

    @Test
    void aPortalThatAnswersOnceForAnotherEventIsAskedAgainAndThePollSucceeds() {
        String dubai = "Results/03_2023-2024/02_Dubai%20Autodrome/01_ASIAN%20LE%20MANS%20SERIES/202402041400_Race/03_Classification_Race_Official.CSV";
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put(Portal.ALMS, List.of(dubai));
        Map<String, List<String>> right = new LinkedHashMap<>();
        right.put(Portal.ALMS, List.of(RACE_H4));
        portal.stubFor(get(urlEqualTo(PAGE)).inScenario("stateful").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody(Portal.eventPage(wrong))).willSetStateTo("ours"));
        portal.stubFor(get(urlEqualTo(PAGE)).inScenario("stateful").whenScenarioStateIs("ours")
                .willReturn(aResponse().withBody(Portal.eventPage(right))));
        file(RACE_H4, CSV);

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).as(String.valueOf(r.problem())).isFalse();
        assertThat(harness.inboxFiles()).containsExactly(RACE_IN_INBOX);
        portal.verify(2, getRequestedFor(urlEqualTo(PAGE)));
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(dubai))));
    }

    @Test
    void aFailedPollIsInTheFeedStatusWithItsNextFireTime() {
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withStatus(500)));

        harness.poll("alms");

        FeedStatus.State s = harness.status.of("alms").orElseThrow();
        assertThat(s.lastError()).contains("answered 500");
        assertThat(s.lastSuccessAt()).isNull();
        assertThat(s.nextFireAt()).isNotNull();
    }

    // --- settings the portal's own page contradicts ---

    static final List<String> SEASONS = List.of("01_2021", "02_2022", Portal.SEASON);
    static final List<String> EVENTS = List.of(Portal.SEPANG, "02_Dubai Autodrome", "03_Yas Marina");

    /** A harness whose feed reads {@code from} as {@code to} in its settings, with retries that would show. */
    private void feedWith(String from, String to) {
        harness.close();
        harness = new PollHarness(dir.resolve("wrong"), Portal.feedsYaml("alms", portal.getPort(), "0 0/10 * * * ?",
                "connectTimeout: 1s", "responseTimeout: 5s", "retries: { attempts: 3, initialDelay: 10ms }").replace(from, to));
    }

    /** What the portal answers at {@code url}: its season and event lists, {@code selected} shown, with Sepang's tables. */
    private void pageAt(String url, String selectedSeason, String selectedEvent) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("PORSCHE CARRERA CUP ASIA", List.of(SUPPORT));
        tables.put(Portal.ALMS, List.of(RACE_H4));
        portal.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Portal.eventPage(SEASONS, selectedSeason, EVENTS, selectedEvent, tables))));
        file(RACE_H4, CSV);
    }

    @Test
    void aPortalEventThePageDoesNotOfferIsAConfigurationErrorFoundWithOneRequest() {
        feedWith("portalEvent: \"01_Sepang\"", "portalEvent: \"02_Dubai\"");
        // asked for an event it does not have, the portal shows the season's first one
        pageAt("/?season=03_2023-2024&evvent=02_Dubai", Portal.SEASON, Portal.SEPANG);

        PollResult r = harness.poll("alms");

        assertThat(r.misconfigured()).isTrue();
        assertThat(r.faulted()).isFalse();
        assertThat(r.problem()).isEqualTo("feed alms: portalEvent \"02_Dubai\" is not on the portal's season 03_2023-2024 page; "
                + "it offers: 01_Sepang, 02_Dubai Autodrome, 03_Yas Marina. Change config/feeds.yaml");
        assertThat(r.requests()).as("the page, read once: no retry, no second asking").isEqualTo(1);
        portal.verify(1, getRequestedFor(urlEqualTo("/?season=03_2023-2024&evvent=02_Dubai")));
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(RACE_H4))));
        assertThat(harness.inboxFiles()).isEmpty();
        FeedStatus.State s = harness.status.of("alms").orElseThrow();
        assertThat(s.misconfigured()).isTrue();
        assertThat(s.lastCause()).contains("portalEvent \"02_Dubai\"");
    }

    @Test
    void aPortalSeasonThePageDoesNotOfferIsAConfigurationError() {
        feedWith("portalSeason: \"03_2023-2024\"", "portalSeason: \"03_2023-24\"");
        pageAt("/?season=03_2023-24&evvent=01_Sepang", Portal.SEASON, Portal.SEPANG);

        PollResult r = harness.poll("alms");

        assertThat(r.misconfigurations()).singleElement().satisfies(m -> {
            assertThat(m.setting()).isEqualTo("portalSeason");
            assertThat(m.value()).isEqualTo("03_2023-24");
            assertThat(m.offered()).containsExactly("01_2021", "02_2022", "03_2023-2024");
        });
        assertThat(r.problem()).isEqualTo("feed alms: portalSeason \"03_2023-24\" is not on the portal's season list; "
                + "it offers: 01_2021, 02_2022, 03_2023-2024. Change config/feeds.yaml");
        assertThat(r.requests()).isEqualTo(1);
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(RACE_H4))));
    }

    @Test
    void aChampionshipNoTableNamesIsAConfigurationErrorListingThePagesChampionships() {
        feedWith("championship: ASIAN LE MANS SERIES", "championship: ASIAN LEMANS SERIES");
        pageAt(PAGE, Portal.SEASON, Portal.SEPANG);

        PollResult r = harness.poll("alms");

        assertThat(r.problem()).isEqualTo("feed alms: championship \"ASIAN LEMANS SERIES\" is not on the portal's "
                + "03_2023-2024/01_Sepang page; it offers: ASIAN LE MANS SERIES, PORSCHE CARRERA CUP ASIA. Change config/feeds.yaml");
        assertThat(r.faulted()).isFalse();
        assertThat(r.requests()).isEqualTo(1);
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(RACE_H4))));
        portal.verify(0, getRequestedFor(urlEqualTo(Portal.path(SUPPORT))));
    }

    @Test
    void anEventNumberedAfterEveryListedOneIsNotOnThePortalYetAndNoError() {
        feedWith("      - { round: 1, event: Sepang, portalEvent: \"01_Sepang\" }",
                "      - { round: 1, event: Sepang, portalEvent: \"01_Sepang\" }\n      - { round: 3, event: Abu Dhabi, portalEvent: \"03_Yas Marina\" }");
        Map<String, List<String>> tables = Map.of(Portal.ALMS, List.of(RACE_H4));
        List<String> soFar = List.of(Portal.SEPANG, "02_Dubai Autodrome");
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse()
                .withBody(Portal.eventPage(SEASONS, Portal.SEASON, soFar, Portal.SEPANG, tables))));
        portal.stubFor(get(urlEqualTo("/?season=03_2023-2024&evvent=03_Yas%20Marina")).willReturn(aResponse()
                .withBody(Portal.eventPage(SEASONS, Portal.SEASON, soFar, Portal.SEPANG, tables))));
        // with its length declared, a document is fetched once
        portal.stubFor(get(urlEqualTo(Portal.path(RACE_H4))).willReturn(aResponse().withBody(CSV)
                .withHeader("Content-Length", String.valueOf(CSV.length))));

        PollResult r = harness.poll("alms");

        assertThat(r.failed()).as(String.valueOf(r.problem())).isFalse();
        assertThat(r.fetched()).isEqualTo(1);
        // Sepang's page and file, Yas Marina's page once: its links, Sepang's, are not asked for again
        portal.verify(1, getRequestedFor(urlEqualTo("/?season=03_2023-2024&evvent=03_Yas%20Marina")));
        assertThat(r.requests()).isEqualTo(3);
    }
}
