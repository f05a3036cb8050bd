package org.podium.app;

import org.podium.support.Json;
import org.podium.ingest.IngestStats;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.poll.FeedPolls;
import org.podium.poll.PollResult;
import org.podium.poll.demo.DemoFeedServer;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code demo}: the bundled fictional season, published step by step (in calendar order) by a local feed
 * server on 127.0.0.1 as the real sources publish it, polled over HTTP into a fresh home folder's inbox
 * after each step, processed and published as a real season would be.
 */
final class Demo {

    static final String MARKER = ".podium-demo";

    private final Home home;
    private final PrintStream out;
    private final Map<String, String> overrides;

    Demo(Home home, PrintStream out, Map<String, String> overrides) {
        this.home = home;
        this.out = out;
        // The demo writes each file whole (temporary name, then rename): no need to wait for it to settle.
        Map<String, String> o = new java.util.HashMap<>(overrides);
        o.putIfAbsent("podium.inbox.read-lock-min-age", "50");
        o.putIfAbsent("podium.inbox.poll-delay", "100");
        this.overrides = Map.copyOf(o);
    }

    /** The demo's log, in its home folder: the terminal shows the summary alone. */
    static final String LOG = "podium.log";

    int run() throws InterruptedException {
        freshHome();
        // Only now: the home is the demo's own, fresh folder (a folder the demo refuses gets no log file).
        try (LogFile log = LogFile.open(home.root().resolve(LOG))) {
            try {
                return runLogged(log.file());
            } catch (RuntimeException | InterruptedException e) {
                // Into the log file; Commands then tells the terminal, the log being back on standard error.
                LoggerFactory.getLogger("podium").error("demo stopped: {}", e.getMessage(), e);
                throw e;
            }
        }
    }

