package org.podium.poll;

import org.podium.support.Sha256;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A mirror feed (podium-index, mirror: true) against another Podium's feed index served by WireMock on loopback. */
class MirrorFeedTest {

    @RegisterExtension
    WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    private PollHarness harness;

    static final String PATH = "standings/alms/2023-24/drivers-overall.json";
    static final byte[] TABLE = "{\n  \"schema\" : \"podium.standings/1\",\n  \"version\" : 3\n}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void feed() {
        harness = new PollHarness(dir, """
                feeds:
                  - id: relay
                    series: alms
                    kind: podium-index
                    mirror: true
                    enabled: true
                    baseUrl: "http://127.0.0.1:%d/outbox/feed-index.json"
                    allowedHosts: [127.0.0.1]
                    cron: "0 0/5 * * * ?"
                    responseTimeout: 5s
                    retries: { attempts: 1, initialDelay: 10ms }
                """.formatted(server.getPort()));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    /** The index lists one document; {@code extra} is put into its entry (kind, version…). */
    private void index(String url, byte[] bytes, String extra) {
        server.stubFor(get(urlEqualTo("/outbox/feed-index.json")).willReturn(aResponse().withBody("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"%s","sha256":"%s","updated":"2024-02-10T18:00:00Z"%s}]}
                """.formatted(url, Sha256.hex(bytes), extra))));
    }

    @Test
    void aDocumentIsWrittenIntoTheOutboxAtItsPathAndVersionAndNotIntoTheInbox() throws Exception {
        index(PATH, TABLE, ",\"kind\":\"standings\",\"version\":3");
        server.stubFor(get(urlEqualTo("/outbox/" + PATH)).willReturn(aResponse().withBody(TABLE)));

        PollResult r = harness.poll("relay");

        assertThat(r.fetched()).isEqualTo(1);
        assertThat(Files.readAllBytes(harness.outbox.root().resolve(PATH))).isEqualTo(TABLE);
        assertThat(harness.outbox.entry(PATH)).hasValue(new Outbox.Entry(PATH, "standings", 3, Sha256.hex(TABLE),
                Instant.parse("2024-02-10T18:00:00Z")));
        assertThat(Files.readString(harness.outbox.root().resolve("index.json"))).contains(PATH);
        assertThat(harness.inboxFiles()).isEmpty();
    }

    @Test
    void anIndexWithoutKindOrVersionIsNoOutboxToMirror() {
        index(PATH, TABLE, "");
        server.stubFor(get(urlEqualTo("/outbox/" + PATH)).willReturn(aResponse().withBody(TABLE)));

        PollResult r = harness.poll("relay");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(r.problem()).contains("no kind or version");
        assertThat(Files.exists(harness.outbox.root().resolve(PATH))).isFalse();
        server.verify(0, getRequestedFor(urlEqualTo("/outbox/" + PATH)));
    }

    @Test
    void bytesThatAreNotTheIndexsHashAreNotWritten() {
        index(PATH, TABLE, ",\"kind\":\"standings\",\"version\":3");
        server.stubFor(get(urlEqualTo("/outbox/" + PATH)).willReturn(aResponse().withBody("{\"tampered\":true}")));

        PollResult r = harness.poll("relay");

        assertThat(r.failed()).isTrue();
        assertThat(r.problem()).contains("is not the");
        assertThat(Files.exists(harness.outbox.root().resolve(PATH))).isFalse();
        assertThat(harness.outbox.entry(PATH)).isEmpty();
    }

    @Test
    void anOlderVersionThanTheOutboxHoldsIsRefused() {
        byte[] newer = "{\"version\":5}".getBytes(StandardCharsets.UTF_8);
        harness.outbox.mirror(PATH, "standings", 5, Instant.parse("2024-02-11T10:00:00Z"), newer);
        index(PATH, TABLE, ",\"kind\":\"standings\",\"version\":3");
        server.stubFor(get(urlEqualTo("/outbox/" + PATH)).willReturn(aResponse().withBody(TABLE)));

        PollResult r = harness.poll("relay");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(1);
        assertThat(r.problem()).contains("holds version 5");
        assertThat(harness.outbox.entry(PATH).orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void aHiddenOrClimbingPathIsRefusedUnrequested() {
        server.stubFor(get(urlEqualTo("/outbox/feed-index.json")).willReturn(aResponse().withBody("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"standings/.drivers.json.tmp","sha256":"%1$s","kind":"standings","version":1},
                  {"url":"%%2e%%2e/config/feeds.yaml","sha256":"%1$s","kind":"standings","version":1},
                  {"url":"standings/../../etc/passwd","sha256":"%1$s","kind":"standings","version":1}]}
                """.formatted(Sha256.hex(TABLE)))));

        PollResult r = harness.poll("relay");

        assertThat(r.count(FetchOutcome.REFUSED)).isEqualTo(3);
        server.verify(1, anyRequestedFor(urlMatching(".*")));
        assertThat(harness.outbox.entries()).isEmpty();
    }

    @Test
    void theOtherPodiumsReportAndIndexesAreNotCopied() {
        server.stubFor(get(urlEqualTo("/outbox/feed-index.json")).willReturn(aResponse().withBody("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"report/index.html","sha256":"%1$s","kind":"report","version":7},
                  {"url":"index.json","sha256":"%1$s","kind":"standings","version":1}]}
                """.formatted(Sha256.hex(TABLE)))));

        PollResult r = harness.poll("relay");

        assertThat(r.failed()).isFalse();
        server.verify(1, anyRequestedFor(urlMatching(".*")));
        assertThat(harness.outbox.entries()).isEmpty();
    }

    @Test
    void whatTheOutboxAlreadyHoldsIsNotRequestedAgainButAFileRemovedSinceIs() throws Exception {
        index(PATH, TABLE, ",\"kind\":\"standings\",\"version\":3");
        server.stubFor(get(urlEqualTo("/outbox/" + PATH)).willReturn(aResponse().withBody(TABLE)));
        harness.poll("relay");

        assertThat(harness.poll("relay").count(FetchOutcome.SAME_HASH)).isEqualTo(1);
        server.verify(1, getRequestedFor(urlEqualTo("/outbox/" + PATH)));

        Files.delete(harness.outbox.root().resolve(PATH));
        assertThat(harness.poll("relay").fetched()).isEqualTo(1);
        assertThat(Files.readAllBytes(harness.outbox.root().resolve(PATH))).isEqualTo(TABLE);
    }
}
