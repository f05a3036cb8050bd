package org.podium.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The profile of one benchmark JVM, from a Java Flight Recording (-Dbench.profile=true): where the CPU
 * samples fall (the top frame of each sample; every Podium method on the stack, counted once per sample),
 * and the waits the CPU samples do not show (fsync, file reads and writes, monitors, parking), by the
 * Podium method nearest the top of the waiting stack.
 */
final class Profile {
    private Profile() {}

    /** The events recorded: CPU samples every 10 ms, and the waits. */
    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="podium-bench">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
              <event name="jdk.FileForce"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.FileRead"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
              <event name="jdk.FileWrite"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
              <event name="jdk.JavaMonitorEnter"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
              <event name="jdk.ThreadPark"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
              <event name="jdk.GarbageCollection"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.Deoptimization"><setting name="enabled">true</setting><setting name="stackTrace">false</setting></event>
              <event name="jdk.ClassDefine"><setting name="enabled">true</setting><setting name="stackTrace">false</setting></event>
            </configuration>
            """;

    /** The JVM options that record {@code jfr}, with the settings written beside it. */
    static List<String> jvmOptions(Path jfr) {
        Path settings = jfr.resolveSibling("bench-profile.jfc");
        try {
            Files.createDirectories(jfr.getParent());
            Files.writeString(settings, SETTINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:StartFlightRecording=filename=" + jfr + ",dumponexit=true,settings=" + settings);
    }

    /** Prints the top costs of a recording; returns the lines printed. */
    static List<String> report(Path jfr, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> podiumInclusive = new HashMap<>();
        Map<String, Integer> podiumSelf = new HashMap<>();
        // the same, per thread (the ingest route's and the recompute's are the ones that matter)
        Map<String, Map<String, Integer>> byThread = new HashMap<>();
        Map<String, Integer> threadSamples = new HashMap<>();
        Map<String, long[]> waitsByKind = new LinkedHashMap<>();
        Map<String, long[]> waitsByPlace = new HashMap<>();
        long samples = 0;
        long gcNanos = 0;
        // JIT compilations by the library of the compiled method, and the single most expensive ones
        Map<String, long[]> compiledByLibrary = new HashMap<>();
        Map<String, long[]> compiledMethods = new HashMap<>();
        long[] compiled = new long[2];
        // what sent compiled code back to the interpreter (each is compiled again), and classes defined while running
        Map<String, Integer> deopts = new HashMap<>();
        Map<String, Integer> defined = new HashMap<>();
        try (RecordingFile in = new RecordingFile(jfr)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace st = e.getStackTrace();
                        if (st == null || st.getFrames().isEmpty()) continue;
                        samples++;
                        List<RecordedFrame> frames = st.getFrames();
                        self.merge(name(frames.get(0)), 1, Integer::sum);
                        Set<String> seen = new HashSet<>();
                        String nearest = null;
                        for (RecordedFrame f : frames) {
                            String n = name(f);
                            if (!n.startsWith("org.podium.")) continue;
                            if (nearest == null) nearest = n;
                            if (seen.add(n)) podiumInclusive.merge(n, 1, Integer::sum);
                        }
                        podiumSelf.merge(nearest == null ? "(no Podium frame: Camel, JDK, H2 threads)" : nearest, 1, Integer::sum);
                        jdk.jfr.consumer.RecordedThread thread = e.getThread("sampledThread");
                        String threadName = Measure.javaThreadKind(thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName());
                        threadSamples.merge(threadName, 1, Integer::sum);
                        Map<String, Integer> mine = byThread.computeIfAbsent(threadName, x -> new HashMap<>());
                        seen.forEach(n -> mine.merge(n, 1, Integer::sum));
                    }
                    case "jdk.GarbageCollection" -> gcNanos += e.getDuration("sumOfPauses").toNanos();
                    case "jdk.Deoptimization" -> {
                        RecordedMethod m = e.getValue("method");
                        String where = m == null ? "?" : m.getType().getName() + "." + m.getName();
                        deopts.merge(e.getString("reason") + " " + e.getString("action") + " in " + where, 1, Integer::sum);
                    }
                    case "jdk.ClassDefine" -> {
                        jdk.jfr.consumer.RecordedClass c = e.getValue("definedClass");
                        String n = c == null ? "?" : c.getName().replaceAll("[0-9]+", "#").replaceAll("0x[0-9a-f#]+", "#");
                        defined.merge(n.length() > 90 ? n.substring(0, 90) : n, 1, Integer::sum);
                    }
                    case "jdk.Compilation" -> {
                        RecordedMethod m = e.getValue("method");
                        if (m == null) continue;
                        String method = m.getType().getName() + "." + m.getName() + " (tier " + e.getInt("compileLevel") + ")";
                        long d = e.getDuration().toNanos();
                        compiled[0]++;
                        compiled[1] += d;
                        long[] l = compiledByLibrary.computeIfAbsent(library(m.getType().getName()), x -> new long[2]);
                        l[0]++;
                        l[1] += d;
                        long[] one = compiledMethods.computeIfAbsent(method, x -> new long[2]);
                        one[0]++;
                        one[1] += d;
                    }
                    default -> {
                        RecordedStackTrace st = e.getStackTrace();
                        String place = null;
                        if (st != null) {
                            for (RecordedFrame f : st.getFrames()) {
                                String n = name(f);
                                if (n.startsWith("org.podium.")) { place = n; break; }
                            }
                        }
                        // idle pools park and wait all the time: only the waits inside Podium's own work count
                        if (place == null) continue;
                        long d = e.getDuration().toNanos();
                        long[] k = waitsByKind.computeIfAbsent(type, x -> new long[2]);
                        k[0]++;
                        k[1] += d;
                        long[] p = waitsByPlace.computeIfAbsent(type + " in " + place, x -> new long[2]);
                        p[0]++;
                        p[1] += d;
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Profile (%s): %,d CPU samples (10 ms each, threads running Java code), GC pauses %.1f s",
                jfr.getFileName(), samples, gcNanos / 1e9));
        out.add("Top self frames (the method running when sampled):");
        topCounts(self, samples, top).forEach(out::add);
        out.add("Top Podium methods, inclusive (on the stack of that share of samples):");
        topCounts(podiumInclusive, samples, top).forEach(out::add);
        out.add("Samples by the Podium method nearest the top of the stack (its own work and the libraries it calls):");
        topCounts(podiumSelf, samples, top).forEach(out::add);
        threadSamples.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(2).forEach(t -> {
            out.add(String.format(Locale.ROOT, "Thread %s (%,d samples): top Podium methods, inclusive:", t.getKey(), t.getValue()));
            topCounts(byThread.get(t.getKey()), t.getValue(), 15).forEach(out::add);
        });
        out.add("Waits inside Podium's work (wall-clock; fsync = jdk.FileForce, all; file reads and writes, monitors, parking over 1 ms):");
        waitsByKind.forEach((k, v) -> out.add(String.format(Locale.ROOT, "  %-22s %,7d events %9.2f s", k, v[0], v[1] / 1e9)));
        waitsByPlace.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(en -> out.add(String.format(Locale.ROOT, "    %9.2f s %,7d × %s", en.getValue()[1] / 1e9, en.getValue()[0], en.getKey())));
        if (compiled[0] > 0) {
            out.add(String.format(Locale.ROOT, "JIT compilations: %,d, %.1f s of compiler time; by the library compiled:", compiled[0], compiled[1] / 1e9));
            compiledByLibrary.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                    .forEach(en -> out.add(String.format(Locale.ROOT, "    %9.2f s %,7d × %s", en.getValue()[1] / 1e9, en.getValue()[0], en.getKey())));
            out.add("  the longest compiled methods:");
            compiledMethods.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                    .forEach(en -> out.add(String.format(Locale.ROOT, "    %9.3f s %,7d × %s", en.getValue()[1] / 1e9, en.getValue()[0], en.getKey())));
        }
        int deoptCount = deopts.values().stream().mapToInt(Integer::intValue).sum();
        if (deoptCount > 0) {
            out.add(String.format(Locale.ROOT, "Deoptimizations: %,d; the most frequent (reason, action, method):", deoptCount));
            topCounts(deopts, deoptCount, top).forEach(out::add);
        }
        int definedCount = defined.values().stream().mapToInt(Integer::intValue).sum();
        if (definedCount > 0) {
            out.add(String.format(Locale.ROOT, "Classes defined during the recording: %,d; the most frequent names:", definedCount));
            topCounts(defined, definedCount, 10).forEach(out::add);
        }
        out.forEach(System.out::println);
        return out;
    }

    private static List<String> topCounts(Map<String, Integer> counts, long total, int top) {
        return counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                .map(en -> String.format(Locale.ROOT, "  %5.1f %% %,7d  %s", 100.0 * en.getValue() / Math.max(1, total), en.getValue(), en.getKey()))
                .toList();
    }

    /** {@code org.h2.mvstore.MVMap} → {@code org.h2}; {@code java.util.HashMap} → {@code java.util}; Podium by package. */
    static String library(String type) {
        String[] p = type.split("\\.");
        if (p.length < 3) return type;
        if (p[0].equals("org") && p[1].equals("podium")) return p[0] + "." + p[1] + "." + p[2];
        if (p[0].equals("org") && p[1].equals("apache")) return String.join(".", p[0], p[1], p[2], p.length > 4 ? p[3] : "");
        return p[0] + "." + p[1];
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) return "?";
        return m.getType().getName() + "." + m.getName();
    }

}
