package org.podium.app;

import org.podium.support.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.store.Database;
import org.podium.store.ResultStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to the daemon in the middle of a batch: what it had taken is finished and moved, the rest
 * stays in the inbox untouched, and the next start processes exactly the rest.
 */
class GracefulShutdownTest {

    static final int FILES = 300;
    static final String SESSION = "alms/2023-24/01_Sepang/Race 1/";

    @TempDir Path dir;

    @Test
    void aDaemonStoppedMidBatchLosesNothingAndTheNextStartProcessesEachRemainingFileOnce() throws Exception {
        Path home = dir.resolve("home");
        Path inbox = home.resolve("inbox");
        TestHome.copyDemoConfig(home.resolve("config"));
        List<String> dropped = dropDistinctClassifications(inbox);

        PodiumProcess daemon = PodiumProcess.classes()
                .property("podium.inbox.read-lock-min-age", "50")
                .property("podium.inbox.poll-delay", "100")
                .property("podium.management.port", Integer.toString(HealthAndMetricsTest.freePort()))
                .property("podium.serve.port", Integer.toString(HealthAndMetricsTest.freePort()))
                .start(dir, "daemon", "run", "--home", home.toString());
        try (daemon) {
            waitUntil(() -> doneFiles(inbox).size() >= 20, daemon, Duration.ofSeconds(120));
            daemon.process.destroy();   // SIGTERM on Linux
            daemon.exitCode(Duration.ofSeconds(60));
        }

        // Each file is in exactly one place: still in the inbox untouched, or processed in .done.
        Set<String> done = doneFiles(inbox);
        Set<String> waiting = waitingFiles(inbox);
        System.out.printf("[shutdown test] at SIGTERM: %d done, %d left in the inbox%n", done.size(), waiting.size());
        assertThat(union(done, waiting)).containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(done).doesNotContainAnyElementsOf(waiting);
        assertThat(leftovers(home)).isEmpty();
        assertThat(stored(daemon.stderr())).hasSize(done.size());
        assertThat(daemon.stderr()).contains("stopping: files and recomputes in progress finish first")
                .containsPattern("(?m) stopped$");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[]{"once", "--home", home.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("podium.inbox.read-lock-min-age", "50", "podium.inbox.poll-delay", "100"));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(waiting.size() + " file(s) ingested, 0 rejected, 0 duplicate(s)");
        assertThat(doneFiles(inbox)).containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(waitingFiles(inbox)).isEmpty();
        assertThat(TestHome.files(inbox.resolve(".failed"))).isEmpty();
        assertThat(TestHome.files(inbox.resolve(".done"))).hasSize(FILES);
        assertThat(leftovers(home)).isEmpty();
        try (Database db = new Database("jdbc:h2:file:" + home.resolve("data/podium"), "sa", "", 1)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.documentCount()).isEqualTo(FILES);
            assertThat(store.dirtySeasons()).isEmpty();
        }
        assertThat(home.resolve("outbox/results/alms/2023-24/01-race-1.json")).exists();
    }

    /**
     * {@value #FILES} classifications of one race, each different (the fastest lap's speed of the winner
     * changes), so each is a new version of the session and none is a duplicate.
     */
    static List<String> dropDistinctClassifications(Path inbox) {
        String race = new String(TestHome.sample("alkamel/elms-race-classification.CSV"), StandardCharsets.UTF_8);
        String winnerLap = ";6;1'50.468;189.7;";
        assertThat(race).contains(winnerLap);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String speed = String.format(java.util.Locale.ROOT, "%.1f", 150.0 + i / 10.0);
            String name = SESSION + String.format("%03d_Classification_Race 1_Official.CSV", i);
            org.podium.support.AtomicFiles.write(inbox.resolve(name),
                    race.replace(winnerLap, ";6;1'50.468;" + speed + ";").getBytes(StandardCharsets.UTF_8));
            names.add(name);
        }
        return names;
    }

    /** Files processed, by their inbox path (without the {@code .done/<date>/} in front). */
    static Set<String> doneFiles(Path inbox) {
        Set<String> out = new TreeSet<>();
        for (String f : TestHome.files(inbox.resolve(".done"))) out.add(f.substring(f.indexOf('/') + 1));
        return out;
    }

    /** Files the inbox route would still take. */
    static Set<String> waitingFiles(Path inbox) {
        Set<String> out = new TreeSet<>();
        for (String f : TestHome.files(inbox)) if (Engine.takes(Path.of(f))) out.add(f);
        return out;
    }

    /** Temporaries and read-lock markers anywhere under the home folder: none may survive. */
    static List<String> leftovers(Path home) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(Files::isRegularFile).map(p -> home.relativize(p).toString())
                    .filter(n -> !n.startsWith("data/") && !n.startsWith("config/") && !n.startsWith("routes/"))
                    .filter(n -> n.endsWith(".camelLock") || n.endsWith(".tmp") || n.endsWith(".part")
                            || Path.of(n).getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    /** The log lines saying a file was stored. */
    static List<String> stored(String log) {
        return log.lines().filter(l -> l.contains(": stored as version ")).toList();
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, PodiumProcess p, Duration max) throws InterruptedException {
        try {
            org.awaitility.Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!p.process.isAlive()) throw new AssertionError("podium exited early:\n" + p.stderr());
                return condition.getAsBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("condition not met within " + max + ":\n" + p.stderr(), e);
        }
    }
}
