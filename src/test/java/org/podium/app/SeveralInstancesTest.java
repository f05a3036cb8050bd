package org.podium.app;

import org.podium.support.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;
import org.podium.reliability.Figures;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances, each a JVM of its own, on one PostgreSQL database, sharing one inbox and one outbox,
 * with a feed polled every two seconds. Files are dropped in rounds: new documents, byte copies of
 * documents already dropped under new names, and, once an instance has been killed with SIGKILL in the
 * middle of the round, files under the same names as files already processed, while the others work.
 * In the end every file dropped is accounted for: each name and each content is in .done/ or .failed/
 * exactly as many times as it was dropped; no file was taken by two instances (by their own logs), every
 * notice was published once, no trigger fired twice, and no inbox lock is left.
 */
@Tag("reliability")
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class SeveralInstancesTest {

    /** One round in a normal run (about 600 files, one kill); ten in the soak run (over 5 000 files, ten kills). */
    static final int ROUNDS = Figures.soak() ? 10 : 1;
    static final int NEW_PER_ROUND = 300;
    static final int COPIES_PER_ROUND = 150;
    static final int SAME_NAMES_PER_ROUND = 120;
    /** Files an instance takes in a round before it is killed: it is at work, with most of the round still waiting. */
    static final int TAKEN_BEFORE_KILL = 10;

    private static final Pattern TAKE = Pattern.compile("^\\S+\\s+INFO\\s+p\\.ingest\\s+(.+?): (?:stored as version|duplicate of|already stored)",
            Pattern.MULTILINE);
    private static final Pattern FIRED = Pattern.compile("poll partner: trigger fired for (.+)$", Pattern.MULTILINE);

    @Test
    void threeInstancesOnePostgresNoFileNoticeOrPollTwice(@TempDir Path dir) throws Exception {
        String base = TestDatabases.postgresUrl();
        Assumptions.assumeTrue(base != null, TestDatabases.PG_ENV
                + " is not set: the several-instances test needs a real PostgreSQL (CI sets it; see .ci/run)");
        String url = TestDatabases.freshUrl("postgresql", dir);

        WireMockServer feed = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        feed.start();
        Cluster cluster = new Cluster(dir, url);
        try {
            feed.stubFor(get(urlEqualTo("/podium/index.json")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"schema\":\"podium.feed-index/1\",\"documents\":[]}")));

            Path home = dir.resolve("shared");
            Path inbox = home.resolve("inbox");
            TestHome.copyTree(Path.of("routes"), home.resolve("routes"));
            TestHome.copyDemoConfig(home.resolve("config"));
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
            Files.createDirectories(inbox);
            cluster.home = home;
            long started = System.nanoTime();

            for (int i = 0; i < 3; i++) cluster.start(i);
            // all three up, and the feed polled
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                    cluster.allRunning() && fires(dir).size() >= 2);

            Drops drops = new Drops(inbox);
            int killsMidIngest = 0;
            int takenWhenFirstKilled = -1;
            for (int round = 0; round < ROUNDS; round++) {
                // an instance killed in the round before is up again (soak), so that this round's kill finds it at work
                try {
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(cluster::allRunning);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("round " + round + ": not every instance reported running within 2 minutes\n"
                            + cluster.describe(), e);
                }
                if (round == 0) drops.demoSeason();
                drops.newDocuments(round);
                drops.copies(round);
                // SIGKILL an instance once it is at work on this round: its locks expire, the others go on.
                int victim = round % 3;
                int takenBefore = cluster.taken(victim);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                        cluster.taken(victim) - takenBefore >= TAKEN_BEFORE_KILL || !Engine.inboxHasWork(inbox));
                boolean midIngest = Engine.inboxHasWork(inbox) && cluster.taken(victim) > takenBefore;
                if (takenWhenFirstKilled < 0) takenWhenFirstKilled = cluster.taken(victim);
                cluster.kill(victim);
                if (midIngest) killsMidIngest++;
                // files under the names of files already processed, while the others work
                int round0 = round;
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                        drops.processed(round0).size() >= SAME_NAMES_PER_ROUND || !Engine.inboxHasWork(inbox));
                drops.sameNames(round);
                if (Figures.soak()) cluster.start(victim);
            }

            await().atMost(Duration.ofMinutes(Figures.soak() ? 20 : 6)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !Engine.inboxHasWork(inbox) && dirty(url) == 0);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            // a few more polls with every file done; the locks of killed instances expire and are swept
            int firesWhenDone = fires(dir).size();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> fires(dir).size() >= firesWhenDone + 5);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> lockRows(url) == 0);
            cluster.stopAll();    // SIGTERM: a graceful stop
            long locksLeft = lockRows(url);

            // Every file dropped accounted for: each name and each content in .done/ or .failed/ as often as dropped.
            Map<String, Integer> namesFound = new TreeMap<>();
            Map<String, Integer> contentsFound = new HashMap<>();
            for (String area : List.of(".done", ".failed")) {
                for (String f : TestHome.files(inbox.resolve(area))) {
                    if (f.endsWith(".error.json")) continue;        // a rejection's report, not a file dropped
                    String name = area.equals(".done") ? f.substring(f.indexOf('/') + 1) : f;
                    namesFound.merge(withoutNumber(name), 1, Integer::sum);
                    contentsFound.merge(Sha256.hex(Files.readAllBytes(inbox.resolve(area).resolve(f))), 1, Integer::sum);
                }
            }
            Map<String, Integer> namesDropped = drops.names();
            Map<String, Integer> contentsDropped = drops.contents();
            List<String> lost = difference(namesDropped, namesFound);
            List<String> extra = difference(namesFound, namesDropped);
            List<String> contentsLost = difference(contentsDropped, contentsFound);
            List<String> contentsExtra = difference(contentsFound, contentsDropped);
            List<String> waiting = TestHome.files(inbox).stream().filter(f -> Engine.takes(Path.of(f))).toList();

            // No file taken by two instances: a file is taken again only after the instance that took it was killed.
            Map<String, Integer> liveTakes = new TreeMap<>();
            int[] taken = new int[3];
            for (int i = 0; i < 3; i++) taken[i] = cluster.taken(i);
            for (Path log : cluster.logs()) {
                if (cluster.killed.contains(log)) continue;
                Matcher m = TAKE.matcher(read(log));
                while (m.find()) liveTakes.merge(m.group(1), 1, Integer::sum);
            }
            List<String> takenTwice = liveTakes.entrySet().stream()
                    .filter(e -> e.getValue() > namesDropped.getOrDefault(e.getKey(), 0))
                    .map(e -> e.getKey() + " (" + e.getValue() + " times, dropped " + namesDropped.getOrDefault(e.getKey(), 0) + ")").toList();

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
            Map<String, Integer> fires = fires(dir);
            List<String> firedTwice = fires.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();

            int filesDropped = namesDropped.values().stream().mapToInt(Integer::intValue).sum();
            int filesFound = namesFound.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("%nSeveral instances: 3 JVMs on PostgreSQL, %d SIGKILL(s), %d of them mid-ingest, in %d s%n",
                    cluster.killed.size(), killsMidIngest, seconds);
            System.out.printf("| files | byte copies | same names again | in .done or .failed | lost | taken twice | stored | notices | polls | polls fired twice | lock rows left | files per instance |%n");
            System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|%n");
            System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d / %d / %d |%n", filesDropped, drops.copies,
                    drops.sameNames, filesFound, lost.size(), takenTwice.size(), stored, noticeFiles, fires.size(), firedTwice.size(),
                    locksLeft, taken[0], taken[1], taken[2]);

            Figures.record("Several instances", getClass(), String.format("3 JVMs sharing inbox, outbox and one PostgreSQL; %d files "
                                    + "in %d round(s) (%d byte copies under new names, %d under the names of files already processed, "
                                    + "dropped after a kill); %d SIGKILL(s), %d mid-ingest%s; a feed on a 2 s cron",
                            filesDropped, ROUNDS, drops.copies, drops.sameNames, cluster.killed.size(), killsMidIngest,
                            Figures.soak() ? ", each killed instance restarted" : " (instance 0, after taking " + takenWhenFirstKilled + ")"),
                    String.format("%d in .done or .failed, every name and content as often as dropped: lost %d, extra %d, "
                                    + "contents lost %d; taken twice %d; %d stored; %d notices, each once; %d polls, %d fired twice; "
                                    + "%d lock rows left; files per instance %d / %d / %d; %d s", filesFound, lost.size(), extra.size(),
                            contentsLost.size(), takenTwice.size(), stored, noticeFiles, fires.size(), firedTwice.size(), locksLeft,
                            taken[0], taken[1], taken[2], seconds));

            for (String l : lost.subList(0, Math.min(5, lost.size()))) {
                String name = Path.of(l).getFileName().toString();
                List<String> where = TestHome.files(home).stream().filter(f -> f.endsWith(name) || f.endsWith(name + ".error.json")).toList();
                System.out.println("lost " + l + " (dropped " + namesDropped.get(l) + " times, found " + namesFound.getOrDefault(l, 0)
                        + "); files of that name: " + where);
                for (Path log : cluster.logs()) {
                    read(log).lines().filter(x -> x.contains(l)).forEach(x -> System.out.println("  " + log.getFileName() + " " + x));
                }
            }
            takenTwice.stream().limit(5).forEach(t -> System.out.println("taken twice: " + t));

            assertThat(killsMidIngest).as("kills that landed while the inbox had work and the instance was at it")
                    .isEqualTo(ROUNDS);
            assertThat(takenWhenFirstKilled).as("files instance 0 had taken when it was killed").isPositive();
            assertThat(waiting).as("left in the inbox").isEmpty();
            assertThat(lost).as("names dropped, not found in .done or .failed as often").isEmpty();
            assertThat(extra).as("names in .done or .failed more often than dropped").isEmpty();
            assertThat(contentsLost).as("contents dropped, not found as often").isEmpty();
            assertThat(contentsExtra).as("contents found more often than dropped").isEmpty();
            assertThat(takenTwice).as("taken twice (by the instances' own logs)").isEmpty();
            assertThat(TestHome.files(inbox.resolve(".failed"))).as("rejected: every file dropped is valid").isEmpty();
            assertThat(stored).as("one stored document per distinct content").isEqualTo(contentsDropped.size());
            assertThat(locksLeft).as("inbox lock rows left").isZero();
            assertThat(notices).isEqualTo(noticeFiles);
            assertThat(byInvitation).containsKeys("lemans-2024-gtwc-europe", "lemans-2024-asia-combined");
            assertThat(fires.size()).as("polls fired").isGreaterThan(5);
            assertThat(firedTwice).as("triggers that fired on two instances").isEmpty();
            assertThat(taken[1] > 0 && taken[2] > 0).as("both survivors took files: " + taken[1] + " / " + taken[2]).isTrue();
        } finally {
            cluster.destroyAll();
            feed.stop();
        }
    }

    /** What was dropped into the inbox, as names and contents. */
    private static final class Drops {
        private final Path inbox;
        private final List<String> names = new ArrayList<>();
        private final List<String> contents = new ArrayList<>();
        /** The bytes of each name's latest drop, for byte copies. */
        private final Map<String, byte[]> latest = new LinkedHashMap<>();
        private int practice;
        int copies;
        int sameNames;

        Drops(Path inbox) { this.inbox = inbox; }

        /** The demo season (36 files, for the notices). */
        void demoSeason() throws IOException {
            Path staging = Files.createTempDirectory("podium-demo-files");
            for (String step : Bundled.lines("demo/steps.txt")) Bundled.copyTree("demo/steps/" + step, staging, false);
            for (String f : TestHome.files(staging)) drop(f, Files.readAllBytes(staging.resolve(f)));
        }

        /** Practice sessions, each a new document. */
        void newDocuments(int round) {
            for (int i = 0; i < NEW_PER_ROUND; i++) {
                practice++;
                drop(String.format("practice/%02d/%05d.json", round, practice), practice(practice));
            }
        }

        /** Byte copies of files already dropped, under new names (beside their original: the same session). */
        void copies(int round) {
            List<String> earlier = new ArrayList<>(latest.keySet());
            for (int i = 0; i < COPIES_PER_ROUND; i++) {
                String of = earlier.get((i * 7 + round * 13) % earlier.size());
                drop(of.replaceAll("(\\.[A-Za-z]+)$", "_again-" + round + "-" + i + "$1"), latest.get(of));
                copies++;
            }
        }

        /**
         * Files under the names of practice files already processed (in .done/ now): every other one the
         * same bytes again, the rest a new document under the old name.
         */
        void sameNames(int round) {
            List<String> processed = processed(round);
            for (int i = 0; i < Math.min(SAME_NAMES_PER_ROUND, processed.size()); i++) {
                String name = processed.get(processed.size() - 1 - i);
                if (i % 2 == 0) {
                    drop(name, latest.get(name));
                } else {
                    practice++;
                    drop(name, practice(practice));
                }
                sameNames++;
            }
        }

        /** This round's new practice files already in .done/ and not waiting in the inbox again. */
        List<String> processed(int round) {
            Set<String> out = new java.util.TreeSet<>();
            for (String f : TestHome.files(inbox.resolve(".done"))) {
                String name = withoutNumber(f.substring(f.indexOf('/') + 1));
                if (name.startsWith(String.format("practice/%02d/", round)) && !name.contains("_again")
                        && !Files.exists(inbox.resolve(name))) {
                    out.add(name);
                }
            }
            return new ArrayList<>(out);
        }

        private void drop(String name, byte[] bytes) {
            AtomicFiles.write(inbox.resolve(name), bytes);
            names.add(name);
            contents.add(Sha256.hex(bytes));
            latest.put(name, bytes);
        }

        Map<String, Integer> names() { return counted(names.stream().map(SeveralInstancesTest::withoutNumber).toList()); }

        Map<String, Integer> contents() { return counted(contents); }
    }

    /** The three instances: each a `podium run` JVM, killed and started again as the test goes. */
    private static final class Cluster {
        private final Path dir;
        private final String url;
        Path home;
        private final Process[] live = new Process[3];
        private final int[] runs = new int[3];
        private final List<Path> logs = new ArrayList<>();
        final Set<Path> killed = new HashSet<>();

        Cluster(Path dir, String url) {
            this.dir = dir;
            this.url = url;
        }

        void start(int n) throws IOException {
            Path log = dir.resolve("instance-" + n + "." + runs[n]++ + ".log");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Dpodium.db.url=" + url, "-Dpodium.db.user=", "-Dpodium.cluster.enabled=true",
                    "-Dpodium.inbox.read-lock-min-age=50", "-Dpodium.inbox.lock-max-age=10000",
                    "-Dpodium.inbox.lock-keep-alive=2000", "-Dpodium.recompute.adopt-interval=3000",
                    "-Dpodium.recompute.adopt-after=5", "-Dpodium.management.port=0", "-Dpodium.serve.port=0",
                    "-cp", classpath, Podium.class.getName(), "run", "--home", home.toString());
            live[n] = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            logs.add(log);
        }

        /** Every instance's current run has started. */
        boolean allRunning() {
            for (int n = 0; n < 3; n++) {
                if (live[n] == null || !read(current(n)).contains("running: inbox")) return false;
            }
            return true;
        }

        void kill(int n) throws InterruptedException {
            live[n].destroyForcibly();      // SIGKILL on Linux: no shutdown hook runs
            live[n].waitFor(30, TimeUnit.SECONDS);
            live[n] = null;
            killed.add(current(n));
        }

        void stopAll() throws InterruptedException {
            for (Process p : live) if (p != null) p.destroy();
            for (Process p : live) if (p != null) assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        }

        void destroyAll() {
            for (Process p : live) if (p != null) p.destroyForcibly();
        }

        /** Files an instance has taken so far, over all its runs, by its logs. */
        int taken(int n) {
            int count = 0;
            for (Path log : logs) {
                if (!log.getFileName().toString().startsWith("instance-" + n + ".")) continue;
                Matcher m = TAKE.matcher(read(log));
                while (m.find()) count++;
            }
            return count;
        }

        List<Path> logs() { return List.copyOf(logs); }

        private Path current(int n) { return dir.resolve("instance-" + n + "." + (runs[n] - 1) + ".log"); }

        /** Each instance: whether its process is alive, and the end of its current log (what it was doing). */
        String describe() {
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < 3; n++) {
                Process p = live[n];
                b.append("instance ").append(n).append(": ")
                        .append(p == null ? "not started" : p.isAlive() ? "alive" : "exited with " + p.exitValue())
                        .append(", ").append(current(n).getFileName()).append(" ends with:\n");
                List<String> lines = read(current(n)).lines().toList();
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append("    ").append(l).append('\n'));
            }
            return b.toString();
        }
    }

    /** Each trigger fire time with the number of instance logs that show it fired. */
    private static Map<String, Integer> fires(Path dir) throws IOException {
        Map<String, Integer> fires = new HashMap<>();
        try (var logs = Files.list(dir)) {
            for (Path log : (Iterable<Path>) logs.filter(p -> p.getFileName().toString().startsWith("instance-"))::iterator) {
                Matcher m = FIRED.matcher(read(log));
                while (m.find()) fires.merge(m.group(1).strip(), 1, Integer::sum);
            }
        }
        return fires;
    }

    /** A name without the " (2)" a taken name gets in .done/ or .failed/. */
    static String withoutNumber(String name) {
        return name.replaceFirst(" \\(\\d+\\)((?:\\.[A-Za-z0-9]+)?(?:\\.meta\\.json)?)$", "$1");
    }

    private static Map<String, Integer> counted(List<String> items) {
        Map<String, Integer> out = new TreeMap<>();
        for (String i : items) out.merge(i, 1, Integer::sum);
        return out;
    }

    /** What {@code a} holds more often than {@code b}. */
    private static List<String> difference(Map<String, Integer> a, Map<String, Integer> b) {
        return a.entrySet().stream().filter(e -> e.getValue() > b.getOrDefault(e.getKey(), 0)).map(Map.Entry::getKey).toList();
    }

    /** A practice session of ten cars, the n-th of the season's rounds in turn: a distinct document for each n. */
    static byte[] practice(int n) {
        int round = 1 + n % 3;
        String event = new String[]{"Sepang", "Dubai", "Abu Dhabi"}[round - 1];
        StringBuilder entries = new StringBuilder();
        for (int car = 1; car <= 10; car++) {
            if (car > 1) entries.append(',');
            entries.append("{\"position\":").append(car).append(",\"number\":\"").append(100 + car)
                    .append("\",\"team\":\"Practice Team ").append(car).append("\",\"class\":\"GT\",")
                    .append("\"drivers\":[{\"firstName\":\"P\",\"lastName\":\"DRIVER").append(car).append("\"}],")
                    .append("\"status\":\"CLASSIFIED\",\"laps\":").append(30 - car).append(",\"totalTimeMs\":")
                    .append(118_000 + 37L * car + n).append('}');
        }
        return ("{\"schema\":\"podium.session-result/1\",\"series\":\"alms\",\"season\":\"2023-24\","
                + "\"event\":{\"round\":" + round + ",\"name\":\"" + event + "\"},"
                + "\"session\":{\"type\":\"PRACTICE\",\"name\":\"Practice " + n + "\"},"
                + "\"status\":\"OFFICIAL\",\"entries\":[" + entries + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String read(Path log) {
        try {
            // a log being written may end in the middle of a character
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long dirty(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            return count(s, "SELECT COUNT(*) FROM season_state WHERE dirty");
        } catch (Exception e) {
            return 1;
        }
    }

    private static long lockRows(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            return count(s, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED");
        } catch (Exception e) {
            return -1;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
