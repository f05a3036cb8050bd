package org.podium.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The command line, parsed by picocli: {@code java -jar podium.jar <command> [--home=DIR] [--log-format=FMT] …},
 * with {@code --help} and {@code --version} on every command. It only parses: {@link Commands} runs
 * what was asked. {@code --home} and {@code --log-format} may stand before or after the command.
 */
@Command(name = Cli.NAME, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        usageHelpWidth = 100, synopsisSubcommandLabel = "<command>",
        description = "Reads motorsport results files and feeds, computes the championship standings and publishes"
                + " them into the outbox.",
        commandListHeading = "%nCommands:%n", parameterListHeading = "%nArguments:%n", optionListHeading = "%nOptions:%n",
        sortOptions = false,
        footer = {
                "",
                "Exit codes (when several apply, the highest):",
                "  0  all good; validate: every file is valid",
                "  1  once, rebuild: some files were rejected (moved to inbox/.failed/ with a report);",
                "     validate: a file is not valid, or its metadata is incomplete",
                "  2  a feed failed",
                "  3  configuration error: a bad or unknown setting, a bad rules file, an unreachable",
                "     database, a --home that does not exist (run, once, rebuild, deliveries), or bad arguments",
                "",
                "Every setting in application.properties can be overridden by an environment variable",
                "(podium.db.url -> PODIUM_DB_URL) or a -D system property."},
        subcommands = {Cli.Init.class, Cli.DemoCommand.class, Cli.Run.class, Cli.Once.class, Cli.ValidateCommand.class,
                Cli.Rebuild.class, Cli.DeliveriesCommandLine.class, HelpCommand.class})
final class Cli {

    static final String NAME = "java -jar podium.jar";

    /** The log's layout: {@code text} for a person, {@code json} (one object per line) for a log collector. */
    enum LogFormat { text, json }

