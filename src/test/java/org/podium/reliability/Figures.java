package org.podium.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the reliability suite (crash safety, hostile input, load, feed faults, several
 * instances), collected while it runs and printed as one table when the test run ends
 * ({@link FiguresListener}), also written to {@code target/reliability.md} for docs/reliability.md.
 */
public final class Figures {
    private Figures() {}

    /**
     * One line of the table.
     *
     * @param area    the kind of proof: "Crash safety", "Hostile input", "Load", "Feed faults"…
     * @param test    the test class that measured it (its outcome is shown beside the figures)
     * @param what    what was done, in a few words
     * @param figures what came out, in a few words with numbers
     */
    public record Line(String area, String test, String what, String figures) {}

    private static final List<Line> LINES = new ArrayList<>();

    /** Records a line for the table; {@code caller} is the test class that measured it. */
    public static synchronized void record(String area, Class<?> caller, String what, String figures) {
        LINES.add(new Line(area, caller.getName(), what, figures));
        // Visible in the test's own output too, in case the run never reaches its end
        System.out.println("[reliability] " + area + " | " + what + " | " + figures);
    }

    static synchronized List<Line> lines() {
        return List.copyOf(LINES);
    }

    /** True when the longer soak run was asked for ({@code mvn -B verify -Psoak}). */
    public static boolean soak() {
        return Boolean.getBoolean("podium.soak");
    }
}
