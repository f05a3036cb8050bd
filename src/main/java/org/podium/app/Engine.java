package org.podium.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.podium.recompute.SeasonChanges;
import org.podium.poll.PollConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Camel Main with Podium's routes and beans, for a home folder. */
final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("podium");

    private final Home home;
    private final Main main;

    /** For a run that ends by itself (once, rebuild, demo, tests): no management server, no feed schedule. */
    Engine(Home home, Map<String, String> overrides) {
        this(home, overrides, false);
    }

    /**
     * @param serve whether the management server (health, metrics) and the outbox API run, as {@code application.properties}
     *              configures it, and the feeds are polled on their schedules; only the daemon serves, so
     *              one-shot runs never contend for its port nor poll a feed twice
     */
    Engine(Home home, Map<String, String> overrides, boolean serve) {
        this.home = home;
        // An environment variable beats the command line in Camel's placeholders: a PODIUM_HOME naming
        // another folder than --home would send the routes to one folder and the rest to the other.
        Cli.configuredHome().map(h -> new Home(Path.of(h))).filter(h -> !h.equals(home)).ifPresent(h -> {
            throw new ConfigurationException("--home " + home.root() + " and podium.home (PODIUM_HOME) " + h.root()
                    + " name different folders: give one of them", null);
        });
        earlierRoutes(home);
        // Main scans Podium's package and finds PodiumConfiguration itself (adding it again would run it
        // twice); the poll package is not scanned.
        this.main = new Main(Podium.class);
        main.configure().addConfiguration(PollConfiguration.class);
        main.configure().withRoutesIncludePattern("file:" + home.routes() + "/*.yaml");
        main.addOverrideProperty("podium.home", home.root().toString());
        if (!serve) {
            main.addOverrideProperty("camel.management.enabled", "false");
            // nor the outbox API (routes/6-serve.yaml): its route does not start without its server
            main.addOverrideProperty("camel.server.enabled", "false");
            // A run that ends by itself polls each due feed once, itself: no cron fires during it.
            main.addOverrideProperty(PollConfiguration.SCHEDULED, "false");
        }
        overrides.forEach(main::addOverrideProperty);
    }

    /** The route files of releases before the routes were numbered in pipeline order. */
    static final List<String> EARLIER_ROUTES = List.of("poll.yaml", "ingest.yaml", "classify.yaml", "publish.yaml");

    /**
     * A home whose routes/ an earlier release wrote would load them beside the numbered ones, or alone:
     * its ingest route queues no recompute and its publish route calls what is no longer there. Said at
     * start-up, before anything is taken from the inbox.
     */
    static void earlierRoutes(Home home) {
        List<String> found = EARLIER_ROUTES.stream().filter(n -> Files.exists(home.routes().resolve(n))).toList();
        if (found.isEmpty()) return;
        throw new ConfigurationException(home.routes() + " holds " + String.join(", ", found) + ", the routes of an"
                + " earlier release: replace them with 1-poll.yaml, 2-ingest.yaml, 3-recompute.yaml, 4-publish.yaml,"
                + " 5-deliver.yaml and 6-serve.yaml"
                + " (init --home NEW_FOLDER writes them; carry over your own changes) and remove the old files", null);
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    void runUntilStopped() throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport m) {
                LOG.info("running: inbox {}, outbox {}{}", home.inbox(), home.outbox(), management());
            }

            @Override
            public void beforeStop(BaseMainSupport m) {
                LOG.info("stopping: files and recomputes in progress finish first (at most {} s)",
                        m.configure().getShutdownTimeout());
            }
        });
        main.run();
    }

    private String management() {
        CamelContext c = context();
        String outbox = Boolean.parseBoolean(c.getPropertiesComponent().resolveProperty("camel.server.enabled").orElse("false"))
                ? "; outbox at http://" + c.resolvePropertyPlaceholders("{{podium.serve.host}}:{{podium.serve.port}}")
                  + "/outbox/index.json" : "";
        return outbox + observe(c);
    }

    private String observe(CamelContext c) {
        if (!Boolean.parseBoolean(c.getPropertiesComponent().resolveProperty("camel.management.enabled").orElse("false"))) {
            return "";
        }
        String host = c.getPropertiesComponent().resolveProperty("camel.management.host").orElse("0.0.0.0");
        String port = c.getPropertiesComponent().resolveProperty("camel.management.port").orElse("8080");
        return "; health at http://" + host + ":" + port + "/observe/health, metrics at /observe/metrics";
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
     * Waits until the inbox holds nothing to take, nothing is in flight (deliveries aside) and no recompute is pending, seen
     * three times in a row; then writes the report at once if a publication made it stale (a run that
     * ends by itself does not wait for the report's timer).
     *
     * @return false when {@code max} passed first
     */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        SeasonChanges changes = bean("seasonChanges", SeasonChanges.class);
        org.podium.outbox.ReportWriter report = bean("reportWriter", org.podium.outbox.ReportWriter.class);
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            boolean busy = inboxHasWork(home.inbox())
                    || inflightExceptDeliveries() > 0
                    || changes.pendingCount() > 0;
            quiet = busy ? 0 : quiet + 1;
            if (quiet >= 3) {
                report.writeNowIfStale();
                // a publication during a backlog may have left the index for later: a run that ends leaves it current
                bean("outbox", org.podium.outbox.Outbox.class).writeIndex();
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Exchanges in flight, those sending deliveries left out: a webhook target that is slow or down would
     * keep a run that ends by itself from ever seeing quiet; what it does not send stays queued for the next run.
     */
    private int inflightExceptDeliveries() {
        var inflight = context().getInflightRepository();
        int n = inflight.size();
        for (org.apache.camel.Route r : context().getRoutes()) {
            if (r.getRouteId().startsWith("deliver-")) n -= inflight.size(r.getRouteId());
        }
        return n;
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
