package org.podium.app;

import org.podium.support.Sha256;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.hostile.HostileCorpus;
import org.podium.model.SessionResult;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;
import org.podium.outbox.OutboxSchemas;

/**
 * The real application in a JVM of its own with a {@value #HEAP} heap, its inbox flooded at once with
 * the whole hostile corpus, a few valid files, a link to a file outside the home and a link to a
 * folder outside it. Afterwards Podium is still alive and still ingests; every hostile file is
 * rejected with a report that validates, or accepted exactly as the parsers alone accept it with
 * its dangerous team name kept verbatim; the valid files are published; nothing outside the home
 * changed; and the heap stayed under its limit.
 */
@Tag("reliability")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileInboxEndToEndTest {
    static final String HEAP = "256m";
    private static final long HEAP_BYTES = 256L * 1024 * 1024;
    private static final Duration DRAIN = Duration.ofSeconds(150);

    private static final String QUALIFYING = "alms/2023-24/02_Dubai/Qualifying/03_Classification_Qualifying_Official.CSV";
    private static final String SRO_RACE = "gtwc-europe/2023/02_Brands Hatch/Race 1/Race 1_Official.html";
    private static final String LAST = "gtwc-europe/2023/05_Misano/Race 1/Race 1_Official.html";
    private static final String LINKED_FILE = "alms/2023-24/03_Abu Dhabi/Race 1/linked_Official.CSV";
    private static final String LINKED_FOLDER = "alms/2023-24/04_Linked";

    @Test
    void floodedWithHostileFilesPodiumStaysAliveWithinItsHomeAndItsHeap(@TempDir Path dir) throws Exception {
        Path root = dir.toRealPath();
        Home home = new Home(root.resolve("home"));
        Path outside = root.resolve("outside");
        Path logs = Files.createDirectories(root.resolve("logs"));
        TestHome.copyTree(Path.of("routes"), home.routes());
        TestHome.copyDemoConfig(home.config());
        Files.createDirectories(home.inbox());

        byte[] secret = HostileCorpus.race("Outside The Home").getBytes(StandardCharsets.UTF_8);
        Path secretFile = outside.resolve("secret_Official.CSV");
        Path linkedFolder = outside.resolve("linked-folder");
        AtomicFiles.write(secretFile, secret);
        AtomicFiles.write(linkedFolder.resolve("Race 1/outside_Official.CSV"), secret);
        Set<Path> notSnapshot = Set.of(home.root(), logs);
        Map<String, String> outsideBefore = snapshot(root, notSnapshot);

        // Podium starts while the corpus is built, and works while the expected outcomes are worked out
        Process podium = start(home, logs);
        Map<String, byte[]> corpus = HostileCorpus.files();
        List<String> hostile = corpus.keySet().stream().filter(p -> !p.endsWith(".meta.json")).toList();
        Map<String, SessionResult> expectedAccepted;
        Figures figures = new Figures();
        try {
            long t0 = System.nanoTime();
            // sidecars first: a file is never taken without the sidecar that travels with it
            corpus.forEach((path, bytes) -> { if (path.endsWith(".meta.json")) AtomicFiles.write(home.inbox().resolve(path), bytes); });
            corpus.forEach((path, bytes) -> { if (!path.endsWith(".meta.json")) AtomicFiles.write(home.inbox().resolve(path), bytes); });
            AtomicFiles.write(home.inbox().resolve(QUALIFYING), TestHome.sample("alkamel/wec-session-classification-wide.CSV"));
            AtomicFiles.write(home.inbox().resolve(SRO_RACE), TestHome.sample("sro/gtwc-race-results.html"));
            Files.createSymbolicLink(home.inbox().resolve(LINKED_FILE), secretFile);
            Files.createSymbolicLink(home.inbox().resolve(LINKED_FOLDER), linkedFolder);
            expectedAccepted = expectedAccepted(corpus);

            List<String> published = new ArrayList<>(List.of("results/alms/2023-24/02-qualifying.json", "results/gtwc-europe/2023/02-race-1.json"));
            expectedAccepted.values().forEach(r -> published.add(resultPath(r)));
            await(podium, logs, "the inbox to drain", () -> !Engine.inboxHasWork(home.inbox())
                    && hostile.stream().allMatch(p -> outcome(home, p) != null)
                    && Files.isSymbolicLink(home.inbox().resolve(".failed/" + LINKED_FILE))
                    && published.stream().allMatch(p -> Files.isRegularFile(home.outbox().resolve(p))));
            figures.drainSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(podium.isAlive()).as("Podium is alive after the flood").isTrue();

            // still healthy: a valid file dropped last is ingested and published
            AtomicFiles.write(home.inbox().resolve(LAST), TestHome.sample("sro/gtwc-race-results.html"));
            await(podium, logs, "the last valid file", () -> Files.isRegularFile(home.outbox().resolve("results/gtwc-europe/2023/05-race-1.json")));
            assertThat(podium.isAlive()).as("Podium is alive after the last file").isTrue();
        } finally {
            stop(podium);
            keepLogs(logs);
        }

        // every hostile file: accepted exactly where the parsers alone accept it, else rejected with a valid report
        Map<String, String> outcomes = new TreeMap<>();
        for (String path : hostile) outcomes.put(path, outcome(home, path));
        assertThat(outcomes).allSatisfy((path, outcome) ->
                assertThat(outcome).as(path).isEqualTo(expectedAccepted.containsKey(path) ? "accepted" : "rejected"));
        for (String path : hostile) {
            if (expectedAccepted.containsKey(path)) continue;
            Path report = home.inbox().resolve(".failed/" + path + ".error.json");
            assertThat(OutboxSchemas.problems(report)).as(path).isEmpty();
        }
        JsonNode everyRowBad = Json.MAPPER.readTree(home.inbox().resolve(".failed/alms/2023-24/01_Sepang/Race 1/every-row-bad.CSV.error.json").toFile());
        assertThat(everyRowBad.path("problems")).hasSize(100);
        assertThat(everyRowBad.path("problemsNotListed").asInt()).isEqualTo(1_900);

        // the dangerous names are stored verbatim: showing them safely is the job of whatever shows them
        Map<String, String> storedTeams = storedFirstTeams(home);
        assertThat(storedTeams).containsAllEntriesOf(HostileCorpus.dangerousTeams());

        // the link to a file was rejected unread and moved as a link; the linked folder was never entered
        Path movedLink = home.inbox().resolve(".failed/" + LINKED_FILE);
        assertThat(Files.readSymbolicLink(movedLink)).isEqualTo(secretFile);
        JsonNode linkReport = Json.MAPPER.readTree(home.inbox().resolve(".failed/" + LINKED_FILE + ".error.json").toFile());
        assertThat(linkReport.path("problems").get(0).path("message").asText()).contains("is a link");
        assertThat(linkReport.has("sha256")).as("a link's target is never hashed").isFalse();
        assertThat(Files.readSymbolicLink(home.inbox().resolve(LINKED_FOLDER))).isEqualTo(linkedFolder);
        assertThat(home.outbox().resolve("results/alms/2023-24/04-race-1.json")).doesNotExist();
        assertThat(storedTeams).doesNotContainValue("Outside The Home");

        // nothing outside the home changed, and nothing in the home leads out of it but the two links
        assertThat(snapshot(root, notSnapshot)).isEqualTo(outsideBefore);
        assertThat(linksIn(home.root())).containsOnlyKeys(movedLink, home.inbox().resolve(LINKED_FOLDER));
        assertThat(escapingPaths(home.root())).isEmpty();

        figures.peakHeapBytes = peakHeap(logs.resolve("gc.log"));
        assertThat(figures.peakHeapBytes).as("peak heap from the GC log").isPositive().isLessThan(HEAP_BYTES);

        long rejected = outcomes.values().stream().filter("rejected"::equals).count();
        System.out.printf("%nHostile inbox: Podium in its own JVM at -Xmx%s, everything dropped at once%n", HEAP);
        System.out.printf("| files dropped | rejected, report valid | accepted | valid published | peak heap (GC log) | drop to drained |%n");
        System.out.printf("|---|---:|---:|---:|---:|---:|%n");
        System.out.printf("| %d hostile (+%d sidecars), 3 valid, 2 links | %d + 1 link | %d | 3 of 3 | %d of %d MB | %.1f s |%n",
                hostile.size(), corpus.size() - hostile.size(), rejected, hostile.size() - rejected,
                figures.peakHeapBytes >> 20, HEAP_BYTES >> 20, figures.drainSeconds);
        System.out.printf("Accepted (dangerous team names kept verbatim; showing them safely is the job of whatever shows them): %s%n", expectedAccepted.keySet());
        org.podium.reliability.Figures.record("Hostile input", getClass(), String.format("%d hostile files (+%d sidecars), 3 valid files and 2 links out of "
                        + "the home dropped at once into Podium in its own JVM at -Xmx%s", hostile.size(), corpus.size() - hostile.size(), HEAP),
                String.format("%d rejected with a valid report, %d accepted as the parsers alone accept them, links rejected unread; "
                                + "3 of 3 valid published; still alive; nothing outside the home changed; peak heap %d of %d MB (GC log); "
                                + "drained in %.1f s", rejected, hostile.size() - rejected, figures.peakHeapBytes >> 20, HEAP_BYTES >> 20,
                        figures.drainSeconds));
    }

    private static final class Figures {
        double drainSeconds;
        long peakHeapBytes;
    }

    /** The files the parsers alone accept, and what they read. */
    private static Map<String, SessionResult> expectedAccepted(Map<String, byte[]> corpus) {
        FeedReader reader = new FeedReader(Set.of("alms", "gtwc-asia", "gtwc-europe"), 20L * 1024 * 1024);
        Map<String, SessionResult> accepted = new LinkedHashMap<>();
        corpus.forEach((path, bytes) -> {
            if (path.endsWith(".meta.json")) return;
            try {
                accepted.put(path, reader.read(bytes, path, corpus.get(path + ".meta.json")));
            } catch (FeedException rejected) {
                // rejected: the application must reject it too
            }
        });
        return accepted;
    }

    private static String resultPath(SessionResult r) {
        return "results/" + r.series() + "/" + r.season() + "/" + String.format("%02d", r.event().round()) + "-" + r.session().key() + ".json";
    }

    /** "accepted", "rejected", or null while the file is still in the inbox. */
    private static String outcome(Home home, String path) {
        if (Files.isRegularFile(home.inbox().resolve(".failed/" + path + ".error.json"))
                && Files.exists(home.inbox().resolve(".failed/" + path))) return "rejected";
        Path done = home.inbox().resolve(".done");
        if (!Files.isDirectory(done)) return null;
        try (Stream<Path> days = Files.list(done)) {
            return days.anyMatch(day -> Files.isRegularFile(day.resolve(path))) ? "accepted" : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Process start(Home home, Path logs) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Xlog:gc:file=" + logs.resolve("gc.log"),
                "-Dpodium.inbox.read-lock-min-age=200", "-Dpodium.inbox.poll-delay=100", "-Dpodium.serve.port=0",
                "-cp", classpath, Podium.class.getName(), "run", "--home", home.root().toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve("podium.log").toFile()).start();
    }

    private static void stop(Process podium) throws InterruptedException {
        podium.destroy();
        if (!podium.waitFor(45, TimeUnit.SECONDS)) {
            podium.destroyForcibly();
            podium.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The run's log and GC log stay in target/hostile-inbox/ for a look after the build. */
    private static void keepLogs(Path logs) throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "hostile-inbox"));
        for (String name : List.of("podium.log", "gc.log")) {
            if (Files.exists(logs.resolve(name))) Files.copy(logs.resolve(name), kept.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void await(Process podium, Path logs, String what, BooleanSupplier done) throws InterruptedException {
        try {
            org.awaitility.Awaitility.await().atMost(DRAIN).pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                if (!podium.isAlive()) throw new AssertionError("Podium died (exit " + podium.exitValue() + ") waiting for " + what + "\n" + tail(logs));
                return done.getAsBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "\n" + tail(logs), e);
        }
    }

    private static String tail(Path logs) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve("podium.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Inbox path → the first entry's team, for every stored version (read after Podium stopped). */
    private static Map<String, String> storedFirstTeams(Home home) throws Exception {
        Map<String, String> teams = new HashMap<>();
        String url = "jdbc:h2:file:" + home.data().resolve("podium") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT inbox_path, parsed_json FROM session_document")) {
            while (rs.next()) {
                JsonNode doc = Json.MAPPER.readTree(rs.getString(2));
                teams.put(rs.getString(1), doc.path("entries").path(0).path("team").asText(null));
            }
        }
        return teams;
    }

    /** Every path under {@code root} but the skipped trees: a file by size and hash, a link by its target. */
    private static Map<String, String> snapshot(Path root, Set<Path> skip) {
        Map<String, String> seen = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (skip.stream().anyMatch(p::startsWith)) continue;
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) seen.put(rel, "link to " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) seen.put(rel, "folder");
                else seen.put(rel, Files.size(p) + " bytes, " + Sha256.hex(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    private static Map<Path, Path> linksIn(Path root) throws IOException {
        Map<Path, Path> links = new HashMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) if (Files.isSymbolicLink(p)) links.put(p, Files.readSymbolicLink(p));
        }
        return links;
    }

    /** Paths in the home, links aside, whose real location is not in the home. */
    private static List<Path> escapingPaths(Path home) throws IOException {
        Path real = home.toRealPath();
        List<Path> escaping = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p) && !p.toRealPath().startsWith(real)) escaping.add(p);
            }
        }
        return escaping;
    }

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    /** The most heap in use at any collection, from the JVM's GC log. */
    private static long peakHeap(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                long bytes = switch (m.group(2)) {
                    case "K" -> n << 10;
                    case "M" -> n << 20;
                    default -> n << 30;
                };
                peak = Math.max(peak, bytes);
            }
        }
        return peak;
    }
}
