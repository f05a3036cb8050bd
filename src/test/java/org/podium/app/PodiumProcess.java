package org.podium.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podium in a JVM of its own, as an operator runs it: from the test class path (the classes under
 * test) or from the built jar. Its standard output and error go to files beside its home folder.
 */
final class PodiumProcess implements AutoCloseable {

    final Process process;
    final Path stdout;
    final Path stderr;

    private PodiumProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** What to start: the JVM options, environment and arguments. */
    static final class Launch {
        private final List<String> launcher;
        private final List<String> jvm = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
        private final Map<String, String> environment = new HashMap<>();

        private Launch(List<String> launcher) { this.launcher = launcher; }

        Launch property(String key, String value) {
            jvm.add("-D" + key + "=" + value);
            return this;
        }

        Launch env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Starts {@code java … <args>}, its output written to {@code <logs>/<name>.out} and {@code .err}. */
        PodiumProcess start(Path logs, String name, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(launcher);
            command.addAll(List.of(args));
            try {
                Files.createDirectories(logs);
                Path out = logs.resolve(name + ".out");
                Path err = logs.resolve(name + ".err");
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                // Only what the test sets: no PODIUM_* variable of the machine running the tests leaks in.
                pb.environment().keySet().removeIf(k -> k.startsWith("PODIUM_") || k.startsWith("CAMEL_"));
                pb.environment().putAll(environment);
                return new PodiumProcess(pb.start(), out, err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The classes under test, with the test class path (whatever surefire gives this JVM). */
    static Launch classes() {
        return new Launch(List.of("-cp", System.getProperty("java.class.path"), Podium.class.getName()));
    }

    /** The shaded jar the build made. */
    static Launch jar(Path jar) {
        return new Launch(List.of("-jar", jar.toString()));
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int exitCode(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("podium did not exit within " + max + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    String stdout() { return read(stdout); }

    String stderr() { return read(stderr); }

    List<String> stderrLines() { return stderr().lines().toList(); }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
