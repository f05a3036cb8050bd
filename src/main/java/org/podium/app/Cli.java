package org.podium.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: {@code <command> [--home DIR] [--log-format text|json] [FILE…]}. */
record Cli(String command, Path home, String logFormat, List<String> files) {

    static final List<String> COMMANDS = List.of("init", "demo", "run", "once", "validate", "rebuild");

    static final String USAGE = """
            Usage: java -jar podium.jar <command> [options] [FILE...]

            Commands:
              init               make a new home folder (--home) with the default configuration to edit;
                                 run, once and rebuild need an existing home
              demo               copy the bundled demo season into a fresh home folder (default ./podium-demo),
                                 process it, print a summary and exit
              run                run as a daemon: take files dropped into the inbox, poll the feeds on their
                                 schedules, publish into the outbox; stops on SIGTERM or Ctrl-C
              once               process the inbox and the feeds that are due, publish, exit
                                 (exit 0 all good, 1 some files rejected, 2 a feed failed, 3 configuration error)
              validate FILE...   say what each file is (format, metadata, entries) or what is wrong with it;
                                 stores nothing
              rebuild            recompute and republish everything from the store

            Options:
              --home DIR         the working folder holding inbox/, outbox/, config/, routes/ and data/
                                 (default: PODIUM_HOME, else the current folder; for demo: ./podium-demo)
              --log-format FMT   text (default) or json, one JSON object per line for log collectors
              --help             this text

            Every setting in application.properties can be overridden by an environment variable
            (podium.db.url -> PODIUM_DB_URL) or a -D system property.
            """;

    static Cli parse(String[] args) {
        String command = null;
        Path home = null;
        String logFormat = "text";
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h", "help" -> { return new Cli("help", null, logFormat, List.of()); }
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--log-format" -> {
                    logFormat = value(args, ++i, "--log-format");
                    if (!logFormat.equals("text") && !logFormat.equals("json")) {
                        throw new IllegalArgumentException("--log-format must be text or json, was " + logFormat);
                    }
                }
                default -> {
                    if (a.startsWith("--home=")) home = Path.of(a.substring(7));
                    else if (a.startsWith("--log-format=")) return parse(replace(args, i, "--log-format", a.substring(13)));
                    else if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
                    else if (command == null) {
                        if (!COMMANDS.contains(a)) throw new IllegalArgumentException("unknown command " + a);
                        command = a;
                    } else if (command.equals("validate")) files.add(a);
                    else throw new IllegalArgumentException("unexpected argument " + a + " for " + command);
                }
            }
        }
        if (command == null) throw new IllegalArgumentException("no command given");
        if (command.equals("validate") && files.isEmpty()) throw new IllegalArgumentException("validate needs at least one FILE");
        if (home == null) home = command.equals("demo") ? Path.of("podium-demo") : Path.of(configuredHome().orElse("."));
        return new Cli(command, home, logFormat, List.copyOf(files));
    }

    /** The home folder as a setting gives it (PODIUM_HOME, -Dpodium.home), for runs without --home. */
    static java.util.Optional<String> configuredHome() {
        String env = System.getenv(Settings.environmentName("podium.home"));
        if (env != null && !env.isBlank()) return java.util.Optional.of(env);
        return java.util.Optional.ofNullable(System.getProperty("podium.home")).filter(s -> !s.isBlank());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static String[] replace(String[] args, int i, String option, String value) {
        List<String> out = new ArrayList<>(List.of(args));
        out.set(i, value);
        out.add(i, option);
        return out.toArray(String[]::new);
    }
}
