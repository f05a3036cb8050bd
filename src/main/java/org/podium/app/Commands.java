package org.podium.app;

import org.podium.recompute.Recompute;
import org.podium.ingest.IngestStats;
import org.podium.poll.FeedPolls;
import org.podium.poll.PollResult;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each command does. Exit codes follow {@code once}: 0 good, 1 files rejected, 2 a feed failed,
 * 3 configuration; when several apply, the highest.
 */
final class Commands {
    private Commands() {}

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int FEED_FAILED = 2;
    static final int CONFIGURATION = 3;
    static final int KEEP_RUNNING = -1;

    static int run(String[] args) {
        return run(args, System.out, System.err, Map.of());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> overrides) {
        PrintWriter help = new PrintWriter(out, true);
        PrintWriter errors = new PrintWriter(err, true);
        CommandLine parser = Cli.commandLine(help, errors);
        Cli.Invocation cli;
        try {
            ParseResult parsed = parser.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) return OK;
            cli = Cli.invocation(parsed);
        } catch (ParameterException e) {
            for (String line : Cli.describe(e)) err.println("podium: " + line);
            return CONFIGURATION;
        } finally {
            help.flush();
            errors.flush();
        }
        // Before the first logger exists: log4j2.xml picks the layout from this property.
        System.setProperty("podium.log.format", cli.logFormat().name());
        Home home = new Home(cli.home());
        try {
            // A home is made on purpose only (init, demo): a misspelt --home in a cron job must not run on
            // a fresh folder with default settings and report success.
            if (List.of("run", "once", "rebuild", "deliveries").contains(cli.command()) && !java.nio.file.Files.isDirectory(home.root())) {
                throw new ConfigurationException("the home folder " + home.root() + " does not exist: give the folder that "
                        + "holds inbox/, outbox/ and config/ with --home (or PODIUM_HOME), or make a new one with "
                        + "podium init --home " + home.root(), null);
            }
            return switch (cli.command()) {
                case "init" -> init(home, out);
                case "validate" -> new Validate(home, out).run(cli.files(), cli.given());
                case "demo" -> new Demo(home, out, overrides).run();
                case "run" -> daemon(home, overrides);
                case "once" -> once(home, out, overrides, false);
                case "rebuild" -> once(home, out, overrides, true);
                case "deliveries" -> new DeliveriesCommand(home, out, overrides)
                        .run(cli.deliveries().resend, cli.deliveries().target, cli.deliveries().eventIds);
                default -> throw new IllegalStateException(cli.command());
            };
        } catch (ConfigurationException e) {
            // A log collector reads JSON only; a person at a terminal reads the message alone.
            if (cli.logFormat() == Cli.LogFormat.json) LoggerFactory.getLogger("podium").error("configuration error: {}", e.getMessage(), e);
            else err.println("podium: configuration error: " + e.getMessage());
            return CONFIGURATION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CONFIGURATION;
        }
    }

    /** Makes a home folder with the default configuration and routes; what is already there is kept. */
    static int init(Home home, PrintStream out) {
        boolean existed = java.nio.file.Files.isDirectory(home.config());
        home.prepare();
        out.printf("podium: home %s ready: config/ %s, routes/, inbox/, outbox/, data/%n", home.root(),
                existed ? "kept as it was" : "written with the defaults (series rules, feeds, invitations) to edit");
        out.printf("next: drop result files into %s, or enable feeds in %s, then run podium once --home %s%n",
                home.inbox(), home.config().resolve("feeds.yaml"), home.root());
        return OK;
    }

    static int daemon(Home home, Map<String, String> overrides) throws InterruptedException {
        home.prepare();
        try (Engine engine = new Engine(home, overrides, true)) {
            engine.runUntilStopped();
            return OK;
        } catch (Exception e) {
            throw ConfigurationException.from(e);
        }
    }

    static int once(Home home, PrintStream out, Map<String, String> overrides, boolean rebuild) throws InterruptedException {
        home.prepare();
        try (Engine engine = new Engine(home, overrides)) {
            try {
                engine.start();
            } catch (Exception e) {
                throw ConfigurationException.from(e);
            }
            if (rebuild) engine.bean("recompute", Recompute.class).rebuildAll();
            // Due feeds first, synchronously, so that what they bring is drained with the rest of the inbox.
            List<PollResult> polls = rebuild ? List.of() : engine.bean("feedPoller", FeedPolls.class).pollDue();
            for (PollResult p : polls) {
                out.printf("feed %s: %s%s%n", p.feedId(), p.summary(), p.misconfigured() ? "; CONFIGURATION ERROR: " + p.problem()
                        : p.failed() ? "; FAILED: " + p.problem() : "");
            }
            Duration max = Duration.ofSeconds(Long.parseLong(
                    engine.context().resolvePropertyPlaceholders("{{podium.once.max-seconds}}")));
            boolean idle = engine.awaitIdle(max);
            IngestStats stats = engine.bean("ingestStats", IngestStats.class);
            // A feed failed in this run: one of the due polls above (the schedule never runs in once).
            Set<String> failedFeeds = new TreeSet<>();
            polls.stream().filter(PollResult::faulted).forEach(p -> failedFeeds.add(p.feedId()));
            Set<String> misconfigured = new TreeSet<>();
            polls.stream().filter(PollResult::misconfigured).forEach(p -> misconfigured.add(p.feedId()));
            out.printf("podium %s: %d file(s) ingested, %d rejected, %d duplicate(s)%s%s%s%n",
                    rebuild ? "rebuild" : "once", stats.ingestedCount(), stats.rejectedCount(), stats.duplicateCount(),
                    failedFeeds.isEmpty() ? "" : "; feed(s) failed: " + String.join(", ", failedFeeds),
                    misconfigured.isEmpty() ? "" : "; feed(s) misconfigured: " + String.join(", ", misconfigured),
                    idle ? "" : "; stopped after " + max.toSeconds() + " s with work left (see the log)");
            // each rejected file by name, with its report: what a person at the terminal or a cron mail acts on
            for (IngestStats.Rejection r : stats.rejections()) {
                out.printf("  rejected %s: %s%n    moved to inbox/%s, report inbox/%s%n", r.file(), r.reason(), r.movedTo(), r.report());
            }
            if (stats.rejectedCount() > stats.rejections().size()) {
                out.printf("  … and %d more rejected file(s) in inbox/.failed/, each with its report%n",
                        stats.rejectedCount() - stats.rejections().size());
            }
            // a setting the source's own page contradicts is a configuration error: 3, whatever else happened
            return misconfigured.isEmpty() ? exitCode(stats.rejectedCount(), failedFeeds.size()) : CONFIGURATION;
        } catch (ConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw ConfigurationException.from(e);
        }
    }

    /** A failed feed outranks rejected files: a feed's results are missing, a rejected file is reported. */
    static int exitCode(long filesRejected, int feedsFailed) {
        if (feedsFailed > 0) return FEED_FAILED;
        if (filesRejected > 0) return REJECTED;
        return OK;
    }
}
