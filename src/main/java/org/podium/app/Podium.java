package org.podium.app;

/**
 * {@code java -jar podium.jar <command> [--home=DIR]}: see {@link Cli} ({@code --help}).
 * Start-up holds no logic: the command line is parsed, then the command runs.
 */
public final class Podium {
    private Podium() {}

    public static void main(String[] args) {
        int code = Commands.run(args);
        if (code != Commands.KEEP_RUNNING) System.exit(code);
    }
}
