package org.podium.poll;

import org.podium.support.Sha256;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The Podium feed index adapter against a WireMock index on loopback. */
class PodiumIndexFeedTest {

    @RegisterExtension
    WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private PollHarness harness;

    static final String INDEX = "/podium/index.json";
    static final String DOC = "/podium/2023-24/sepang-race-1.json";
    static final String IN_INBOX = "alms/2023-24/sepang-race-1.json";
    static final byte[] JSON = Portal.sample("podium/session-result.json");
    static final byte[] AMENDED = (new String(JSON, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

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
        return """
                feeds:
                  - id: partner
                    series: alms
                    kind: podium-index
                    enabled: true
                    baseUrl: "http://127.0.0.1:%d/podium/index.json"
                    allowedHosts: [127.0.0.1]
                    cron: "0 0/5 * * * ?"
                    maxBytes: %s
                    connectTimeout: 1s
                    responseTimeout: %s
                    retries: { attempts: 1, initialDelay: 10ms }
                """.formatted(server.getPort(), maxBytes, responseTimeout);
    }

    private void index(String url, byte[] document) {
        server.stubFor(get(urlEqualTo(INDEX)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"%s","sha256":"%s","updated":"2024-02-10T18:00:00Z"}]}
                """.formatted(url, Sha256.hex(document)))));
    }

    @Test
    void aListedDocumentIsFetchedBelowTheSeriesFolder() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.fetched()).isEqualTo(1);
        assertThat(harness.inboxFiles()).containsExactly(IN_INBOX);
        assertThat(harness.read(IN_INBOX)).isEqualTo(JSON);
    }

    @Test
    void aDocumentWhoseHashTheIndexStillGivesIsNotRequestedAgain() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON)));
        harness.poll("partner");
        harness.ingested(IN_INBOX);

        PollResult second = harness.poll("partner");

        assertThat(second.count(FetchOutcome.SAME_HASH)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo(DOC)));
    }

    @Test
    void aNewHashWithAChangedEtagBringsTheNewDocument() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withHeader("ETag", "\"d1\"").withBody(JSON)));
        server.stubFor(get(urlEqualTo(DOC)).withHeader("If-None-Match", equalTo("\"d1\""))
                .willReturn(aResponse().withHeader("ETag", "\"d2\"").withBody(AMENDED)));
        harness.poll("partner");
        harness.ingested(IN_INBOX);
        index("2023-24/sepang-race-1.json", AMENDED);

        PollResult second = harness.poll("partner");

        assertThat(second.fetched()).isEqualTo(1);
        assertThat(harness.read(IN_INBOX)).isEqualTo(AMENDED);
    }

    @Test
    void aDocumentAnswered304WritesNothing() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withHeader("ETag", "\"d1\"").withBody(JSON)));
        server.stubFor(get(urlEqualTo(DOC)).withHeader("If-None-Match", equalTo("\"d1\""))
                .willReturn(aResponse().withStatus(304)));
        harness.poll("partner");
        harness.ingested(IN_INBOX);
        index("2023-24/sepang-race-1.json", AMENDED);

        PollResult second = harness.poll("partner");

        assertThat(second.count(FetchOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aDocumentThatDoesNotMatchItsIndexHashIsNotWritten() {
        index("2023-24/sepang-race-1.json", AMENDED);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.failed()).isTrue();
        assertThat(r.problem()).contains("is not the");
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedUntilTheDocumentComes() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo(DOC)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.failed()).isFalse();
        assertThat(harness.inboxFiles()).containsExactly(IN_INBOX);
    }

    @Test
    void aDocumentTooSlowToArriveWritesNothing() {
        harness.close();
        harness = new PollHarness(dir.resolve("impatient"), feedsYaml("64KB", "1500ms"));
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON).withFixedDelay(4000)));

        PollResult r = harness.poll("partner");

        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aTruncatedDocumentWritesNothing() {
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse()
                .withHeader("Content-Length", String.valueOf(JSON.length + 100)).withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.count(FetchOutcome.FAILED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void anOversizedDocumentIsDropped() {
        harness.close();
        harness = new PollHarness(dir.resolve("small"), feedsYaml("1KB"));
        index("2023-24/sepang-race-1.json", JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void aDocumentOnAnotherHostIsRefused() {
        index("http://localhost:" + server.getPort() + DOC, JSON);
        server.stubFor(get(urlEqualTo(DOC)).willReturn(aResponse().withBody(JSON)));

        PollResult r = harness.poll("partner");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
        server.verify(0, getRequestedFor(urlEqualTo(DOC)));
    }

    @Test
    void aDocumentOutsideTheIndexFolderIsRefused() {
        index("../secrets/sepang-race-1.json", JSON);

        PollResult r = harness.poll("partner");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void anUnreadableIndexFailsThePoll() {
        server.stubFor(get(urlEqualTo(INDEX)).willReturn(aResponse().withBody("{\"schema\":\"podium.feed-index/2\",\"documents\":[]}")));

        PollResult r = harness.poll("partner");

        assertThat(r.failed()).isTrue();
        assertThat(r.problem()).contains("schema");
    }
}
