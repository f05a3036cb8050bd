package org.podium.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.AtomicFiles;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings from environment variables, as a container sets them: upper case, dots and dashes as
 * underscores. Each runs Podium in a JVM of its own, the only way to give it an environment.
 */
class EnvironmentSettingsTest {

    static final String SESSION = "alms/2023-24/01_Sepang/Race 1/";

    @TempDir Path dir;

    @Test
    void aDashedSettingIsSetByItsEnvironmentVariable() throws Exception {
        Path home = dir.resolve("home");
        AtomicFiles.write(home.resolve("inbox").resolve(SESSION + "03_Classification_Race 1_Official.CSV"),
                TestHome.sample("alkamel/elms-race-classification.CSV"));

        try (PodiumProcess p = PodiumProcess.classes().env("PODIUM_INBOX_MAX_FILE_SIZE", "5000")
                .env("PODIUM_INBOX_READ_LOCK_MIN_AGE", "0")
                .start(dir, "once", "once", "--home", home.toString())) {
            assertThat(p.exitCode(Duration.ofSeconds(120))).isEqualTo(1);
            assertThat(p.stderr()).contains("over the limit of 5000 bytes");
        }
    }

    @Test
    void theDaemonServesHealthAndTheOutboxOnThePortsTheEnvironmentGives() throws Exception {
        int port = HealthAndMetricsTest.freePort();
        int outboxPort = HealthAndMetricsTest.freePort();
        var http = java.net.http.HttpClient.newHttpClient();
        var health = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/observe/health/live")).build();
        java.nio.file.Files.createDirectories(dir.resolve("home"));
        try (PodiumProcess p = PodiumProcess.classes().env("PODIUM_MANAGEMENT_PORT", Integer.toString(port))
                .env("PODIUM_SERVE_PORT", Integer.toString(outboxPort))
                .start(dir, "run", "run", "--home", dir.resolve("home").toString())) {
            GracefulShutdownTest.waitUntil(() -> {
                try {
                    return http.send(health, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (java.io.IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, p, Duration.ofSeconds(120));
            assertThat(p.stderr()).contains("health at http://127.0.0.1:" + port + "/observe/health")
                    .contains("outbox at http://127.0.0.1:" + outboxPort + "/outbox/index.json");
            var feedIndex = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + outboxPort + "/outbox/feed-index.json")).build();
            assertThat(http.send(feedIndex, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theStoreIsChosenByPodiumDbUrl() throws Exception {
        Path home = dir.resolve("home");
        Path elsewhere = dir.resolve("elsewhere");
        TestHome.copyDemoConfig(home.resolve("config"));
        AtomicFiles.write(home.resolve("inbox").resolve(SESSION + "03_Classification_Race 1_Official.CSV"),
                TestHome.sample("alkamel/elms-race-classification.CSV"));

        try (PodiumProcess p = PodiumProcess.classes().env("PODIUM_DB_URL", "jdbc:h2:file:" + elsewhere.resolve("results"))
                .env("PODIUM_INBOX_READ_LOCK_MIN_AGE", "0")
                .start(dir, "once", "once", "--home", home.toString())) {
            assertThat(p.exitCode(Duration.ofSeconds(120))).isZero();
        }
        assertThat(elsewhere.resolve("results.mv.db")).exists();
        assertThat(home.resolve("data/podium.mv.db")).doesNotExist();
    }
}
