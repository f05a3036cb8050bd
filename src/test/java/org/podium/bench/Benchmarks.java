package org.podium.bench;

import org.openjdk.jmh.infra.Blackhole;
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
 * <p>System properties: {@code bench.only} (comma list of parsers, standings, backfill, recompute, deliveries, and
 * jmh for the JMH benchmarks, which "all" leaves out; default all), {@code bench.files} (backfill sizes of the large shape,
 * default 1000,10000), {@code bench.shape} (backfill shapes: small, large or both; default large),
 * {@code bench.profile} (true: the Podium JVMs record a flight recording, whose top costs are printed), {@code bench.drops}
 * (single-file drops, default 50), {@code bench.pairs} (backfill runs of the minimal route and Podium per shape and size,
 * default 1; the pair of the median ratio goes into the summary).
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
        List<String> shapes = Arrays.stream(System.getProperty("bench.shape", "large").split(",")).map(String::strip).toList();
        for (String shape : shapes) {
            if (!shape.equals("small") && !shape.equals("large")) throw new IllegalArgumentException("bench.shape: small or large, not " + shape);
        }
        profile = Boolean.getBoolean("bench.profile");
        warm = Boolean.getBoolean("bench.warm");
        header();
        if (all || only.contains("parsers")) parsers();
        if (all || only.contains("standings")) standings();
        if (all || only.contains("backfill")) {
            for (String shape : shapes) {
                if (shape.equals("small")) backfill("small", smallSeasonsSpec());
                else for (int k : sizes) backfill("large", backfillSpec(k));
            }
        }
        if (all || only.contains("recompute")) recompute(drops);
        if (all || only.contains("deliveries")) deliveries(Math.max(5, drops / 2));
        if (only.contains("jmh")) jmh();
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

    static void parsers() throws Exception {
        System.out.println();
        System.out.println("== Parsers against the raw tokenizers (thread CPU time; parser, raw and FeedReader.read measured in "
                + "alternating 200 ms slices, median of " + SLICES + " slices each)");
        String head = "| format | corpus | parser rows/s | parser MB/s | raw limit | raw rows/s | raw MB/s | parser / raw | FeedReader.read rows/s |";
        System.out.println(head);
        System.out.println("|---|---|---:|---:|---|---:|---:|---:|---:|");
        SUMMARY.add("Parsers (rows and MB per CPU-second; raw = the same bytes tokenized without building the model):");
        SUMMARY.add("");
        SUMMARY.add(head);
        SUMMARY.add("|---|---|---:|---:|---|---:|---:|---:|---:|");
        for (FeedFormat f : List.of(FeedFormat.ALKAMEL_RACE, FeedFormat.ALKAMEL_WIDE, FeedFormat.SRO_HTML, FeedFormat.PODIUM_JSON)) {
            Corpus c = Corpus.of(f);
            ParserBenchmark b = new ParserBenchmark();
            b.format = f;
            b.setUp();
            Blackhole bh = blackhole();
            double[] ops = interleaved(List.of(() -> b.parser(bh), () -> b.raw(bh), () -> b.reader(bh)));
            String rawName = switch (f) {
                case ALKAMEL_RACE, ALKAMEL_WIDE -> "Jackson CSV tokens";
                case SRO_HTML -> "jsoup parse";
                default -> "Jackson readTree";
            };
            String row = String.format(Locale.ROOT, "| %s | %d files, %d rows, %.2f MB | %,.0f | %.1f | %s | %,.0f | %.1f | %.0f %% | %,.0f |",
                    f.id(), c.files().size(), c.rows(), c.bytes() / 1e6, ops[0] * c.rows(), ops[0] * c.bytes() / 1e6,
                    rawName, ops[1] * c.rows(), ops[1] * c.bytes() / 1e6, 100 * ops[0] / ops[1], ops[2] * c.rows());
            System.out.println(row);
            SUMMARY.add(row);
        }
        SUMMARY.add("");
    }

    static final int SLICES = 15;

    interface Task {
        void run() throws Exception;
    }

    /**
     * Operations per CPU-second of each task. The tasks take turns in short slices, so that whatever
     * else the machine does meanwhile weighs on all of them alike; thread CPU time leaves out the time
     * this thread waited for a CPU. The median slice of each task.
     */
    static double[] interleaved(List<Task> tasks) throws Exception {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 4; warm++) for (Task t : tasks) slice(mx, t, 500_000_000L);
        List<List<Double>> rates = new ArrayList<>();
        tasks.forEach(t -> rates.add(new ArrayList<>()));
        for (int i = 0; i < SLICES; i++) {
            for (int k = 0; k < tasks.size(); k++) rates.get(k).add(slice(mx, tasks.get(k), 200_000_000L));
        }
        double[] out = new double[tasks.size()];
        for (int k = 0; k < out.length; k++) out[k] = Measure.percentile(rates.get(k), 50);
        return out;
    }

    private static double slice(java.lang.management.ThreadMXBean mx, Task t, long cpuNanos) throws Exception {
        long t0 = mx.getCurrentThreadCpuTime();
        long ops = 0;
        long now;
        do {
            t.run();
            ops++;
            now = mx.getCurrentThreadCpuTime();
        } while (now - t0 < cpuNanos);
        return ops / ((now - t0) / 1e9);
    }

    static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    /** The JMH benchmarks themselves (-Dbench.only=jmh), for a profile of where the time goes. */
    static void jmh() throws RunnerException {
        System.out.println();
        System.out.println("== JMH: ParserBenchmark and StandingsBenchmark (wall-clock scores: noisy on a shared machine)");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ParserBenchmark.class.getName() + "\\.|" + StandingsBenchmark.class.getName() + "\\.")
                .verbosity(VerboseMode.SILENT).build()).run();
        for (RunResult r : results) {
            System.out.printf(Locale.ROOT, "%s %s: %.3f ± %.3f %s%n", r.getParams().getBenchmark(), r.getParams().getParamsKeys().stream()
                            .map(k -> k + "=" + r.getParams().getParam(k)).toList(), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit());
        }
    }

    static String errors(Map<String, double[]> score) {
        List<String> out = new ArrayList<>();
        score.forEach((k, v) -> out.add(String.format(Locale.ROOT, "%s ±%.0f %%", k, 100 * v[1] / v[0])));
        return String.join(", ", out);
    }

    // ------------------------------------------------------------------------ standings engine (JMH)

    static void standings() throws Exception {
        System.out.println();
        System.out.println("== Standings engine against season size (StandingsCalculator.compute, GTWC Europe rules; "
                + "thread CPU time per computation, median)");
        String head = "| grown in | scale | rounds × cars | entries | compute CPU ms | ms per 1 000 entries |";
        System.out.println(head);
        System.out.println("|---|---:|---|---:|---:|---:|");
        SUMMARY.add("Standings engine (StandingsCalculator.compute, one season, GTWC Europe rules: 18 tables):");
        SUMMARY.add("");
        SUMMARY.add(head);
        SUMMARY.add("|---|---:|---|---:|---:|---:|");
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Blackhole bh = blackhole();
        for (String size : StandingsBenchmark.SIZES) {
            {
                StandingsBenchmark b = new StandingsBenchmark();
                b.size = size;
                b.setUp();
                String axis = b.axis;
                int scale = b.scale;
                List<Double> ms = new ArrayList<>();
                // warm up with 3 computations (or 2 CPU-seconds), then measure 5 (or 3 CPU-seconds)
                long warm = 0;
                for (int run = 0; run < 3 || warm < 2_000_000_000L && run < 50; run++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    bh.consume(b.compute());
                    warm += mx.getCurrentThreadCpuTime() - t0;
                }
                long spent = 0;
                for (int run = 0; run < 5 || spent < 3_000_000_000L && run < 200; run++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    bh.consume(b.compute());
                    long t = mx.getCurrentThreadCpuTime() - t0;
                    spent += t;
                    ms.add(t / 1e6);
                }
                double median = Measure.percentile(ms, 50);
                SeasonGenerator.Spec spec = StandingsBenchmark.spec(axis, scale);
                String row = String.format(Locale.ROOT, "| %s | %d× | %d × %d | %,d | %.2f | %.2f |", axis, scale, spec.rounds(),
                        spec.cars(), spec.entryCount(), median, median / spec.entryCount() * 1000);
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

    /**
     * Many small seasons: 2 000 files of one Asian Le Mans Series-like series in the Al Kamel CSV layouts
     * (race classification for races, the wide layout for qualifying), 500 seasons of one round of two
     * races and the two qualifying sessions that set their grids, 30 cars; every season in the calendar
     * of the generated rules.
     */
    static SeasonGenerator.Spec smallSeasonsSpec() {
        return new SeasonGenerator.Spec(List.of(new SeasonGenerator.Series("backfill-alms", SeasonGenerator.Feed.AL_KAMEL,
                seasons(500))), 1, 2, 0, 30, 11);
    }

    static boolean profile;
    static boolean warm;

    /** The same shape, series and files in as many other seasons, numbered after the spec's own. */
    static SeasonGenerator.Spec otherSeasons(SeasonGenerator.Spec spec) {
        List<SeasonGenerator.Series> series = new ArrayList<>();
        for (SeasonGenerator.Series s : spec.series()) {
            List<String> later = new ArrayList<>();
            for (String season : s.seasons()) later.add(String.valueOf(Integer.parseInt(season) + s.seasons().size()));
            series.add(new SeasonGenerator.Series(s.id(), s.feed(), later));
        }
        return new SeasonGenerator.Spec(series, spec.rounds(), spec.racesPerRound(), spec.practicesPerRound(), spec.cars(), spec.seed());
    }

    /** One spec whose series hold the seasons of both: the rules that place the files of each. */
    static SeasonGenerator.Spec bothSeasons(SeasonGenerator.Spec a, SeasonGenerator.Spec b) {
        List<SeasonGenerator.Series> series = new ArrayList<>();
        for (int i = 0; i < a.series().size(); i++) {
            List<String> seasons = new ArrayList<>(a.series().get(i).seasons());
            seasons.addAll(b.series().get(i).seasons());
            series.add(new SeasonGenerator.Series(a.series().get(i).id(), a.series().get(i).feed(), seasons));
        }
        return new SeasonGenerator.Spec(series, a.rounds(), a.racesPerRound(), a.practicesPerRound(), a.cars(), a.seed());
    }

    static List<String> seasons(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.valueOf(2031 + i));
        return out;
    }

    static void backfill(String shape, SeasonGenerator.Spec spec) throws Exception {
        long files = spec.fileCount();
        long seasons = spec.series().stream().mapToLong(x -> x.seasons().size()).sum();
        String describe = String.format(Locale.ROOT, "%s seasons: %,d files, %,d seasons of %d rounds × %d sessions, %d cars",
                shape, files, seasons, spec.rounds(), spec.sessionsPerRound(), spec.cars());
        System.out.println();
        System.out.printf(Locale.ROOT, "== Backfill, %s, dropped at once (separate JVMs, -Xmx256m, default settings)%s%n", describe,
                warm ? "; each JVM first backfills as many files of other seasons, and only the drop after them is measured" : "");
        // -Dbench.pairs=N: N runs of the minimal route and Podium, one after the other, so that one slow moment of
        // the machine does not decide the figure; the pair of the median ratio (the upper one of an even count) stands for the shape
        int pairs = Integer.getInteger("bench.pairs", 1);
        List<Pair> runs = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            if (pairs > 1) System.out.printf(Locale.ROOT, "-- pair %d of %d%n", pair, pairs);
            String loadBefore = loadAverage();
            Map<String, String> floor = backfillRun("floor", shape, spec);
            Map<String, String> podium = backfillRun("podium", shape, spec);
            String load = loadAverage();
            System.out.printf(Locale.ROOT, "minimal route (file -> read body -> discard, readLock=%s with a %s as on an embedded H2 store, readLockMinAge=%s ms, "
                            + "the ingest route's consumer options): %s s, %s files/s, %s CPU ms per file (%s with its start), heap peak %s MB, RSS peak %s MB%n",
                    floor.get("readLock"), floor.get("lockRepository"), floor.get("readLockMinAge"), floor.get("seconds"),
                    floor.get("filesPerSecond"), floor.get("cpuMsPerFile"), floor.get("cpuMsPerFileWithStart"), floor.get("heapPeakMb"),
                    floor.get("vmHwmMb"));
            System.out.printf(Locale.ROOT, "Podium (real routes, H2 on disk), until outbox/index.json lists every result: %s s, %s files/s "
                            + "(all ingested after %s s), %s CPU ms per file (%s with its start), %s rejected, %s seasons, %s standings computations, "
                            + "heap peak %s MB of %s MB, RSS peak %s MB%n",
                    podium.get("seconds"), podium.get("filesPerSecond"), podium.get("ingestSeconds"), podium.get("cpuMsPerFile"),
                    podium.get("cpuMsPerFileWithStart"),
                    podium.get("rejected"), podium.get("seasons"), podium.get("recomputes"), podium.get("heapPeakMb"),
                    podium.get("maxHeapMb"), podium.get("vmHwmMb"));
            // the CPU of the window from drop to done, by thread: compilers and GC are the JVM's own cost of the run
            System.out.printf(Locale.ROOT, "CPU ms from drop to done, by thread (live threads): minimal route %s; Podium %s%n",
                    floor.get("threadCpuMs"), podium.get("threadCpuMs"));
            double ratio = Double.parseDouble(podium.get("filesPerSecond")) / Double.parseDouble(floor.get("filesPerSecond"));
            double cpuRatio = Double.parseDouble(floor.get("cpuMsPerFile")) / Double.parseDouble(podium.get("cpuMsPerFile"));
            System.out.printf(Locale.ROOT, "Podium / minimal route: %.0f %% of its files/s; %.0f %% by CPU time per file "
                    + "(load average before %s, after %s)%n", 100 * ratio, 100 * cpuRatio, loadBefore, load);
            runs.add(new Pair(ratio, floor, podium, loadBefore, load));
        }
        runs.sort(java.util.Comparator.comparingDouble(Pair::ratio));
        Pair median = runs.get(runs.size() / 2);
        double ratio = median.ratio();
        Map<String, String> floor = median.floor();
        Map<String, String> podium = median.podium();
        String loadBefore = median.loadBefore();
        String load = median.load();
        if (pairs > 1) {
            System.out.printf(Locale.ROOT, "%d pairs: Podium / minimal route, median %.0f %% (from %.0f to %.0f %%); the median pair: "
                            + "minimal route %s files/s, Podium %s files/s%n", pairs, 100 * ratio, 100 * runs.get(0).ratio(),
                    100 * runs.get(runs.size() - 1).ratio(), floor.get("filesPerSecond"), podium.get("filesPerSecond"));
        }
        if (SUMMARY.stream().noneMatch(s -> s.startsWith("| shape | backfill files"))) {
            SUMMARY.add("Backfill (files dropped at once until outbox/index.json lists them all; separate JVMs with -Xmx256m; "
                    + "small = one round of 4 sessions per season, large = 25 rounds of 4 sessions per season):");
            SUMMARY.add("");
            SUMMARY.add("| shape | backfill files | seasons | minimal route files/s | Podium files/s | Podium / minimal | CPU ms per file from drop to done, minimal / Podium "
                    + "| Podium heap peak MB | Podium RSS peak MB | minimal RSS peak MB | load average (1 min) |");
            SUMMARY.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        }
        int at = SUMMARY.size();
        while (at > 0 && SUMMARY.get(at - 1).isEmpty()) at--;
        SUMMARY.add(at, String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %.0f %% | %s / %s | %s | %s | %s | %s → %s |",
                warm ? shape + ", after a warm-up" : shape, files, seasons,
                floor.get("filesPerSecond"), podium.get("filesPerSecond"), 100 * ratio, floor.get("cpuMsPerFile"), podium.get("cpuMsPerFile"),
                podium.get("heapPeakMb"), podium.get("vmHwmMb"), floor.get("vmHwmMb"), loadBefore.split(" ")[0], load.split(" ")[0]));
        if (!SUMMARY.get(SUMMARY.size() - 1).isEmpty()) SUMMARY.add("");
    }

    /** One run of the minimal route and one of Podium, on the same files, and Podium's share of the route's files/s. */
    private record Pair(double ratio, Map<String, String> floor, Map<String, String> podium, String loadBefore, String load) {}

    static Map<String, String> backfillRun(String mode, String shape, SeasonGenerator.Spec spec) throws Exception {
        Path home = WORK.resolve("backfill-" + shape + "-" + mode + "-" + spec.fileCount()).toAbsolutePath();
        Measure.deleteTree(home);
        SeasonGenerator generator = new SeasonGenerator(spec, Corpus.RULES);
        generator.writeFiles(home.resolve("staging"));
        // -Dbench.warm=true: the same shape in other seasons first, waited for, then the measured drop
        SeasonGenerator.Spec warmup = warm ? otherSeasons(spec) : null;
        if (warmup != null) new SeasonGenerator(warmup, Corpus.RULES).writeFiles(home.resolve("warmup"));
        if (mode.equals("podium")) {
            (warmup == null ? generator : new SeasonGenerator(bothSeasons(spec, warmup), Corpus.RULES))
                    .writeRules(home.resolve("config/series"));
            Measure.copyTree(Path.of("routes"), home.resolve("routes"));
        }
        try {
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
            // -Dbench.podium.jvm="-Dpodium.x=y …": options of the Podium JVM only, to try a setting against the defaults
            String extra = System.getProperty("bench.podium.jvm", "").strip();
            if (mode.equals("podium") && !extra.isEmpty()) jvm.addAll(List.of(extra.split("\\s+")));
            Path jfr = WORK.resolve("profile-" + shape + "-" + spec.fileCount() + ".jfr").toAbsolutePath();
            boolean recording = profile && mode.equals("podium");
            if (recording) jvm.addAll(Profile.jvmOptions(jfr));
            List<Map<String, String>> results = child(home, jvm, BackfillRun.class.getName(), mode,
                    home.toString(), String.valueOf(spec.fileCount()), String.valueOf(warmup == null ? 0 : warmup.fileCount()));
            if (recording) {
                System.out.println();
                System.out.println("-- " + shape + ", " + spec.fileCount() + " files: Podium's profile (recording kept at " + jfr + ")");
                Profile.report(jfr, 25);
            }
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
            List<Map<String, String>> results = child(home, List.of("-Xmx512m", "-Dbench.scales=" + System.getProperty("bench.scales", "1,10,100")), RecomputeRun.class.getName(),
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

    // ------------------------------------------------------------------------ deliveries

    static void deliveries(int drops) throws Exception {
        System.out.println();
        System.out.println("== Deliveries: notice written to received by a webhook, and a backlog drained after an outage (separate JVM, -Xmx512m, default settings)");
        Path home = WORK.resolve("deliveries").toAbsolutePath();
        Measure.deleteTree(home);
        try {
            for (Map<String, String> r : child(home, List.of("-Xmx512m"), DeliveryRun.class.getName(), home.toString(),
                    String.valueOf(drops), String.valueOf(drops))) {
                switch (r.get("kind")) {
                    case "latency" -> {
                        String line = String.format("Notice written to received by a webhook target (%s notices, default settings: the queue is looked at every second): "
                                + "p50 %s ms, p99 %s ms, max %s ms.", r.get("notices"), r.get("p50Ms"), r.get("p99Ms"), r.get("maxMs"));
                        System.out.println(line);
                        SUMMARY.add(line);
                        SUMMARY.add("");
                    }
                    case "drain" -> {
                        String line = String.format("Backlog after an outage of the receiver: %s deliveries (notices, standings, combined, results) "
                                + "drained %s s after the receiver came back (first received after %s s: the breaker's wait and the retry backoff), "
                                + "at %s documents/s once flowing.", r.get("backlog"), r.get("drainedSeconds"), r.get("firstAfterSeconds"), r.get("rate"));
                        System.out.println(line);
                        SUMMARY.add(line);
                        SUMMARY.add("");
                    }
                    default -> { }
                }
            }
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
