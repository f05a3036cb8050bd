package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.outbox.AtomicFiles;
import org.podium.outbox.Json;
import org.podium.reliability.Figures;
import org.podium.store.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances, each a JVM of its own, on one PostgreSQL database, sharing one inbox and one outbox,
 * with a feed polled every two seconds: 2 000 files dropped at once, one instance killed with SIGKILL
 * mid-run. Every file is processed once, every notice published once, and no trigger fires twice.
 */
@Tag("reliability")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SeveralInstancesTest {

    /** 2 000 files; 6 000 in the soak run. */
    static final int FILES = Figures.soak() ? 6000 : 2000;

    @Test
    void threeInstancesOnePostgresNoFileNoticeOrPollTwice(@TempDir Path dir) throws Exception {
        String base = TestDatabases.postgresUrl();
        Assumptions.assumeTrue(base != null, TestDatabases.PG_ENV
                + " is not set: the several-instances test needs a real PostgreSQL (CI sets it; see .ci/run)");
        String url = TestDatabases.freshUrl("postgresql", dir);

        WireMockServer feed = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        feed.start();
        try {
            feed.stubFor(get(urlEqualTo("/podium/index.json")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"schema\":\"podium.feed-index/1\",\"documents\":[]}")));

            Path home = dir.resolve("shared");
            TestHome.copyTree(Path.of("routes"), home.resolve("routes"));
            TestHome.copyTree(Path.of("config"), home.resolve("config"));
            Files.writeString(home.resolve("config/feeds.yaml"), """
                    feeds:
                      - id: partner
                        series: alms
                        kind: podium-index
                        enabled: true
                        baseUrl: "http://127.0.0.1:%d/podium/index.json"
                        allowedHosts: [127.0.0.1]
                        cron: "0/2 * * * * ?"
                        connectTimeout: 1s
                        responseTimeout: 5s
                        retries: { attempts: 1, initialDelay: 10ms }
                    """.formatted(feed.port()));
            Files.createDirectories(home.resolve("inbox"));

            List<Process> instances = new ArrayList<>();
            try {
            for (int i = 0; i < 3; i++) instances.add(start(home, dir, url, i));
            Thread.sleep(8000);     // all three up, the feed polled a few times

            List<String> dropped = dropFiles(home.resolve("inbox"));
            // SIGKILL instance 0 once it is busy with the batch: its locks expire, the others go on.
            long busyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < busyBy && taken(dir, 0) < 20) Thread.sleep(100);
            int takenWhenKilled = taken(dir, 0);
            instances.get(0).destroyForcibly();
            instances.get(0).waitFor(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (System.nanoTime() < deadline && (Engine.inboxHasWork(home.resolve("inbox")) || dirty(url) > 0)) {
                Thread.sleep(1000);
            }
            Thread.sleep(3000);   // a few more triggers with every file done
            for (Process p : instances.subList(1, 3)) p.destroy();   // SIGTERM: a graceful stop
            for (Process p : instances.subList(1, 3)) p.waitFor(60, TimeUnit.SECONDS);

            // Every file processed once: in .done/ exactly once, nowhere else.
            Map<String, Integer> done = new TreeMap<>();
            for (String f : TestHome.files(home.resolve("inbox/.done"))) {
                String name = f.substring(f.indexOf('/') + 1).replaceAll(" \\(\\d+\\)(\\.[A-Za-z]+)$", "$1");
                done.merge(name, 1, Integer::sum);
            }
            List<String> lost = dropped.stream().filter(f -> !done.containsKey(f)).toList();
            List<String> twice = done.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();

            long stored;
            long notices;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                stored = count(s, "SELECT COUNT(*) FROM session_document");
                notices = count(s, "SELECT COUNT(*) FROM notice");
                assertThat(count(s, "SELECT COUNT(*) FROM notice WHERE written_at IS NULL")).isZero();
            }

            // Every notice once: numbered without gaps, never the same state and recipient twice in a row.
            Map<String, List<JsonNode>> byInvitation = new HashMap<>();
            int noticeFiles = 0;
            for (String f : TestHome.files(home.resolve("outbox/notices"))) {
                if (!f.endsWith(".json")) continue;
                JsonNode n = Json.MAPPER.readTree(home.resolve("outbox/notices").resolve(f).toFile());
                byInvitation.computeIfAbsent(n.path("invitation").path("id").asText(), k -> new ArrayList<>()).add(n);
                noticeFiles++;
            }
            for (List<JsonNode> list : byInvitation.values()) {
                list.sort((a, b) -> Integer.compare(a.path("seq").asInt(), b.path("seq").asInt()));
                for (int i = 0; i < list.size(); i++) {
                    assertThat(list.get(i).path("seq").asInt()).isEqualTo(i + 1);
                    if (i > 0) {
                        assertThat(list.get(i).path("state").asText() + list.get(i).path("recipient").path("key").asText())
                                .isNotEqualTo(list.get(i - 1).path("state").asText() + list.get(i - 1).path("recipient").path("key").asText());
                    }
                }
            }

            // No trigger fired twice: each scheduled fire time appears in one instance's log only.
            Pattern fired = Pattern.compile("poll partner: trigger fired for (.+)$", Pattern.MULTILINE);
            Map<String, Integer> fires = new HashMap<>();
            int[] perInstance = new int[3];
            for (int i = 0; i < 3; i++) {
                Matcher m = fired.matcher(Files.readString(dir.resolve("instance-" + i + ".log"), StandardCharsets.UTF_8));
                while (m.find()) {
                    fires.merge(m.group(1).strip(), 1, Integer::sum);
                    perInstance[i]++;
                }
            }
            List<String> firedTwice = fires.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            int[] taken = new int[3];
            for (int i = 0; i < 3; i++) taken[i] = taken(dir, i);

            System.out.printf("%nSeveral instances: 3 JVMs on PostgreSQL, one killed with SIGKILL%n");
            System.out.printf("| files | in .done | lost | twice | stored | notices | polls | polls fired twice | files per instance |%n");
            System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|---|%n");
            System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d / %d / %d |%n", dropped.size(),
                    done.values().stream().mapToInt(Integer::intValue).sum(), lost.size(), twice.size(), stored,
                    noticeFiles, fires.size(), firedTwice.size(), taken[0], taken[1], taken[2]);

            Figures.record("Several instances", getClass(), String.format("3 JVMs sharing inbox, outbox and one PostgreSQL; %d files "
                            + "dropped at once; instance 0 killed with SIGKILL after taking %d; a feed on a 2 s cron", dropped.size(), takenWhenKilled),
                    String.format("%d in .done, lost %d, processed twice %d; %d stored; %d notices, each once; %d polls, %d fired twice; "
                                    + "files per instance %d / %d / %d", done.values().stream().mapToInt(Integer::intValue).sum(), lost.size(),
                            twice.size(), stored, noticeFiles, fires.size(), firedTwice.size(), taken[0], taken[1], taken[2]));

            for (String l : lost.subList(0, Math.min(5, lost.size()))) {
                String name = Path.of(l).getFileName().toString();
                List<String> where = TestHome.files(home).stream().filter(f -> f.endsWith(name)).toList();
                System.out.println("lost " + l + " found at " + where);
                for (int i = 0; i < 3; i++) {
                    Files.readString(dir.resolve("instance-" + i + ".log")).lines().filter(x -> x.contains(l))
                            .forEach(x -> System.out.println("  instance " + x));
                }
            }
            assertThat(takenWhenKilled).as("files instance 0 had taken when it was killed").isPositive();
            assertThat(lost).as("lost").isEmpty();
            assertThat(twice).as("processed twice").isEmpty();
            assertThat(stored).isEqualTo(FILES - 36 + 36);
            assertThat(notices).isEqualTo(noticeFiles);
            assertThat(byInvitation).containsKeys("lemans-2024-gtwc-europe", "lemans-2024-asia-combined");
            assertThat(fires.size()).as("polls fired").isGreaterThan(5);
            assertThat(firedTwice).as("triggers that fired on two instances").isEmpty();
            assertThat(taken[1] + taken[2]).as("the surviving instances shared the work").isGreaterThan(0);
            assertThat(taken[1] > 0 && taken[2] > 0).as("both survivors took files: " + taken[1] + " / " + taken[2]).isTrue();
            } finally {
                for (Process p : instances) p.destroyForcibly();
            }
        } finally {
            feed.stop();
        }
    }

    /** The demo season (36 files, for the notices) and practice sessions up to {@link #FILES} files. */
    private static List<String> dropFiles(Path inbox) throws Exception {
        List<String> names = new ArrayList<>();
        Path staging = Files.createTempDirectory("podium-demo-files");
        for (String step : Bundled.lines("demo/steps.txt")) Bundled.copyTree("demo/steps/" + step, staging, false);
        for (String f : TestHome.files(staging)) {
            AtomicFiles.write(inbox.resolve(f), Files.readAllBytes(staging.resolve(f)));
            names.add(f);
        }
        for (int i = 1; names.size() < FILES; i++) {
            int round = 1 + i % 3;
            String event = new String[]{"Sepang", "Dubai", "Abu Dhabi"}[round - 1];
            String name = "practice/" + String.format("%04d", i) + ".json";
            AtomicFiles.write(inbox.resolve(name), practice(round, event, i).getBytes(StandardCharsets.UTF_8));
            names.add(name);
        }
        return names;
    }

    private static String practice(int round, String event, int n) {
        StringBuilder entries = new StringBuilder();
        for (int car = 1; car <= 10; car++) {
            if (car > 1) entries.append(',');
            entries.append("{\"position\":").append(car).append(",\"number\":\"").append(100 + car)
                    .append("\",\"team\":\"Practice Team ").append(car).append("\",\"class\":\"GT\",")
                    .append("\"drivers\":[{\"firstName\":\"P\",\"lastName\":\"DRIVER").append(car).append("\"}],")
                    .append("\"status\":\"CLASSIFIED\",\"laps\":").append(30 - car).append(",\"totalTimeMs\":")
                    .append(118_000 + 37L * car + n).append('}');
        }
        return "{\"schema\":\"podium.session-result/1\",\"series\":\"alms\",\"season\":\"2023-24\","
                + "\"event\":{\"round\":" + round + ",\"name\":\"" + event + "\"},"
                + "\"session\":{\"type\":\"PRACTICE\",\"name\":\"Practice " + n + "\"},"
                + "\"status\":\"OFFICIAL\",\"entries\":[" + entries + "]}";
    }

    private static Process start(Path home, Path dir, String url, int n) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dpodium.db.url=" + url, "-Dpodium.db.user=", "-Dpodium.cluster.enabled=true",
                "-Dpodium.inbox.read-lock-min-age=50", "-Dpodium.inbox.lock-max-age=10000",
                "-Dpodium.inbox.lock-keep-alive=2000", "-Dpodium.recompute.adopt-interval=3000",
                "-Dpodium.recompute.adopt-after=5", "-Dpodium.management.port=0",
                "-cp", classpath, Podium.class.getName(), "run", "--home", home.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("instance-" + n + ".log").toFile()).start();
    }

    /** Files an instance has taken so far, from its log. */
    private static int taken(Path dir, int n) throws java.io.IOException {
        Path log = dir.resolve("instance-" + n + ".log");
        if (!Files.exists(log)) return 0;
        return (int) Files.readString(log).lines()
                .filter(l -> l.contains(": stored as version") || l.contains(": duplicate of") || l.contains(": already stored")).count();
    }

    private static long dirty(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            return count(s, "SELECT COUNT(*) FROM season_state WHERE dirty");
        } catch (Exception e) {
            return 1;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
