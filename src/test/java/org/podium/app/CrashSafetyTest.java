package org.podium.app;

import org.podium.support.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.Json;
import org.podium.outbox.OutboxSchemas;
import org.podium.reliability.Figures;

import java.io.IOException;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podium in a JVM of its own, killed with SIGKILL at random moments while it works through a batch,
 * restarted each time, then run to the end: nothing is lost, nothing is done twice, every outbox file
 * is whole and valid, every notice is published once.
 */
@Tag("reliability")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class CrashSafetyTest {

    /** Six kills in every build, at least half of them landing mid-work; the soak run kills 100 times. */
    static final int KILLS = Figures.soak() ? 100 : 6;

    @Test
    void killedRepeatedlyMidBatchItLosesNothingAndDoesNothingTwice(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        TestHome.copyTree(Path.of("routes"), home.resolve("routes"));
        TestHome.copyDemoConfig(home.resolve("config"));
        Path staging = dir.resolve("staging");
        for (String step : Bundled.lines("demo/steps.txt")) Bundled.copyTree("demo/steps/" + step, staging, false);
        // Every demo file twice: once as published, once under another name (a duplicate to recognise).
        // They arrive in as many batches as there are kills, one batch before each start, so that every
        // run has work to be killed in the middle of.
        List<Map.Entry<String, byte[]>> files = new ArrayList<>();
        for (String f : TestHome.files(staging)) {
            byte[] bytes = Files.readAllBytes(staging.resolve(f));
            String copy = f.replaceAll("([^/]+)$", "copy-$1");
            for (String name : List.of(f, copy)) files.add(Map.entry(name, bytes));
        }
        List<String> dropped = new ArrayList<>();

        Random random = new Random(20261127L);
        int kills = 0;
        int killedMidWork = 0;
        long started = System.nanoTime();
        while (kills < KILLS) {
            int from = files.size() * kills / KILLS;
            int to = files.size() * (kills + 1) / KILLS;
            for (Map.Entry<String, byte[]> f : files.subList(from, to)) {
                org.podium.support.AtomicFiles.write(home.resolve("inbox").resolve(f.getKey()), f.getValue());
                dropped.add(f.getKey());
            }
            Process p = start(home, dir, "run", kills);
            // Kill at a random moment once this run is at work (a loaded machine starts slowly)
            Path log = dir.resolve("podium-" + kills + ".log");
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(10))
                        .until(() -> tookFiles(log) || !Engine.inboxHasWork(home.resolve("inbox")));
            } catch (org.awaitility.core.ConditionTimeoutException slowStart) {
                // a run that took nothing in 30 s is killed all the same; it counts as a kill without work in progress
            }
            // the kill itself lands at a random moment of the work: a deliberate, bounded delay (0 to 0.4 s)
            Thread.sleep(random.nextInt(400));
            boolean busy = Engine.inboxHasWork(home.resolve("inbox")) || unpublished(log);
            p.destroyForcibly();          // SIGKILL on Linux: no shutdown hook runs
            p.waitFor(30, TimeUnit.SECONDS);
            if (busy) killedMidWork++;
            kills++;
        }
        Process last = start(home, dir, "once", kills);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the last run finishes").isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("podium-" + kills + ".log"))).isZero();
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        // Every file dropped is in .done/ exactly once (none rejected: they are all valid).
        Map<String, Integer> seen = new TreeMap<>();
        for (String f : TestHome.files(home.resolve("inbox/.done"))) {
            String name = f.substring(f.indexOf('/') + 1).replaceAll(" \\(\\d+\\)(\\.[A-Za-z]+)$", "$1");
            seen.merge(name, 1, Integer::sum);
        }
        List<String> lost = dropped.stream().filter(f -> !seen.containsKey(f)).toList();
        List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(TestHome.files(home.resolve("inbox/.failed"))).isEmpty();
        assertThat(TestHome.files(home.resolve("inbox")).stream().filter(f -> !f.startsWith(".") && !f.contains("/.")))
                .as("nothing left in the inbox").isEmpty();

        // Every session version stored exactly once: 36 documents, no two with the same bytes.
        long stored;
        long distinct;
        long ledger;
        long unwritten;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/podium"), "sa", "");
             Statement s = c.createStatement()) {
            stored = count(s, "SELECT COUNT(*) FROM session_document");
            distinct = count(s, "SELECT COUNT(DISTINCT session_key || sha256) FROM session_document");
            ledger = count(s, "SELECT COUNT(*) FROM notice");
            unwritten = count(s, "SELECT COUNT(*) FROM notice WHERE written_at IS NULL");
            assertThat(count(s, "SELECT COUNT(*) FROM season_state WHERE dirty")).isZero();
        }

        // Every outbox file whole and valid; every notice once, numbered without gaps.
        List<String> invalid = new ArrayList<>();
        List<String> outbox = TestHome.files(home.resolve("outbox"));
        for (String f : outbox) {
            if (f.endsWith(".json") && !Path.of(f).getFileName().toString().startsWith(".")) {
                invalid.addAll(OutboxSchemas.problems(home.resolve("outbox").resolve(f)));
            }
        }
        Map<String, List<JsonNode>> notices = new HashMap<>();
        for (String f : outbox) {
            if (f.startsWith("notices/") && f.endsWith(".json")) {
                JsonNode n = Json.MAPPER.readTree(home.resolve("outbox").resolve(f).toFile());
                notices.computeIfAbsent(n.path("invitation").path("id").asText(), k -> new ArrayList<>()).add(n);
                assertThat(home.resolve("outbox").resolve(f.replaceAll("\\.json$", ".md"))).exists();
            }
        }
        int noticeFiles = 0;
        for (List<JsonNode> list : notices.values()) {
            list.sort((a, b) -> Integer.compare(a.path("seq").asInt(), b.path("seq").asInt()));
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i).path("seq").asInt()).isEqualTo(i + 1);
                if (i > 0) {
                    boolean same = list.get(i).path("state").equals(list.get(i - 1).path("state"))
                            && list.get(i).path("recipient").path("key").equals(list.get(i - 1).path("recipient").path("key"));
                    assertThat(same).as("a notice repeated: " + list.get(i)).isFalse();
                }
            }
            noticeFiles += list.size();
        }

        System.out.printf("%nCrash safety: %d SIGKILLs in %d s, %d of them while files were in the inbox or unpublished%n",
                kills, seconds, killedMidWork);
        System.out.printf("| kills | files dropped | in .done | lost | processed twice | versions stored | notices | invalid outbox files |%n");
        System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d |%n", kills, dropped.size(),
                seen.values().stream().mapToInt(Integer::intValue).sum(), lost.size(), twice.size(), stored,
                noticeFiles, invalid.size());

        Figures.record("Crash safety", getClass(), String.format("%d files (every demo file twice, under two names) dropped in %d "
                        + "batches, one before each start; each run killed with SIGKILL at a random moment within 0.4 s of taking "
                        + "its first file; then one run to the end", dropped.size(), kills),
                String.format("%d of %d kills landed with files in the inbox or results unpublished; %d files in .done, lost %d, processed twice %d; %d session versions stored "
                                + "(once each); %d notices, each once; %d invalid outbox files; %d s", killedMidWork, kills,
                        seen.values().stream().mapToInt(Integer::intValue).sum(), lost.size(), twice.size(), stored, noticeFiles,
                        invalid.size(), seconds));

        assertThat(killedMidWork).as("kills that landed while files were being processed").isGreaterThanOrEqualTo(KILLS / 2);
        assertThat(lost).as("lost").isEmpty();
        assertThat(twice).as("processed twice").isEmpty();
        assertThat(stored).isEqualTo(distinct).isEqualTo(36);
        assertThat(invalid).isEmpty();
        assertThat(notices.keySet()).containsExactlyInAnyOrder("lemans-2024-gtwc-europe", "lemans-2024-asia-combined");
        assertThat(ledger).isEqualTo(noticeFiles);
        assertThat(unwritten).isZero();
        assertThat(notices.get("lemans-2024-asia-combined")).last()
                .satisfies(n -> assertThat(n.path("recipient").path("team").asText()).isEqualTo("Kaiju Motorsports"));
    }

    private static Process start(Path home, Path dir, String command, int n) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // a quicker start (C1 only, serial GC): the runs are short and the kills need a JVM at work
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dpodium.inbox.read-lock-min-age=50", "-Dpodium.management.port=0", "-Dpodium.serve.port=0", "-cp", classpath, Podium.class.getName(), command,
                "--home", home.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("podium-" + n + ".log").toFile()).start();
    }

    /** True when the log shows files taken since its last publication: the run was killed with work unpublished. */
    private static boolean unpublished(Path log) throws IOException {
        if (!Files.exists(log)) return false;
        String text = Files.readString(log);
        int took = Math.max(text.lastIndexOf(": stored as version"), Math.max(text.lastIndexOf(": duplicate of"),
                text.lastIndexOf(": already stored")));
        return took > text.lastIndexOf(" published [");
    }

    private static boolean tookFiles(Path log) throws IOException {
        if (!Files.exists(log)) return false;
        String text = Files.readString(log);
        return text.contains(": stored as version") || text.contains(": duplicate of") || text.contains(": already stored");
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
