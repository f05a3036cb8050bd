package org.podium.app;

import org.podium.support.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.outbox.Outbox;
import org.podium.poll.FeedIndex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox API of the daemon (routes/6-serve.yaml) over real HTTP on a free loopback port, on a home where
 * the first round of the demo season is published: documents with their ETag and 304, the indexes, every
 * way of asking for a file that is not an outbox document, and the bearer token.
 */
class OutboxApiTest {

    @TempDir
    static Path dir;
    static TestHome home;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void publishTheFirstRound() throws Exception {
        port = HealthAndMetricsTest.freePort();
        home = serving(new TestHome(dir.resolve("first"), "h2"), port).start();
        for (String step : Bundled.lines("demo/steps.txt").subList(0, 2)) {
            Bundled.copyTree("demo/steps/" + step, home.home.inbox(), false);
        }
        home.awaitIdle();
    }

    @AfterAll
    static void stop() throws Exception {
        if (home != null) home.close();
    }

    /** The outbox API on {@code port}, as run serves it. */
    static TestHome serving(TestHome home, int port) {
        return home.with("camel.server.enabled", "true").with("podium.serve.port", Integer.toString(port));
    }

    @Test
    void aDocumentComesWithItsSha256AsETagAndA304WhenUnchanged() throws Exception {
        String path = standingsPath();
        byte[] file = Files.readAllBytes(home.outbox(path));
        HttpResponse<byte[]> ok = get(port, "/outbox/" + path, Map.of());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(file);
        String etag = ok.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + Sha256.hex(file) + "\"").isEqualTo("\"" + indexed(path).path("sha256").asText() + "\"");
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ok.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<byte[]> again = get(port, "/outbox/" + path, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> other = get(port, "/outbox/" + path, Map.of("If-None-Match", "\"" + "0".repeat(64) + "\""));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(file);
    }

    @Test
    void aNoticeIsCachedForAYearAndItsTextIsMarkdown() throws Exception {
        String md = TestHome.files(home.outbox("notices")).stream().filter(f -> f.endsWith(".md")).findFirst().orElseThrow();
        HttpResponse<byte[]> r = get(port, "/outbox/notices/" + md, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(home.outbox("notices/" + md)));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, immutable");
    }

