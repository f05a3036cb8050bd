package org.podium.app;

import org.podium.support.AtomicFiles;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary home folder with the project's real {@code routes/} and the demo's {@code config/}, and Podium
 * running on it as {@code run} does, without the management server (the real Camel Main, the real
 * YAML routes, the feeds on their schedules, a fresh database of the given kind).
 */
final class TestHome implements AutoCloseable {

    final Home home;
    final Map<String, String> overrides = new HashMap<>();
    private Engine engine;

    TestHome(Path dir, String databaseKind) {
        this.home = new Home(dir);
        copyTree(Path.of("routes"), home.routes());
        copyDemoConfig(home.config());
        overrides.put("podium.db.url", TestDatabases.freshUrl(databaseKind, dir.resolve("db")));
        overrides.put("podium.inbox.read-lock-min-age", "200");
        overrides.put("podium.inbox.poll-delay", "100");
        // as the daemon runs: feeds polled on their schedules
        overrides.put(org.podium.poll.PollConfiguration.SCHEDULED, "true");
    }

    TestHome with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    TestHome start() throws Exception {
        home.prepare();
        engine = new Engine(home, overrides);
        engine.start();
        return this;
    }

    Engine engine() { return engine; }

    <T> T bean(String name, Class<T> type) { return engine.bean(name, type); }

    /** Drops a file into the inbox the way a careful writer does: complete, then renamed into place. */
    Path drop(String relative, byte[] content) {
        Path target = home.inbox().resolve(relative);
        org.podium.support.AtomicFiles.write(target, content);
        return target;
    }

    void awaitIdle() throws InterruptedException {
        if (!engine.awaitIdle(Duration.ofSeconds(60))) throw new AssertionError("Podium did not go idle within 60 s");
    }

    Path outbox(String relative) { return home.outbox().resolve(relative); }

    Path inbox(String relative) { return home.inbox().resolve(relative); }

    /** Every regular file under a folder, as relative paths with forward slashes, sorted. */
    static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = TestHome.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) throw new IllegalStateException("no sample " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped {@code config/} with the demo season's own series files and aliases over it, as the demo runs. */
    static void copyDemoConfig(Path to) {
        copyTree(Path.of("config"), to);
        copyTree(org.podium.demo.DemoConfig.OVERLAY, to);
        letAlmsReadTheElmsSamples(to);
    }

    /**
     * The real European Le Mans Series and WEC samples stand in for Asian Le Mans files in many tests; they
     * write those series' class names, which the home's alms.yaml is told here, as a user would for such
     * files (a WEC Hypercar stands in for an LMP2 car).
     */
    static void letAlmsReadTheElmsSamples(Path config) {
        Path alms = config.resolve("series/alms.yaml");
        try {
            String text = Files.readString(alms);
            if (!text.contains("\nwritten: {}")) throw new IllegalStateException(alms + " has no 'written: {}' to extend");
            Files.writeString(alms, text.replace("\nwritten: {}", "\nwritten: { \"LMP2 Pro/Am\": { class: LMP2 }, \"LMGT3\": { class: GT },"
                    + " \"LMGTE\": { class: GT }, \"GTC\": { class: GT }, \"HYPERCAR\": { class: LMP2 }, \"P/A\": {} }"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (engine != null) engine.close();
    }
}
