package org.podium.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.support.Json;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A headless Chromium driven through chromedriver over the W3C WebDriver HTTP protocol, with the JDK's
 * HttpClient: start a session, open a URL, run a script, take a screenshot. The browser runs with a fresh
 * profile and with its background networking (updates, sync, metrics) switched off.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** What to install where the browser is missing (Debian package names). */
    public static final String INSTALL = "headless Chromium and chromedriver are not installed: "
            + "apt-get install -y chromium chromium-driver (or put chromium and chromedriver on the PATH)";

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;

    private HeadlessChromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** The browser and the driver, when both are on the PATH. */
    public static Optional<Path[]> find() {
        Optional<Path> driver = onPath("chromedriver");
        Optional<Path> browser = BROWSERS.stream().map(HeadlessChromium::onPath).flatMap(Optional::stream).findFirst();
        return driver.isPresent() && browser.isPresent() ? Optional.of(new Path[]{browser.get(), driver.get()}) : Optional.empty();
    }

    /**
     * Starts chromedriver on a free loopback port and a browser session with a fresh profile under
     * {@code workDir}; chromedriver's log goes to {@code workDir/chromedriver.log}.
     */
    public static HeadlessChromium start(Path workDir, int width, int height) {
        Path[] found = find().orElseThrow(() -> new IllegalStateException(INSTALL));
        try {
            Files.createDirectories(workDir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
            Process p = new ProcessBuilder(found[1].toString(), "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, base, p);

            ObjectNode options = Json.object();
            options.put("binary", found[0].toString());
            var args = options.putArray("args");
            for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars",
                    "--user-data-dir=" + workDir.resolve("profile").toAbsolutePath(),
                    "--window-size=" + width + "," + height)) {
                args.add(a);
            }
            ObjectNode caps = Json.object();
            ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
            always.put("browserName", "chrome");
            always.set("goog:chromeOptions", options);
            JsonNode created = send(http, "POST", base + "/session", caps, p);
            return new HeadlessChromium(p, base, created.path("sessionId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String url) {
        ObjectNode body = Json.object().put("url", url);
        call("POST", "/url", body);
    }

    /** Runs {@code script} (a function body: {@code return …}) in the page and returns its value. */
    public JsonNode script(String script) {
        ObjectNode body = Json.object().put("script", script);
        body.putArray("args");
        return call("POST", "/execute/sync", body);
    }

    /** The viewport as PNG bytes. */
    public byte[] screenshot() {
        return Base64.getDecoder().decode(call("GET", "/screenshot", null).asText());
    }

    /**
     * The whole page laid out {@code width} CSS pixels wide (as a phone when {@code mobile}), as PNG bytes:
     * the viewport is made as tall as the page (up to {@code maxHeight}) through the DevTools protocol.
     */
    public byte[] fullPageScreenshot(int width, boolean mobile, int maxHeight) {
        viewport(width, 900, mobile);
        int height = script("return Math.ceil(document.documentElement.scrollHeight)").asInt();
        viewport(width, Math.min(Math.max(height, 200), maxHeight), mobile);
        try {
            return screenshot();
        } finally {
            devtools("Emulation.clearDeviceMetricsOverride", Json.object());
        }
    }

    /**
     * Lays the page out {@code width} × {@code height} CSS pixels (as a phone when {@code mobile}) and waits
     * until the page's window has that width.
     */
    public void emulate(int width, int height, boolean mobile) {
        viewport(width, height, mobile);
        await("window.innerWidth === " + width, Duration.ofSeconds(30));
    }

    /** Back to the window's own size. */
    public void clearEmulation() {
        devtools("Emulation.clearDeviceMetricsOverride", Json.object());
    }

    /** Waits until the script expression {@code condition} is true in the page, checking every 50 ms. */
    public void await(String condition, Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> script("return !!(" + condition + ")").asBoolean());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("not within " + timeout + ": " + condition, e);
        }
    }

    private void viewport(int width, int height, boolean mobile) {
        devtools("Emulation.setDeviceMetricsOverride", Json.object().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", mobile));
    }

    /** A DevTools protocol command, through chromedriver's extension endpoint. */
    private JsonNode devtools(String command, ObjectNode params) {
        ObjectNode body = Json.object().put("cmd", command);
        body.set("params", params);
        return call("POST", "/goog/cdp/execute", body);
    }

    /** The text of an open user prompt (an {@code alert()}), if any. */
    public Optional<String> alertText() {
        try {
            return Optional.of(call("GET", "/alert/text", null).asText());
        } catch (WebDriverException e) {
            if (e.error.equals("no such alert")) return Optional.empty();
            throw e;
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        return send(http, method, base + "/session/" + session + path, body, driver);
    }

    private static JsonNode send(HttpClient http, String method, String url, JsonNode body, Process driver) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = Json.MAPPER.readTree(response.body());
            JsonNode value = json.path("value");
            if (response.statusCode() != 200) {
                throw new WebDriverException(value.path("error").asText("HTTP " + response.statusCode()),
                        method + " " + url + ": " + value.path("message").asText(new String(response.body())));
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed (chromedriver alive: " + driver.isAlive() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(HttpClient http, String base, Process driver) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!driver.isAlive()) throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && Json.MAPPER.readTree(r.body()).path("value").path("ready").asBoolean();
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("chromedriver did not become ready within 30 s", e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            send(http, "DELETE", base + "/session/" + session, null, driver);
        } catch (RuntimeException ignored) {
            // the driver is stopped below either way
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) driver.destroyForcibly();
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An error answered by the WebDriver server: {@code error} is the W3C error code. */
    public static final class WebDriverException extends RuntimeException {
        public final String error;

        WebDriverException(String error, String message) {
            super(error + ": " + message);
            this.error = error;
        }
    }
}