    /** What to run: the command, its home folder and log format, and for {@code validate} its files and metadata. */
    record Invocation(String command, Path home, LogFormat logFormat, List<String> files, Validate.Given given,
                      DeliveriesCommandLine deliveries) {}

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "the working folder holding inbox/, outbox/, config/, routes/ and data/ (default: PODIUM_HOME,"
                    + " else the current folder; for demo: ./podium-demo)")
    Path home;

    @Option(names = "--log-format", paramLabel = "FMT", scope = ScopeType.INHERIT,
            description = "text (default) or json: the log as one JSON object per line, for log collectors")
    LogFormat logFormat = LogFormat.text;

    @Command(name = "init", description = {
            "make a new home folder with the default configuration and routes to edit",
            "What is already there is kept. run, once and rebuild need an existing home folder."})
    static final class Init {}

    @Command(name = "demo", description = {
            "process the bundled demo season in a fresh home folder (default ./podium-demo)",
            "A local feed server on 127.0.0.1 publishes a fictional season step by step; Podium polls it after each step."})
    static final class DemoCommand {}

    @Command(name = "run", description = {
            "run as a daemon: take inbox files, poll the feeds on their schedules, publish",
            "Serves health and metrics; stops on SIGTERM or Ctrl-C after finishing what is in progress."})
    static final class Run {}

    @Command(name = "once", description = {
            "process the inbox and the feeds that are due, publish, exit with a status",
            "For cron and batch jobs: each rejected file is listed with why, where it went and its report."})
    static final class Once {}

    @Command(name = "rebuild", description = "recompute and republish everything from the store")
    static final class Rebuild {}

    @Command(name = "deliveries", description = {
            "list the deliveries to webhook targets not received yet: pending and dead (config/deliveries.yaml)",
            "Each with its target, event id, attempts, next attempt and last error. --resend queues the dead ones again."},
            footer = {"", "Exit codes: 0 done; 1 a named event is not a dead letter; 3 the store cannot be opened"})
    static final class DeliveriesCommandLine {
        @Option(names = "--resend", description = "queue dead deliveries again: those named, or every one")
        boolean resend;

        @Option(names = "--target", paramLabel = "ID", description = "only this target's deliveries")
        String target;

        @Parameters(paramLabel = "EVENT_ID", arity = "0..*",
                description = "with --resend, the dead deliveries to queue again, by event id (e.g. notices/lemans-2024-gtwc-europe/002-leader/1)")
        List<String> eventIds = List.of();
    }

    @Command(name = "validate", description = {
            "say what each FILE is (format, metadata, entries) or what is wrong with it",
            "",
            "A file under a home's inbox/<series>/<season>/<NN>_<event>/<session>/ takes its metadata from that path;"
                    + " a sidecar <FILE>.meta.json beside a file gives or overrides it; the options below override both,"
                    + " for every FILE. A file without complete metadata still has its content checked and described,"
                    + " and the report names the fields missing: it cannot be ingested as it is. Nothing is stored.",
            "",
            "The series must be one of the home's config/series/ (the built-in series without one), and the round, event"
                    + " and race must be in that series' calendar, as ingestion requires."},
            footer = {
                    "",
                    "Exit codes (the highest over all files):",
                    "  0  every file is valid, with complete metadata",
                    "  1  a file is REJECTED (its content, its metadata or the calendar), cannot be read,",
                    "     or is INCOMPLETE (its content is valid, its metadata lacks fields)",
                    "  3  bad arguments, or a bad configuration in the home folder",
                    "",
                    "Example:",
                    "  " + NAME + " validate --series alms --season 2023-24 --round 1 --event Sepang \\",
                    "      --session \"Race 1\" results.CSV"})
    static final class ValidateCommand {
        @Option(names = "--series", paramLabel = "ID", description = "the series id, as in config/series/<ID>.yaml (e.g. alms)")
        String series;

        @Option(names = "--season", paramLabel = "SEASON", description = "the season, as the series' calendar names it (e.g. 2023-24)")
        String season;

        @Option(names = "--round", paramLabel = "N", converter = RoundNumber.class,
                description = "the round number in the season's calendar, 1 or more")
        Integer round;

        @Option(names = "--event", paramLabel = "NAME", description = "the round's event, as the calendar names it (e.g. Sepang)")
        String event;

        @Option(names = "--session", paramLabel = "NAME", description = "the session (e.g. \"Race 1\", Qualifying, \"Free Practice 1\")")
        String session;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "the results files to check")
        List<String> files;

        Validate.Given given() { return new Validate.Given(series, season, round, event, session); }
    }

    /** A round number: a whole number from 1. */
    static final class RoundNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a round number (1, 2, 3…)");
            }
            if (n < 1) throw new TypeConversionException("rounds are numbered from 1, was " + n);
            return n;
        }
    }

    /** The version the build wrote into podium/version.properties, else the jar manifest's. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() { return new String[]{"podium " + version()}; }

        static String version() {
            try (InputStream in = Cli.class.getResourceAsStream("/podium/version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version", "");
                    if (!v.isBlank() && !v.contains("${")) return v.strip();
                }
            } catch (IOException e) {
                // the manifest's, below
            }
            return Optional.ofNullable(Cli.class.getPackage().getImplementationVersion()).orElse("(version unknown)");
        }
    }

    /** The parser, printing help and version to {@code out}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        return cl;
    }

    /**
     * What the parsed command line asks to run.
     *
     * @throws ParameterException when no command was given
     */
    static Invocation invocation(ParseResult parsed) {
        ParseResult sub = parsed.subcommand();
        if (sub == null) throw new ParameterException(parsed.commandSpec().commandLine(), "no command given");
        Cli cli = parsed.commandSpec().commandLine().getCommand();
        String command = sub.commandSpec().name();
        List<String> files = List.of();
        Validate.Given given = Validate.Given.NONE;
        if (sub.commandSpec().userObject() instanceof ValidateCommand v) {
            files = List.copyOf(v.files);
            given = v.given();
        }
        DeliveriesCommandLine deliveries = sub.commandSpec().userObject() instanceof DeliveriesCommandLine d ? d : null;
        if (deliveries != null && !deliveries.resend && !deliveries.eventIds.isEmpty()) {
            throw new ParameterException(sub.commandSpec().commandLine(), "event ids are given with --resend only");
        }
        Path home = cli.home != null ? cli.home
                : command.equals("demo") ? Path.of("podium-demo") : Path.of(configuredHome().orElse("."));
        return new Invocation(command, home, cli.logFormat, files, given, deliveries);
    }

    /**
     * A usage error in one line, and where to read the usage: what a person at a terminal needs, with
     * no stack trace.
     */
    static List<String> describe(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String arg = u.getUnmatched().get(0);
            if (where.getParent() == null) {
                message = "unknown command '" + arg + "': the commands are "
                        + String.join(", ", where.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
            } else {
                message = "unexpected argument '" + arg + "': " + where.getCommandName() + " takes options only";
            }
        }
        // an option's near miss (--hom) is worth naming; the commands are all named above
        List<String> suggestions = e instanceof UnmatchedArgumentException u && u.isUnknownOption() ? u.getSuggestions() : List.of();
        if (!suggestions.isEmpty()) message += " (did you mean " + String.join(" or ", suggestions) + "?)";
        return List.of(message, "see '" + where.getCommandSpec().qualifiedName() + " --help' for the usage");
    }

    /** The home folder as a setting gives it (PODIUM_HOME, -Dpodium.home), for runs without --home. */
    static Optional<String> configuredHome() {
        String env = System.getenv(Settings.environmentName("podium.home"));
        if (env != null && !env.isBlank()) return Optional.of(env);
        return Optional.ofNullable(System.getProperty("podium.home")).filter(s -> !s.isBlank());
    }
}
