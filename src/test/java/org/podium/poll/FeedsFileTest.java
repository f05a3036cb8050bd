package org.podium.poll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.ConfigException;
import org.podium.championship.SeriesCatalog;
import org.podium.model.ResultStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsFileTest {

    static final SeriesCatalog SERIES = SeriesCatalog.load(Path.of("config/series"));

    private static final String ALMS = """
            feeds:
              - id: alms-test
                series: alms
                kind: alkamel-portal
                enabled: true
                baseUrl: "https://alms.alkamelsystems.com/"
                allowedHosts: [alms.alkamelsystems.com]
                season: "2023-24"
                portalSeason: "03_2023-2024"
                championship: ASIAN LE MANS SERIES
                events:
                  - { round: 1, event: Sepang, portalEvent: "01_Sepang" }
                  - { round: 2, event: Dubai,  portalEvent: "02_Dubai Autodrome" }
                cron: "0 0/10 * * * ?"
            """;

    private static Feeds parse(String yaml) {
        return FeedsFile.parse(yaml, "config/feeds.yaml", SERIES);
    }

    private static ConfigException problem(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no problem found in\n" + yaml);
    }

    @Test
    void theShippedFeedsFileLoadsWithEveryFeedDisabled() {
        Feeds feeds = FeedsFile.load(Path.of("config/feeds.yaml"), SERIES);
        assertThat(feeds.all()).extracting(Feed::id).containsExactly("alms-2023-24", "gtwc-europe-2023", "gtwc-asia-2023");
        assertThat(feeds.enabled()).isEmpty();
    }

    @Test
    void theShippedSroFeedsStateOfficialAsTheirResultStatus() {
        Feeds feeds = FeedsFile.load(Path.of("config/feeds.yaml"), SERIES);
        assertThat(feeds.require("gtwc-europe-2023").resultStatus()).isEqualTo(ResultStatus.OFFICIAL);
        assertThat(feeds.require("gtwc-asia-2023").resultStatus()).isEqualTo(ResultStatus.OFFICIAL);
    }

    private static final String RELAY = """
            feeds:
              - id: relay
                series: alms
                kind: podium-index
                enabled: true
                baseUrl: "https://podium.example.org/outbox/feed-index.json"
                allowedHosts: [podium.example.org]
                cron: "0/30 * * * * ?"
            """;

    @Test
    void aPodiumIndexFeedMirrorsOnlyWhenItSaysSo() {
        assertThat(parse(RELAY).require("relay").mirror()).isFalse();
        assertThat(parse(RELAY + "    mirror: true\n").require("relay").mirror()).isTrue();
        assertThat(problem(RELAY + "    mirror: yes\n").getMessage()).contains("mirror");
        assertThat(problem(ALMS + "    mirror: true\n").getMessage()).contains("feeds[0].mirror").contains("unknown key");
    }

    @Test
    void aFeedsTokenIsTheNameOfAVariableThatMustHoldIt() {
        String yaml = RELAY + "    tokenFrom: FEEDS_FILE_TEST_TOKEN\n";
        assertThat(problem(yaml).getMessage()).contains("feeds[0].tokenFrom")
                .contains("neither the environment variable FEEDS_FILE_TEST_TOKEN nor the system property");
        assertThat(problem(RELAY + "    tokenFrom: \"s3cret token\"\n").getMessage()).contains("the name of an environment variable");
        System.setProperty("FEEDS_FILE_TEST_TOKEN", "relay-secret");
        try {
            Feed f = parse(yaml).require("relay");
            assertThat(f.token()).isEqualTo("relay-secret");
            assertThat(f.toString()).doesNotContain("relay-secret");
        } finally {
            System.clearProperty("FEEDS_FILE_TEST_TOKEN");
        }
    }

    @Test
    void aMissingFeedsFileMeansNoFeeds(@TempDir Path dir) {
        assertThat(FeedsFile.load(dir.resolve("feeds.yaml"), SERIES).all()).isEmpty();
    }

    @Test
    void defaultsApplyWhereAFeedSaysNothing() {
        Feed f = parse("""
                defaults:
                  timeZone: Asia/Dubai
                  maxBytes: 512KB
                  connectTimeout: 2s
                  responseTimeout: PT5S
                  retries: { attempts: 2, initialDelay: 100ms, multiplier: 3, maxDelay: 1s }
                """ + ALMS).require("alms-test");
        assertThat(f.timeZone()).isEqualTo(ZoneId.of("Asia/Dubai"));
        assertThat(f.maxBytes()).isEqualTo(512 * 1024);
        assertThat(f.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(f.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(f.retries()).isEqualTo(new Retries(2, Duration.ofMillis(100), 3, Duration.ofSeconds(1)));
    }

    @Test
    void anEventTakesItsNameAndNamedSessionsFromTheCalendar() {
        Feed f = parse("""
                feeds:
                  - id: europe
                    series: gtwc-europe
                    kind: sro-results
                    enabled: false
                    baseUrl: "https://www.gt-world-challenge-europe.com"
                    allowedHosts: [www.gt-world-challenge-europe.com]
                    season: "2023"
                    resultStatus: official
                    events:
                      - { round: 4, event: spa, slug: spa-francorchamps }
                    cron: "0 0 * * * ?"
                """).require("europe");
        FeedEvent spa = f.events().get(0);
        assertThat(spa.inboxFolder()).isEqualTo("04_Spa");
        assertThat(spa.namesSession("Race after 6 hours")).isTrue();
        assertThat(spa.namesSession("Race after 5.30 hours")).isFalse();
        assertThat(f.sourceSeason()).isEqualTo("2023");
        assertThat(f.baseUrl().toString()).isEqualTo("https://www.gt-world-challenge-europe.com/");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysAllowed() {
        ConfigException e = problem(ALMS.replace("    cron:", "    crom: x\n    cron:"));
        assertThat(e.file()).isEqualTo("config/feeds.yaml");
        assertThat(e.keyPath()).isEqualTo("feeds[0].crom");
        assertThat(e.problem()).contains("unknown key");
    }

    @Test
    void aKeyOfAnotherKindIsRejected() {
        ConfigException e = problem(ALMS.replace("    cron:", "    resultStatus: OFFICIAL\n    cron:"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].resultStatus");
    }

    @Test
    void anUnknownSeriesIsRejected() {
        ConfigException e = problem(ALMS.replace("series: alms", "series: elms"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].series");
        assertThat(e.problem()).contains("unknown series \"elms\"");
    }

    @Test
    void aSeasonOutsideTheCalendarIsRejected() {
        ConfigException e = problem(ALMS.replace("season: \"2023-24\"", "season: \"2024-25\""));
        assertThat(e.keyPath()).isEqualTo("feeds[0].season");
    }

    @Test
    void aRoundOutsideTheCalendarIsRejected() {
        ConfigException e = problem(ALMS.replace("round: 2, event: Dubai", "round: 4, event: Dubai"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].events[1].round");
        assertThat(e.problem()).contains("no round 4");
    }

    @Test
    void anEventNameOtherThanTheCalendarsIsRejected() {
        ConfigException e = problem(ALMS.replace("event: Dubai,", "event: Dubai Autodrome,"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].events[1].event");
        assertThat(e.problem()).contains("\"Dubai\"");
    }

    @Test
    void aRoundListedTwiceIsRejected() {
        ConfigException e = problem(ALMS.replace("round: 2, event: Dubai", "round: 1, event: Sepang"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].events[1].round");
    }

    @Test
    void anInvalidCronIsRejected() {
        ConfigException e = problem(ALMS.replace("0 0/10 * * * ?", "every ten minutes"));
        assertThat(e.problem()).contains("Quartz cron");
    }

    @Test
    void anUnknownTimeZoneIsRejected() {
        ConfigException e = problem(ALMS.replace("    cron:", "    timeZone: Mars/Olympus\n    cron:"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].timeZone");
    }

    @Test
    void theBaseUrlsHostMustBeAllowed() {
        ConfigException e = problem(ALMS.replace("allowedHosts: [alms.alkamelsystems.com]", "allowedHosts: [fiawec.alkamelsystems.com]"));
        assertThat(e.problem()).contains("allowedHosts must include");
    }

    @Test
    void aFeedIdIsUsedOnce() {
        ConfigException e = problem(ALMS + ALMS.substring("feeds:\n".length()));
        assertThat(e.keyPath()).isEqualTo("feeds[1].id");
    }

    @Test
    void anSroSlugCannotHoldAPath() {
        ConfigException e = problem("""
                feeds:
                  - id: asia
                    series: gtwc-asia
                    kind: sro-results
                    enabled: false
                    baseUrl: "https://www.gt-world-challenge-asia.com/"
                    allowedHosts: [www.gt-world-challenge-asia.com]
                    season: "2023"
                    resultStatus: OFFICIAL
                    events:
                      - { round: 1, event: Buriram, slug: "../admin" }
                    cron: "0 0 * * * ?"
                """);
        assertThat(e.keyPath()).isEqualTo("feeds[0].events[0].slug");
    }

    @Test
    void anSroFeedMustSayItsResultStatus() {
        ConfigException e = problem("""
                feeds:
                  - id: asia
                    series: gtwc-asia
                    kind: sro-results
                    enabled: false
                    baseUrl: "https://www.gt-world-challenge-asia.com/"
                    allowedHosts: [www.gt-world-challenge-asia.com]
                    season: "2023"
                    events:
                      - { round: 1, event: Buriram, slug: buriram }
                    cron: "0 0 * * * ?"
                """);
        assertThat(e.keyPath()).isEqualTo("feeds[0].resultStatus");
    }

    @Test
    void aDurationWithoutUnitIsRejected() {
        ConfigException e = problem(ALMS.replace("    cron:", "    responseTimeout: 30\n    cron:"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].responseTimeout");
    }

    @Test
    void aKeyWrittenTwiceIsRejected() {
        ConfigException e = problem(ALMS.replace("    cron:", "    enabled: false\n    cron:"));
        assertThat(e.getMessage()).contains("config/feeds.yaml").contains("enabled");
    }

    @Test
    void yesIsNotTrue() {
        ConfigException e = problem(ALMS.replace("enabled: true", "enabled: yes"));
        assertThat(e.getMessage()).contains("config/feeds.yaml").contains("line 5, column 14")
                .contains("yes is not a value here: write true or false");
    }

    @Test
    void aSeasonIsTextNotANumber() {
        ConfigException e = problem(ALMS.replace("season: \"2023-24\"", "season: 2023"));
        assertThat(e.keyPath()).isEqualTo("feeds[0].season");
        assertThat(e.getMessage()).contains("must be text in quotes").contains("season: \"2023\"");
    }

    @Test
    void trueAndFalseAreAcceptedAsWrittenInAnyCase() {
        assertThat(parse(ALMS.replace("enabled: true", "enabled: True")).all()).singleElement()
                .satisfies(f -> assertThat(f.enabled()).isTrue());
    }
}
