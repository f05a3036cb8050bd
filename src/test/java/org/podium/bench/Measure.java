package org.podium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the benchmark runs share: memory readings, the outbox index, the inbox read lock, log counting. */
final class Measure {
    private Measure() {}

    /** The peak resident set of this process (VmHWM), in MB, or -1 where /proc is not there. */
    static double vmHwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time this process has used so far, all threads, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time (user + system, in ms) of this process's live threads, summed by kind of thread: the JIT
     * compilers, the garbage collector, and the rest by name with digits dropped ({@code Camel thread #3}
     * and {@code Camel thread #4} count together). Read from {@code /proc/self/task}; empty elsewhere.
     * Threads that ended are not counted.
     */
    static Map<String, Long> threadCpuMs() {
        Map<String, Long> out = new java.util.TreeMap<>();
        long tick = 10; // USER_HZ is 100 on Linux: a tick is 10 ms
        // The JVM's own threads (compilers, GC) from /proc; Java threads by their full names below.
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String kind = threadKind(name);
                    if (kind == null) continue;
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            return out;
        }
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) continue;
            long ns = mx.getThreadCpuTime(t.getThreadId());
            if (ns > 0) out.merge(javaThreadKind(t.getThreadName()), ns / 1_000_000, Long::sum);
        }
        return out;
    }

    /** The kind of a JVM thread, null for a Java thread (counted by its full name). */
    static String threadKind(String name) {
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) return name.substring(0, 2) + " compiler";
        if (name.startsWith("GC ") || name.startsWith("G1 ")) return "GC";
        if (name.equals("VM Thread") || name.equals("Sweeper thread") || name.startsWith("VM Periodic")) return "VM";
        return null;
    }

    /** {@code Camel (camel-1) thread #3 - file:///tmp/x/inbox?…} → {@code file:inbox}; digits of pools dropped. */
    static String javaThreadKind(String name) {
        String n = name.replaceFirst("^Camel \\(.*?\\) thread #\\d+ - ", "");
        n = n.replaceAll("^([a-z]+):(//)?/?(?:[^?]*/)?([^/?]*).*$", "$1:$3");
        return n.replaceAll("[0-9]+", "#").strip();
    }


    /** What each kind of thread used between two readings, the largest first, in ms. */
    static String threadCpuDelta(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey().replace(' ', '_') + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** Samples heap use: the highest used heap seen, in MB. */
    static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        void sample() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peak.accumulateAndGet(used, Math::max);
        }

        double mb() { return peak.get() / 1024.0 / 1024.0; }
    }

    /**
     * How many session results {@code outbox/index.json} lists (a scan, no parse); read again only when
     * the index was replaced since the last look, so that watching costs the application little.
     */
    static final class IndexWatch {
        private final Path index;
        private long seen = Long.MIN_VALUE;
        private int results;
        private String text = "";

        IndexWatch(Path outbox) { this.index = outbox.resolve("index.json"); }

        int results() {
            refresh();
            return results;
        }

        /** Whether the index lists a path. */
        boolean lists(String path) {
            refresh();
            return text.contains("\"" + path + "\"");
        }

        private void refresh() {
            try {
                if (!Files.isRegularFile(index)) return;
                long modified = Files.getLastModifiedTime(index).to(java.util.concurrent.TimeUnit.NANOSECONDS) ^ Files.size(index);
                if (modified == seen) return;
                text = Files.readString(index);
                int n = 0;
                for (int i = text.indexOf("\"session-result\""); i >= 0; i = text.indexOf("\"session-result\"", i + 1)) n++;
                seen = modified;
                results = n;
            } catch (IOException e) {
                // being replaced: read again on the next look
            }
        }
    }

    /**
     * The ingest route's consumer parameters, read from {@code routes/2-ingest.yaml} with the settings of
     * {@code application.properties} put in: the minimal route polls with exactly these.
     */
    static Map<String, String> ingestParameters(Path routes, Path inbox) {
        try {
            JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(routes.resolve("2-ingest.yaml").toFile());
            JsonNode from = null;
            for (JsonNode r : yaml) {
                if ("ingest".equals(r.path("route").path("id").asText())) from = r.path("route").path("from");
            }
            if (from == null) throw new IllegalStateException("no route ingest in " + routes.resolve("2-ingest.yaml"));
            Properties settings = settings();
            settings.setProperty("podium.inbox", inbox.toString());
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = from.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), resolve(e.getValue().asText(), settings));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default settings, as application.properties gives them. */
    static Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = Measure.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        return settings;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    static String resolve(String text, Properties settings) {
        String s = text;
        for (int depth = 0; depth < 10; depth++) {
            Matcher m = PLACEHOLDER.matcher(s);
            if (!m.find()) return s;
            StringBuilder b = new StringBuilder();
            m.reset();
            while (m.find()) {
                String v = settings.getProperty(m.group(1).strip());
                if (v == null) throw new IllegalStateException("no setting " + m.group(1) + " for " + text);
                m.appendReplacement(b, Matcher.quoteReplacement(v.strip()));
            }
            m.appendTail(b);
            s = b.toString();
        }
        return s;
    }

    /** Moves every top folder of {@code staging} into {@code inbox} at once (a rename each). */
    static void drop(Path staging, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> top = Files.list(staging)) {
            for (Path p : top.toList()) {
                Path target = inbox.resolve(p.getFileName().toString());
                // a folder the inbox already has (the series of a warm-up): its contents go in, a folder at a time
                if (Files.isDirectory(target)) drop(p, target);
                else Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the standings computations per season from the {@code podium.classify} log lines. */
    static final class Recomputes extends AbstractAppender {
        private final Map<String, AtomicLong> perSeason = new ConcurrentHashMap<>();

        private Recomputes() {
            super("bench-recomputes", null, null, true, Property.EMPTY_ARRAY);
        }

        static Recomputes attach() {
            Recomputes r = new Recomputes();
            r.start();
            LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
            ctx.getConfiguration().getLoggerConfig("podium").addAppender(r, Level.INFO, null);
            ctx.updateLoggers();
            return r;
        }

        @Override
        public void append(LogEvent event) {
            if (!event.getLoggerName().equals("podium.classify")) return;
            String m = event.getMessage().getFormattedMessage();
            int at = m.indexOf(": standings computed");
            if (at > 0) perSeason.computeIfAbsent(m.substring(0, at), k -> new AtomicLong()).incrementAndGet();
        }

        Map<String, Long> counts() {
            Map<String, Long> out = new TreeMap<>();
            perSeason.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        void reset() { perSeason.clear(); }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
