package org.podium.app;

import org.podium.support.AtomicFiles;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.poll.Portal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code once} polls the feeds that are due, before it drains the inbox, and says so in its exit code. */
class OnceFeedsTest {

    @RegisterExtension
    WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    static final String PAGE = "/?season=03_2023-2024&evvent=01_Sepang";
    static final String RACE = Portal.link(Portal.SEASON, Portal.SEPANG, "202312021030_Race 1", "03_Classification_Race 1_Official.CSV");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A feed whose cron fires once a year: polled by the first run, not due for the next. */
    private void home() throws Exception {
        TestHome.copyTree(Path.of("routes"), dir.resolve("routes"));
        TestHome.copyDemoConfig(dir.resolve("config"));
        Files.writeString(dir.resolve("config/feeds.yaml"), Portal.feedsYaml("alms-once", portal.getPort(), "0 0 0 1 1 ?",
                "responseTimeout: 5s", "retries: { attempts: 1, initialDelay: 10ms }"));
    }

    private int once() {
        return Commands.run(new String[]{"once", "--home", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, Map.of("podium.inbox.read-lock-min-age", "100", "podium.inbox.poll-delay", "100"));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDueFeedIsPolledAndWhatItBringsIsIngestedInTheSameRun() throws Exception {
        home();
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(RACE))))));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE))).willReturn(aResponse().withBody(Portal.sample("alkamel/elms-race-classification.CSV"))));

        int code = once();

        assertThat(code).isZero();
        assertThat(printed()).contains("feed alms-once: 1 fetched").contains("1 file(s) ingested");
        assertThat(dir.resolve("outbox/results/alms/2023-24/01-race-1.json")).isRegularFile();
    }

    @Test
    void aFeedPolledSinceItsCronLastFiredIsNotPolledAgain() throws Exception {
        home();
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of())))));
        once();

        int code = once();

        assertThat(code).isZero();
        portal.verify(1, getRequestedFor(urlEqualTo(PAGE)));
    }

    @Test
    void onceNeverStartsTheScheduleEvenForAFeedOnAOneSecondCron() throws Exception {
        home();
        Files.writeString(dir.resolve("config/feeds.yaml"), Portal.feedsYaml("alms-once", portal.getPort(), "* * * * * ?",
                "responseTimeout: 5s", "retries: { attempts: 1, initialDelay: 10ms }"));
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withBody(Portal.eventPage(Map.of(Portal.ALMS, List.of(RACE))))));
        portal.stubFor(get(urlEqualTo(Portal.path(RACE))).willReturn(aResponse().withBody(Portal.sample("alkamel/elms-race-classification.CSV"))));
        // a file in the inbox keeps the run busy past the next fire of the cron
        for (int i = 0; i < 20; i++) {
            org.podium.support.AtomicFiles.write(dir.resolve("inbox/alms/2023-24/01_Sepang/Race 2/copy-" + i + ".CSV"),
                    Portal.sample("alkamel/elms-race-classification.CSV"));
        }
        long started = System.nanoTime();

        int code = once();

        assertThat(code).isZero();
        assertThat(System.nanoTime() - started).as("the run outlasted a fire of the cron").isGreaterThan(1_000_000_000L);
        // one poll: the event page once and the document once (fetched twice only when no length is declared)
        portal.verify(1, getRequestedFor(urlEqualTo(PAGE)));
        assertThat(printed()).containsOnlyOnce("feed alms-once:").contains("feed alms-once: 1 fetched");
    }

    @Test
    void aPortalThatRefusesConnectionsFailsThePollAtOnceWithoutTheBackoffLadder() throws Exception {
        home();
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { closed = socket.getLocalPort(); }
        // a ladder of 3 retries from 5 s would take 35 s per request
        Files.writeString(dir.resolve("config/feeds.yaml"), Portal.feedsYaml("alms-once", closed, "0 0 0 1 1 ?",
                "responseTimeout: 5s", "retries: { attempts: 3, initialDelay: 5s, multiplier: 2, maxDelay: 20s }"));
        long started = System.nanoTime();

        int code = once();

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "once, the portal refusing connections: exit %d after %.1f s%n", code, seconds);
        assertThat(code).isEqualTo(Commands.FEED_FAILED);
        assertThat(printed()).contains("feed alms-once:").contains("FAILED").containsIgnoringCase("refused");
        assertThat(seconds).as("seconds from start to exit").isLessThan(30);
    }

    @Test
    void withEveryFeedsServerDownAtTheShippedSettingsOnceExitsTwoWellUnderAMinute() throws Exception {
        home();
        // the shipped calendars, which the shipped feeds' events must match
        TestHome.copyTree(Path.of("config/series"), dir.resolve("config/series"));
        // the shipped feeds file as it is (its defaults: 10 s to connect, 30 s to answer, 3 retries from 5 s),
        // every feed enabled and pointed at a loopback port nothing listens on
        String yaml = Files.readString(Path.of("config/feeds.yaml")).replace("enabled: false", "enabled: true")
                .replaceAll("allowedHosts: \\[[^]]*]", "allowedHosts: [127.0.0.1]");
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("(?m)^( +)baseUrl: \"https://[^\"]+\"").matcher(yaml);
        StringBuilder down = new StringBuilder();
        int feeds = 0;
        while (url.find()) {
            url.appendReplacement(down, "$1baseUrl: \"http://127.0.0.1:" + closedPort() + "/\"");
            feeds++;
        }
        url.appendTail(down);
        Files.writeString(dir.resolve("config/feeds.yaml"), down.toString());
        long started = System.nanoTime();

        int code = once();

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "once, every feed's server down (%d feeds, shipped settings): exit %d after %.1f s%n",
                feeds, code, seconds);
        assertThat(feeds).isEqualTo(3);
        assertThat(code).isEqualTo(Commands.FEED_FAILED);
        assertThat(printed()).contains("feed(s) failed: alms-2023-24, gtwc-asia-2023, gtwc-europe-2023");
        assertThat(seconds).as("seconds from start to exit").isLessThan(30);
    }

    @Test
    void aSettingThePortalsPageContradictsExitsThreeNamingTheFeedTheSettingAndTheValuesOffered() throws Exception {
        home();
        Path feeds = dir.resolve("config/feeds.yaml");
        Files.writeString(feeds, Files.readString(feeds).replace("portalEvent: \"01_Sepang\"", "portalEvent: \"02_Dubai\"")
                .replace("attempts: 1", "attempts: 3"));
        portal.stubFor(get(urlEqualTo("/?season=03_2023-2024&evvent=02_Dubai")).willReturn(aResponse().withBody(Portal.eventPage(
                List.of(Portal.SEASON), Portal.SEASON, List.of(Portal.SEPANG, "02_Dubai Autodrome", "03_Yas Marina"), Portal.SEPANG,
                Map.of(Portal.ALMS, List.of(RACE))))));

        int code = once();

        assertThat(code).isEqualTo(Commands.CONFIGURATION);
        assertThat(printed()).contains("feed alms-once: 0 fetched").contains("; CONFIGURATION ERROR: feed alms-once: portalEvent "
                        + "\"02_Dubai\" is not on the portal's season 03_2023-2024 page; it offers: 01_Sepang, 02_Dubai Autodrome, "
                        + "03_Yas Marina. Change config/feeds.yaml")
                .contains("feed(s) misconfigured: alms-once").doesNotContain("feed(s) failed");
        // the page read once: nothing retried, the other event's links not followed
        portal.verify(1, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    private static int closedPort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { return socket.getLocalPort(); }
    }

    @Test
    void aFailedFeedExitsWithTwo() throws Exception {
        home();
        portal.stubFor(get(urlEqualTo(PAGE)).willReturn(aResponse().withStatus(503)));

        int code = once();

        assertThat(code).isEqualTo(Commands.FEED_FAILED);
        assertThat(printed()).contains("feed alms-once:").contains("FAILED").contains("answered 503");
    }

    @Test
    void aBadFeedsFileStopsPodiumNamingTheFileAndKey() throws Exception {
        home();
        Path feeds = dir.resolve("config/feeds.yaml");
        Files.writeString(feeds, Files.readString(feeds).replace("round: 1, event: Sepang", "round: 7, event: Sepang"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Commands.run(new String[]{"once", "--home", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertThat(code).isEqualTo(Commands.CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("feeds.yaml").contains("feeds[0].events[0].round")
                .contains("no round 7");
    }
}
