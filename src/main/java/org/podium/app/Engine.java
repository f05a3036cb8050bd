package org.podium.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.podium.ingest.SeasonChanges;
import org.podium.poll.PollConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Camel Main with Podium's routes and beans, for a home folder. */
final class Engine implements AutoCloseable {

    private final Home home;
    private final Main main;

    Engine(Home home, Map<String, String> overrides) {
        this.home = home;
        this.main = new Main(Podium.class);
        main.configure().addConfiguration(PodiumConfiguration.class);
        main.configure().addConfiguration(PollConfiguration.class);
        main.configure().withRoutesIncludePattern("file:" + home.routes() + "/*.yaml");
        main.addOverrideProperty("podium.home", home.root().toString());
        overrides.forEach(main::addOverrideProperty);
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    void runUntilStopped() throws Exception {
        main.run();
    }

    void start() throws Exception {
        main.start();
        if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
            throw new IllegalStateException("Podium did not start; see the log above");
        }
    }

    CamelContext context() { return main.getCamelContext(); }

    <T> T bean(String name, Class<T> type) {
        T bean = context().getRegistry().lookupByNameAndType(name, type);
        if (bean == null) throw new IllegalStateException("no bean " + name);
        return bean;
    }

    /**
     * Waits until the inbox holds nothing to take, nothing is in flight and no recompute is pending,
     * seen twice in a row.
     *
     * @return false when {@code max} passed first
     */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        SeasonChanges changes = bean("seasonChanges", SeasonChanges.class);
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            boolean busy = inboxHasWork(home.inbox())
                    || context().getInflightRepository().size() > 0
                    || changes.pendingCount() > 0;
            quiet = busy ? 0 : quiet + 1;
            if (quiet >= 3) return true;
            Thread.sleep(100);
        }
        return false;
    }

    /** True when the inbox holds a file the ingest route would take. */
    static boolean inboxHasWork(Path inbox) {
        if (!Files.isDirectory(inbox)) return false;
        boolean[] found = {false};
        try {
            // Hidden folders (.done, .failed) are not entered; files may move away while we look.
            Files.walkFileTree(inbox, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                    return !dir.equals(inbox) && dir.getFileName().toString().startsWith(".")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                    if (a.isRegularFile() && takes(inbox.relativize(file))) {
                        found[0] = true;
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return found[0];
    }

    /** Mirrors the ingest route's filter: no hidden folders or files, no sidecars, no temporaries. */
    static boolean takes(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return false;
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1 && name.equals("README.md")) return false;
        return !(name.endsWith(".meta.json") || name.endsWith(".tmp") || name.endsWith(".part")
                || name.endsWith(".crdownload") || name.startsWith("~") || name.endsWith(".camelLock"));
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
