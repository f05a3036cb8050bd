package org.podium.app;

import org.podium.ingest.IngestStats;
import org.podium.outbox.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code demo}: the bundled fictional season, fed step by step (in calendar order) into a fresh home
 * folder's inbox, processed and published as a real season would be.
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

    int run() throws InterruptedException {
        freshHome();
        home.prepare();
        List<String> steps = Bundled.lines("demo/steps.txt");
        out.printf("Podium demo: %d steps of a fictional season, home %s%n", steps.size(), home.root());
        try (Engine engine = new Engine(home, overrides)) {
            engine.start();
            IngestStats stats = engine.bean("ingestStats", IngestStats.class);
            for (String step : steps) {
                Path staging = Files.createTempDirectory("podium-demo-step");
                int files = Bundled.copyTree("demo/steps/" + step, staging, true);
                moveInto(staging, home.inbox());
                deleteTree(staging);
                if (!engine.awaitIdle(Duration.ofMinutes(5))) {
                    out.println("  step " + step + " did not finish within 5 minutes; see the log");
                    return Commands.CONFIGURATION;
                }
                out.printf("  step %-52s %2d file(s)%n", step, files);
            }
            out.println();
            out.printf("Files: %d ingested, %d rejected, %d duplicate(s)%n",
                    stats.ingestedCount(), stats.rejectedCount(), stats.duplicateCount());
            out.println("Outputs:");
            out.printf("  %-30s %s%n", "outbox (" + count(home.outbox()) + " files)", home.outbox());
            out.printf("  %-30s %s%n", "index", home.outbox().resolve("index.json"));
            out.printf("  %-30s %s%n", "session results", home.outbox().resolve("results"));
            for (String kind : List.of("standings", "combined", "notices", "report")) {
                Path p = home.outbox().resolve(kind);
                if (Files.isDirectory(p)) out.printf("  %-30s %s%n", kind + " (" + count(p) + " files)", p);
            }
            out.printf("  %-30s %s%n", "processed inbox files", home.inbox().resolve(".done"));
            if (stats.rejectedCount() > 0) out.printf("  %-30s %s%n", "rejected files", home.inbox().resolve(".failed"));
            return Commands.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw ConfigurationException.from(e);
        }
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

    /** Each file appears in the inbox whole, as the poller writes them: a hidden temporary, then a rename. */
    private static void moveInto(Path staging, Path inbox) throws IOException {
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(p)) continue;
                Path dest = inbox.resolve(staging.relativize(p).toString());
                AtomicFiles.write(dest, Files.readAllBytes(p));
            }
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