    @Test
    void theOutboxIndexIsServedAsWritten() throws Exception {
        HttpResponse<byte[]> r = get(port, "/outbox/index.json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(home.outbox("index.json")));
        assertThat(Json.MAPPER.readTree(r.body()).path("schema").asText()).isEqualTo(Outbox.INDEX_SCHEMA);
    }

    @Test
    void theFeedIndexListsEveryDocumentWithItsHashAndEachUrlServesThoseBytes() throws Exception {
        HttpResponse<byte[]> r = get(port, "/outbox/feed-index.json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        FeedIndex index = FeedIndex.parse(r.body());
        List<String> listed = new ArrayList<>();
        for (JsonNode f : Json.MAPPER.readTree(Files.readAllBytes(home.outbox("index.json"))).path("files")) listed.add(f.path("path").asText());
        assertThat(index.documents()).extracting(FeedIndex.Document::url).containsExactlyInAnyOrderElementsOf(listed);
        URI base = URI.create("http://127.0.0.1:" + port + "/outbox/feed-index.json");
        for (FeedIndex.Document d : index.documents()) {
            HttpResponse<byte[]> doc = HTTP.send(HttpRequest.newBuilder(base.resolve(d.url())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(doc.statusCode()).as(d.url()).isEqualTo(200);
            assertThat(Sha256.hex(doc.body())).as(d.url()).isEqualTo(d.sha256());
        }
        // unchanged outbox, unchanged index: its ETag answers a 304
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(get(port, "/outbox/feed-index.json", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void nothingOutsideTheOutboxNorAnythingItsLedgerDoesNotRecordIsServed() throws Exception {
        Path outbox = home.home.outbox();
        Path secret = home.home.config().resolve("feeds.yaml");
        String secretText = Files.readString(secret);
        Outbox ledger = home.bean("outbox", Outbox.class);
        // a link to a file, and a folder that is a link, both recorded in the ledger as if published
        Files.createSymbolicLink(outbox.resolve("standings/leak.json"), secret);
        ledger.record("standings/leak.json", "standings", Files.readAllBytes(secret));
        Files.createSymbolicLink(outbox.resolve("linked"), home.home.config());
        ledger.record("linked/feeds.yaml", "standings", Files.readAllBytes(secret));
        // a temporary being written, and a file no publication recorded
        String standings = standingsPath();
        String folder = standings.substring(0, standings.lastIndexOf('/'));
        Files.writeString(outbox.resolve(folder + "/.overall.json.0a1b.tmp"), secretText);
        Files.writeString(outbox.resolve(folder + "/leftover.json"), secretText);

        List<String> attacks = List.of(
                "/outbox/%2e%2e/config/feeds.yaml",
                "/outbox/%2E%2E%2Fconfig%2Ffeeds.yaml",
                "/outbox/" + folder + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/config/feeds.yaml",
                "/outbox/%252e%252e/config/feeds.yaml",
                "/outbox/%252E%252E%252Fconfig%252Ffeeds.yaml",
                "/outbox/..%2fconfig/feeds.yaml",
                "/outbox/../config/feeds.yaml",
                "/outbox/..\\config\\feeds.yaml",
                "/outbox/%5c..%5cconfig%5cfeeds.yaml",
                "/outbox/" + folder + "\\..\\..\\..\\..\\config\\feeds.yaml",
                "/outbox/" + secret,
                "/outbox//etc/passwd",
                "/outbox/%2fetc%2fpasswd",
                "/outbox/standings/leak.json",
                "/outbox/linked/feeds.yaml",
                "/outbox/" + folder + "/.overall.json.0a1b.tmp",
                "/outbox/" + folder + "/%2eoverall.json.0a1b.tmp",
                "/outbox/" + folder + "/leftover.json");
        for (String attack : attacks) {
            Raw r = raw(port, attack, null);
            assertThat(r.status()).as(attack).isIn(400, 404);
            assertThat(r.body()).as(attack).doesNotContain("allowedHosts").doesNotContain("root:")
                    .doesNotContain(dir.toString()).doesNotContain("Exception").doesNotContain("java.");
        }
        // the same request for a real document is served: what is refused is the path, not the server
        assertThat(raw(port, "/outbox/" + standings, null).status()).isEqualTo(200);
    }

    @Test
    void withATokenARequestWithoutItOrWithAnotherIs401() throws Exception {
        int tokenPort = HealthAndMetricsTest.freePort();
        try (TestHome guarded = serving(new TestHome(dir.resolve("guarded"), "h2"), tokenPort)
                .with("podium.serve.token", "s3cret-token").start()) {
            guarded.home.outbox();
            Raw none = raw(tokenPort, "/outbox/index.json", null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.head()).containsIgnoringCase("WWW-Authenticate: Bearer");
            assertThat(raw(tokenPort, "/outbox/index.json", "Bearer wrong-token").status()).isEqualTo(401);
            assertThat(raw(tokenPort, "/outbox/index.json", "Bearer s3cret-token-and-more").status()).isEqualTo(401);
            assertThat(raw(tokenPort, "/outbox/index.json", "Basic czNjcmV0LXRva2Vu").status()).isEqualTo(401);
            // the right token reaches the outbox: the feed index, and a document's absence (no index written yet)
            Raw feed = raw(tokenPort, "/outbox/feed-index.json", "Bearer s3cret-token");
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.head()).containsIgnoringCase("Cache-Control: private, no-cache");
            assertThat(raw(tokenPort, "/outbox/feed-index.json", "bearer s3cret-token").status()).isEqualTo(200);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runOnAnAddressOtherThanLoopbackWithoutATokenExits3NamingTheKey() throws Exception {
        Path h = Files.createDirectories(dir.resolve("open"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(new String[]{"run", "--home", h.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("podium.serve.host", "0.0.0.0",
                        "podium.serve.port", Integer.toString(HealthAndMetricsTest.freePort()),
                        "podium.management.port", Integer.toString(HealthAndMetricsTest.freePort())));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("podium.serve.token").contains("PODIUM_SERVE_TOKEN")
                .contains("\"0.0.0.0\"");
    }

    @Test
    void aCommandThatEndsByItselfServesNothing() throws Exception {
        int quiet = HealthAndMetricsTest.freePort();
        try (TestHome once = new TestHome(dir.resolve("once"), "h2").with("podium.serve.port", Integer.toString(quiet)).start()) {
            assertThat(once.engine().context().getRoute("serve-outbox")).isNotNull();
            assertThatThrownBy(() -> raw(quiet, "/outbox/index.json", null)).isInstanceOf(ConnectException.class);
        }
    }

    static String standingsPath() throws IOException {
        return "standings/" + TestHome.files(home.outbox("standings")).stream().filter(f -> f.endsWith(".json")).findFirst().orElseThrow();
    }

    static JsonNode indexed(String path) throws IOException {
        for (JsonNode f : Json.MAPPER.readTree(Files.readAllBytes(home.outbox("index.json"))).path("files")) {
            if (f.path("path").asText().equals(path)) return f;
        }
        throw new AssertionError(path + " is not in index.json");
    }

    static HttpResponse<byte[]> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    record Raw(int status, String head, String body) {}

    /** A GET with the request target exactly as given (an HTTP client would refuse or re-encode some of them). */
    static Raw raw(int port, String target, String authorization) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }
}