    private int runLogged(Path logFile) throws InterruptedException {
        home.prepare();
        // The demo season has its own fictional calendars (and the alias its teams need); config/ ships the real ones.
        Bundled.copyTree("demo/config", home.config(), true);
        List<String> steps = Bundled.lines("demo/steps.txt");
        Path season = null;
        try {
            season = Files.createTempDirectory("podium-demo-season");
            for (String step : steps) Bundled.copyTree("demo/steps/" + step, season.resolve(step), true);
            try (DemoFeedServer server = DemoFeedServer.start(season, steps, seriesNames())) {
                Files.writeString(home.config().resolve("feeds.yaml"), server.feedsYaml());
                out.printf("Podium demo: %d steps of a fictional season, home %s%n", steps.size(), home.root());
                out.printf("Feed server: %s, an Al Kamel-style portal and SRO-style results pages, one step at a time%n", server.url());
                out.printf("Log: %s%n", logFile);
                return feed(server, logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (season != null) deleteTree(season);
        }
    }

    /** Publishes each step on the feed server, polls every feed, waits for the pipeline to go idle. */
    private int feed(DemoFeedServer server, Path logFile) throws InterruptedException {
        try (Engine engine = new Engine(home, overrides)) {
            engine.start();
            IngestStats stats = engine.bean("ingestStats", IngestStats.class);
            FeedPolls polls = engine.bean("feedPoller", FeedPolls.class);
            Map<String, Integer> fetched = new TreeMap<>();
            boolean feedFailed = false;
            for (String step = server.publishNext(); step != null; step = server.publishNext()) {
                List<String> perFeed = new ArrayList<>();
                int documents = 0;
                for (PollResult r : polls.pollAll()) {
                    fetched.merge(r.feedId(), r.fetched(), Integer::sum);
                    documents += r.fetched();
                    if (r.fetched() > 0) perFeed.add(r.feedId() + " " + r.fetched());
                    if (r.failed()) {
                        feedFailed = true;
                        out.printf("  feed %s failed: %s%n", r.feedId(), r.problem());
                    }
                }
                if (!engine.awaitIdle(Duration.ofMinutes(5))) {
                    out.println("  step " + step + " did not finish within 5 minutes; see the log " + logFile);
                    return Commands.CONFIGURATION;
                }
                out.printf("  step %-52s %2d fetched over HTTP%s%n", step, documents,
                        perFeed.isEmpty() ? "" : " (" + String.join(", ", perFeed) + ")");
            }
            out.println();
            int total = fetched.values().stream().mapToInt(Integer::intValue).sum();
            List<String> counts = new ArrayList<>();
            fetched.forEach((feed, n) -> counts.add(feed + " " + n));
            out.printf("Fetched over HTTP: %d document(s): %s%n", total, String.join(", ", counts));
            out.printf("Files: %d ingested, %d rejected, %d duplicate(s)%n",
                    stats.ingestedCount(), stats.rejectedCount(), stats.duplicateCount());
            printInvitations();
            out.printf("Outputs: %s (%d files)%n", home.outbox(), count(home.outbox()));
            out.printf("  %-30s %s%n", "index", home.outbox().resolve("index.json"));
            for (String kind : List.of("results", "standings", "combined", "notices")) {
                Path p = home.outbox().resolve(kind);
                String what = kind.equals("results") ? "session results" : kind;
                if (Files.isDirectory(p)) out.printf("  %-30s %s%n", what + " (" + count(p) + " files)", p);
            }
            out.printf("  %-30s %s%n", "processed inbox files", home.inbox().resolve(".done"));
            if (stats.rejectedCount() > 0) out.printf("  %-30s %s%n", "rejected files", home.inbox().resolve(".failed"));
            out.printf("Log: %s%n", logFile);
            // Last, so that it is what a person sees: the page to open in a browser.
            Path report = home.outbox().resolve("report").resolve("index.html");
            if (Files.isRegularFile(report)) out.printf("Report: %s%n", report.toUri());
            else out.printf("Report: not written (%s); see the log%n", report);
            return feedFailed ? Commands.FEED_FAILED : Commands.OK;
        } catch (InterruptedException | ConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw ConfigurationException.from(e);
        }
    }

    /** Each invitation's notices, oldest first: what downstream systems would have been told. */
    private void printInvitations() throws java.io.IOException {
        Path notices = home.outbox().resolve("notices");
        if (!Files.isDirectory(notices)) return;
        out.println("Invitations:");
        try (Stream<Path> dirs = Files.list(notices)) {
            for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
                List<String> told = new ArrayList<>();
                String name = dir.getFileName().toString();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                        var n = Json.MAPPER.readTree(f.toFile());
                        name = n.path("invitation").path("name").asText(name);
                        String who = n.path("recipient").path("team").asText()
                                + (n.path("recipient").path("car").isTextual() ? " #" + n.path("recipient").path("car").asText() : "");
                        told.add(n.path("state").asText() + " " + who);
                    }
                }
                out.printf("  %s:%n    %s%n", name, String.join("\n    ", told));
            }
        }
    }

    /** Each series' name, which names its championship table on the demo portal's pages. */
    private Map<String, String> seriesNames() {
        Map<String, String> names = new TreeMap<>();
        for (SeriesRules r : SeriesCatalog.load(home.config().resolve("series")).all()) names.put(r.id(), r.name());
        return names;
    }

    /** The demo never touches a folder it did not make: an existing non-demo folder is an error. */
    private void freshHome() {
        Path root = home.root();
        try {
            if (Files.isDirectory(root)) {
                boolean empty;
                try (Stream<Path> s = Files.list(root)) { empty = s.findAny().isEmpty(); }
                if (!empty && !Files.exists(root.resolve(MARKER))) {
                    throw new ConfigurationException(root + " exists and is not a Podium demo folder; "
                            + "choose another with --home", null);
                }
                deleteTree(root);
            }
            Files.createDirectories(root);
            Files.writeString(root.resolve(MARKER), "This folder is made by `podium demo` and replaced on every demo run.\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
