package org.podium.reliability;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the reliability suite's figures as a Markdown table once every test has run, with each test's
 * outcome beside its figures, and writes it to {@code target/reliability.md}. Registered through
 * {@code META-INF/services}, so every JUnit run of this project has it; a run that measured nothing
 * prints nothing.
 */
public final class FiguresListener implements TestExecutionListener {

    /** The worst outcome of each test class's methods: a class with one failure shows FAILED. */
    private final Map<String, TestExecutionResult.Status> outcomes = new HashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String className = test.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : null).orElse(null);
        if (className == null) return;
        synchronized (outcomes) {
            outcomes.merge(className, result.getStatus(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    /**
     * Surefire runs the tests in two JVMs: each writes its own rows under {@code target/reliability/<build>/},
     * then prints and writes the table of every row of this build so far (the last one printed has them all).
     */
    /** Surefire runs each test class as a test plan of its own: the table is printed again only when it grew. */
    private static int printed;

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<Figures.Line> lines = Figures.lines();
        if (lines.size() <= printed) return;
        printed = lines.size();
        String rows = rows(lines);
        String table = rows;
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Path build = target.resolve("reliability").resolve(System.getProperty("tests.build", "local"));
                Files.createDirectories(build);
                Files.writeString(build.resolve("jvm-" + ProcessHandle.current().pid() + ".rows"), rows,
                        StandardCharsets.UTF_8);
                StringBuilder all = new StringBuilder();
                try (var files = Files.list(build)) {
                    for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".rows")).sorted()::iterator) {
                        all.append(Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
                table = all.toString();
                Files.writeString(target.resolve("reliability.md"), header() + table, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.out.println("could not write target/reliability.md: " + e.getMessage());
        }
        System.out.println();
        System.out.println(header() + table);
    }

    private static String header() {
        return "Reliability figures, " + LocalDate.now() + (Figures.soak() ? " (soak run)" : "") + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs\n\n"
                + "| area | what was done | figures | test |\n|---|---|---|---|\n";
    }

    /** One Markdown table row per figure, with its test's outcome. */
    String rows(List<Figures.Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Figures.Line l : lines) {
            TestExecutionResult.Status status;
            synchronized (outcomes) {
                status = outcomes.get(l.test());
            }
            String outcome = status == null ? "not finished" : switch (status) {
                case SUCCESSFUL -> "passed";
                case ABORTED -> "skipped";
                case FAILED -> "**FAILED**";
            };
            sb.append("| ").append(l.area()).append(" | ").append(l.what()).append(" | ").append(l.figures())
                    .append(" | ").append(l.test().substring(l.test().lastIndexOf('.') + 1)).append(": ").append(outcome)
                    .append(" |\n");
        }
        return sb.toString();
    }
}
