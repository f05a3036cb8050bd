package org.podium.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.podium.feed.FeedFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Podium's benchmarks, run by {@code mvn -B -q -Pbench verify} (never by the unit tests): parser
 * throughput against the raw tokenizers, the standings engine against season size, end-to-end backfill
 * against a minimal Camel route with the same read lock, drop-to-publish latency, recompute cost and
 * scope, peak heap and RSS. Each figure is printed; none is asserted.
 *
 * <p>System properties: {@code bench.only} (comma list of parsers, standings, backfill, recompute;
 * default all), {@code bench.files} (backfill sizes, default 1000,10000), {@code bench.drops}
 * (single-file drops, default 50).
 */
public final class Benchmarks {

    static final Path WORK = Path.of("target/bench-work");
    private static final List<String> SUMMARY = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Set<String> only = new TreeSet<>(Arrays.asList(System.getProperty("bench.only", "all").split(",")));
        boolean all = only.contains("all");
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.files", "1000,10000").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int drops = Integer.parseInt(System.getProperty("bench.drops", "50"));
        header();
        if (all || only.contains("parsers")) parsers();
        if (all || only.contains("standings")) standings();
        if (all || only.contains("backfill")) for (int k : sizes) backfill(k);
        if (all || only.contains("recompute")) recompute(drops);
        System.out.println();
        System.out.println("== Summary (Markdown)");
        SUMMARY.forEach(System.out::println);
        System.out.println();
        System.out.println("load average at the end: " + loadAverage());
    }

    static void header() {
        System.out.println("== Podium benchmarks, " + Instant.now());
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " CPU(s): " + cpuModel());
        System.out.println("load average at the start: " + loadAverage()
                + "  (above the CPU count means other work is competing for the CPUs)");
    }

    // ------------------------------------------------------------------------ parsers (JMH)

    static void parsers() throws RunnerException {
        System.out.println();
        System.out.println("== Parsers against the raw tokenizers (JMH, 1 fork, 3 x 1 s warm-up, 5 x 1 s measured)");
        Map<FeedFormat, Corpus> corpora = new LinkedHashMap<>();
        for (FeedFormat f : List.of(FeedFormat.ALKAMEL_RACE, FeedFormat.ALKAMEL_WIDE, FeedFormat.SRO_HTML, FeedFormat.PODIUM_JSON)) {
            corpora.put(f, Corpus.of(f));
        }
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ParserBenchmark.class.getName() + "\\.")
                .verbosity(VerboseMode.SILENT).build()).run();
        Map<String, double[]> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            score.put(r.getParams().getParam("format") + "/" + method,
                    new double[]{r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        String head = "| format | corpus | parser rows/s | parser MB/s | raw limit | raw rows/s | raw MB/s | parser / raw | FeedReader.read rows/s |";
        System.out.println(head);
        System.out.println("|---|---|---:|---:|---|---:|---:|---:|---:|");
        SUMMARY.add("Parsers (rows/s and MB/s; raw = the same bytes tokenized without building the model):");
        SUMMARY.add("");
        SUMMARY.add(head);
        SUMMARY.add("|---|---|---:|---:|---|---:|---:|---:|---:|");
        for (Corpus c : corpora.values()) {
            double[] p = score.get(c.format() + "/parser");
            double[] raw = score.get(c.format() + "/raw");
            double[] reader = score.get(c.format() + "/reader");
            String rawName = switch (c.format()) {
                case ALKAMEL_RACE, ALKAMEL_WIDE -> "Jackson CSV tokens";
                case SRO_HTML -> "jsoup parse";
                default -> "Jackson readTree";
            };
            String row = String.format(Locale.ROOT, "| %s | %d files, %d rows, %.2f MB | %,.0f | %.1f | %s | %,.0f | %.1f | %.0f %% | %,.0f |",
                    c.format().id(), c.files().size(), c.rows(), c.bytes() / 1e6, p[0] * c.rows(), p[0] * c.bytes() / 1e6,
                    rawName, raw[0] * c.rows(), raw[0] * c.bytes() / 1e6, 100 * p[0] / raw[0], reader[0] * c.rows());
            System.out.println(row);
            SUMMARY.add(row);
        }
        SUMMARY.add("");
        System.out.println("(JMH score error, 99.9 %: " + errors(score) + ")");
    }

    static String errors(Map<String, double[]> score) {
        List<String> out = new ArrayList<>();
        score.forEach((k, v) -> out.add(String.format(Locale.ROOT, "%s ±%.0f %%", k, 100 * v[1] / v[0])));
        return String.join(", ", out);
    }

    // ------------------------------------------------------------------------ standings engine (JMH)

    static void standings() throws RunnerException {
        System.out.println();
        System.out.println("== Standings engine against season size (JMH, StandingsCalculator.compute, GTWC Europe rules)");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(StandingsBenchmark.class.getName() + "\\.")
                .verbosity(VerboseMode.SILENT).build()).run();
        Map<String, Double> ms = new LinkedHashMap<>();
        for (RunResult r : results) {
            ms.put(r.getParams().getParam("axis") + "/" + r.getParams().getParam("scale"), r.getPrimaryResult().getScore());
        }
        String head = "| grown in | scale | rounds × cars | entries | compute ms | ms per 1 000 entries |";
        System.out.println(head);
        System.out.println("|---|---:|---|---:|---:|---:|");
        SUMMARY.add("Standings engine (StandingsCalculator.compute, one season, GTWC Europe rules: 18 tables):");
        SUMMARY.add("");
        SUMMARY.add(head);
        SUMMARY.add("|---|---:|---|---:|---:|---:|");
        for (String axis : List.of("rounds", "cars")) {
            for (int scale : new int[]{1, 10, 100}) {
                Double score = ms.get(axis + "/" + scale);
                if (score == null) continue;
                SeasonGenerator.Spec spec = StandingsBenchmark.spec(axis, scale);
                String row = String.format(Locale.ROOT, "| %s | %d× | %d × %d | %,d | %.2f | %.2f |", axis, scale, spec.rounds(),
                        spec.cars(), spec.entryCount(), score, score / spec.entryCount() * 1000);
                System.out.println(row);
                SUMMARY.add(row);
            }
        }
        SUMMARY.add("");
    }

    // ------------------------------------------------------------------------ backfill (separate JVMs)

    /** {@code files} files: 10 series × files/1000 seasons × 25 rounds × (2 races + 2 qualifying), 30 cars. */
    static SeasonGenerator.Spec backfillSpec(int files) {
        if (files % 1000 == 0) {
            return SeasonGenerator.Spec.mixed("backfill", 10, seasons(files / 1000), 25, 2, 0, 30, 11);
        }
        if (files % 40 != 0) throw new IllegalArgumentException("backfill sizes are multiples of 40 or of 1000: " + files);
        return SeasonGenerator.Spec.mixed("backfill", 10, seasons(1), files / 40, 2, 0, 30, 11);
    }

    static List<String> seasons(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.valueOf(2031 + i));
        return out;
    }

    static void backfill(int files) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "== Backfill of %,d files dropped at once (separate JVMs, -Xmx256m, default settings)%n", files);
        SeasonGenerator.Spec spec = backfillSpec(files);
        Map<String, String> floor = backfillRun("floor", spec);
        Map<String, String> podium = backfillRun("podium", spec);
        System.out.printf(Locale.ROOT, "minimal route (file -> read body -> discard, readLock=%s with a %s on H2, readLockMinAge=%s ms, "
                        + "the ingest route's consumer options): %s s, %s files/s, %s CPU ms per file, heap peak %s MB, RSS peak %s MB%n",
                floor.get("readLock"), floor.get("lockRepository"), floor.get("readLockMinAge"), floor.get("seconds"),
                floor.get("filesPerSecond"), floor.get("cpuMsPerFile"), floor.get("heapPeakMb"), floor.get("vmHwmMb"));
        System.out.printf(Locale.ROOT, "Podium (real routes, H2 on disk), until outbox/index.json lists every result: %s s, %s files/s "
                        + "(all ingested after %s s), %s CPU ms per file, %s rejected, %s seasons, %s standings computations, "
                        + "heap peak %s MB of %s MB, RSS peak %s MB%n",
                podium.get("seconds"), podium.get("filesPerSecond"), podium.get("ingestSeconds"), podium.get("cpuMsPerFile"),
                podium.get("rejected"), podium.get("seasons"), podium.get("recomputes"), podium.get("heapPeakMb"),
                podium.get("maxHeapMb"), podium.get("vmHwmMb"));
        double ratio = Double.parseDouble(podium.get("filesPerSecond")) / Double.parseDouble(floor.get("filesPerSecond"));
        double cpuRatio = Double.parseDouble(floor.get("cpuMsPerFile")) / Double.parseDouble(podium.get("cpuMsPerFile"));
        System.out.printf(Locale.ROOT, "Podium / minimal route: %.0f %% of its files/s; %.0f %% by CPU time per file%n", 100 * ratio, 100 * cpuRatio);
        if (SUMMARY.stream().noneMatch(s -> s.startsWith("| backfill files"))) {
            SUMMARY.add("Backfill (files dropped at once until outbox/index.json lists them all; separate JVMs with -Xmx256m):");
            SUMMARY.add("");
            SUMMARY.add("| backfill files | minimal route files/s | Podium files/s | Podium / minimal | CPU ms per file, minimal / Podium "
                    + "| Podium heap peak MB | Podium RSS peak MB | minimal RSS peak MB |");
            SUMMARY.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        int at = SUMMARY.size();
        while (at > 0 && SUMMARY.get(at - 1).isEmpty()) at--;
        SUMMARY.add(at, String.format(Locale.ROOT, "| %,d | %s | %s | %.0f %% | %s / %s | %s | %s | %s |", files, floor.get("filesPerSecond"),
                podium.get("filesPerSecond"), 100 * ratio, floor.get("cpuMsPerFile"), podium.get("cpuMsPerFile"),
                podium.get("heapPeakMb"), podium.get("vmHwmMb"), floor.get("vmHwmMb")));
        if (!SUMMARY.get(SUMMARY.size() - 1).isEmpty()) SUMMARY.add("");
    }

    static Map<String, String> backfillRun(String mode, SeasonGenerator.Spec spec) throws Exception {
        Path home = WORK.resolve("backfill-" + mode + "-" + spec.fileCount()).toAbsolutePath();
        Measure.deleteTree(home);
        SeasonGenerator generator = new SeasonGenerator(spec, Corpus.RULES);
        generator.writeFiles(home.resolve("staging"));
        if (mode.equals("podium")) {
            generator.writeRules(home.resolve("config/series"));
            Measure.copyTree(Path.of("routes"), home.resolve("routes"));
        }
        try {
            List<Map<String, String>> results = child(home, List.of("-Xmx256m"), BackfillRun.class.getName(), mode,
                    home.toString(), String.valueOf(spec.fileCount()));
            return results.get(0);
        } finally {
            Measure.deleteTree(home);
        }
    }

    // ------------------------------------------------------------------------ recompute (separate JVM)

    static void recompute(int drops) throws Exception {
        System.out.println();
        System.out.println("== Recompute: single drops, scope, and cost against season size (separate JVM, -Xmx512m, default settings)");
        Path home = WORK.resolve("recompute").toAbsolutePath();
        Measure.deleteTree(home);
        try {
            List<Map<String, String>> results = child(home, List.of("-Xmx512m"), RecomputeRun.class.getName(),
                    home.toString(), String.valueOf(drops));
            SUMMARY.add("Recompute after a change (stored sessions → standings, then republish; one season, GTWC Europe rules):");
            SUMMARY.add("");
            SUMMARY.add("| season size | sessions | entries | recompute ms | republish ms |");
            SUMMARY.add("|---:|---:|---:|---:|---:|");
            for (Map<String, String> r : results) {
                switch (r.get("kind")) {
                    case "backfill" -> System.out.println("standings computations per season while the three seasons were backfilled: "
                            + r.get("recomputes"));
                    case "drop" -> {
                        System.out.printf("%s single new sessions dropped one at a time into %s: drop to published result p50 %s ms, p99 %s ms, max %s ms%n",
                                r.get("drops"), "scale-rounds-1/2031", r.get("p50Ms"), r.get("p99Ms"), r.get("maxMs"));
                        System.out.println("standings computations per season caused by those drops (from the podium.classify log): "
                                + r.get("recomputesPerSeason"));
                        SUMMARY.add(0, String.format("Drop to published result (one new session file, %s drops, default settings): p50 %s ms, p99 %s ms. "
                                + "Standings computations per season caused by them: %s.", r.get("drops"), r.get("p50Ms"), r.get("p99Ms"),
                                r.get("recomputesPerSeason")));
                        SUMMARY.add(1, "");
                    }
                    case "notice" -> {
                        System.out.printf("%s drops of a race that changes who leads an invitation: drop to notice p50 %s ms, p99 %s ms, max %s ms (%s notices)%n",
                                r.get("drops"), r.get("p50Ms"), r.get("p99Ms"), r.get("maxMs"), r.get("notices"));
                        SUMMARY.add(0, String.format("Drop to notice (one file that changes an invitation's leader, %s drops, default settings): "
                                + "p50 %s ms, p99 %s ms, max %s ms.", r.get("drops"), r.get("p50Ms"), r.get("p99Ms"), r.get("maxMs")));
                        SUMMARY.add(1, "");
                    }
                    case "recompute" -> {
                        String row = String.format("| %s× | %s | %s | %s | %s |", r.get("scale"), r.get("sessions"), r.get("entries"),
                                r.get("computeMs"), r.get("publishMs"));
                        System.out.println(row);
                        SUMMARY.add(row);
                    }
                    default -> { }
                }
            }
            SUMMARY.add("");
        } finally {
            Measure.deleteTree(home);
        }
    }

    // ------------------------------------------------------------------------ child JVMs

    /** Runs a main class in a JVM of its own; returns its {@code RESULT} lines as key/value maps. */
    static List<Map<String, String>> child(Path home, List<String> jvm, String main, String... args) throws Exception {
        Files.createDirectories(home);
        Path log = home.getParent().resolve(home.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        List<Map<String, String>> results = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("RESULT ")) continue;
                results.add(parse(line.substring(7)));
            }
        }
        int code = p.waitFor();
        if (code != 0 || results.isEmpty()) {
            throw new IllegalStateException(main + " failed (exit " + code + "); its log: " + log.toAbsolutePath());
        }
        return results;
    }

    /** {@code a=1 b={x=1, y=2} c=3} → a map; a value in braces may hold spaces. */
    static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            if (eq < 0) break;
            String key = line.substring(i, eq).strip();
            int end;
            if (eq + 1 < line.length() && line.charAt(eq + 1) == '{') end = line.indexOf('}', eq) + 1;
            else {
                end = line.indexOf(' ', eq);
                if (end < 0) end = line.length();
            }
            out.put(key, line.substring(eq + 1, end));
            i = end + 1;
        }
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
