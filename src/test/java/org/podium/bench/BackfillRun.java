package org.podium.bench;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.podium.app.RunningPodium;
import org.podium.ingest.InboxFilter;
import org.podium.ingest.InboxLockRepository;
import org.podium.ingest.IngestStats;
import org.podium.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One backfill, in a JVM of its own (the benchmark starts it with {@code -Xmx256m}): the files staged
 * beside the inbox are moved into it at once, and the time until they are through is measured.
 * <ul>
 *   <li>{@code podium HOME FILES [WARM]}: Podium with its default settings on HOME (its routes, generated
 *       rules, H2 on disk); done when {@code outbox/index.json} lists FILES session results.</li>
 *   <li>{@code floor HOME FILES [WARM]}: a minimal Camel route, file → read body → discard, polling with the
 *       ingest route's own consumer parameters; done when every file was read and moved.</li>
 * </ul>
 * With WARM (a count of files in {@code HOME/warmup}, other seasons of the same shape), those are dropped
 * first and waited for, and only the drop after them is measured: the same run in a JVM whose compiler has
 * already seen the work. Prints one line {@code RESULT key=value…}; its CPU time per file is the process's
 * CPU from drop to done, as the files per second are.
 */
public final class BackfillRun {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path home = Path.of(args[1]).toAbsolutePath();
        int files = Integer.parseInt(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Measure.HeapPeak heap = new Measure.HeapPeak();
        long cpu0 = Measure.processCpuNanos();
        Map<String, Object> result = switch (mode) {
            case "podium" -> podium(home, files, warm, heap);
            case "floor" -> floor(home, files, warm, heap);
            default -> throw new IllegalArgumentException(mode);
        };
        StringJoiner line = new StringJoiner(" ", "RESULT mode=" + mode + " files=" + files + " warm=" + warm + " ", "");
        result.forEach((k, v) -> line.add(k + "=" + (v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v)));
        // CPU time is what the run cost whatever else the machine was doing meanwhile; from start, it also
        // holds the start of Camel (and, for Podium, of its store, rules and routes), which the window does not
        line.add(String.format(Locale.ROOT, "cpuMsPerFileWithStart=%.2f", (Measure.processCpuNanos() - cpu0) / 1e6 / files));
        line.add(String.format(Locale.ROOT, "heapPeakMb=%.1f", heap.mb()));
        line.add(String.format(Locale.ROOT, "vmHwmMb=%.1f", Measure.vmHwmMb()));
        line.add("maxHeapMb=" + Runtime.getRuntime().maxMemory() / 1024 / 1024);
        System.out.println(line);
        System.exit(0);
    }

    static Map<String, Object> podium(Path home, int files, int warm, Measure.HeapPeak heap) throws Exception {
        Measure.Recomputes recomputes = Measure.Recomputes.attach();
        try (RunningPodium podium = RunningPodium.start(home, Map.of())) {
            IngestStats stats = podium.bean("ingestStats", IngestStats.class);
            Path outbox = podium.home().outbox();
            Measure.IndexWatch index = new Measure.IndexWatch(outbox);
            if (warm > 0) {
                Measure.drop(home.resolve("warmup"), podium.home().inbox());
                await(() -> index.results() >= warm, "warm-up not published", heap, 50);
                recomputes.reset();
            }
            Map<String, Long> threads0 = Measure.threadCpuMs();
            long cpu0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            Measure.drop(home.resolve("staging"), podium.home().inbox());
            long[] ingested = {0};
            await(() -> {
                if (ingested[0] == 0 && stats.ingestedCount() + stats.duplicateCount() + stats.rejectedCount() >= warm + files) {
                    ingested[0] = System.nanoTime();
                }
                return index.results() >= warm + files;
            }, "not published", heap, 50);
            long t1 = System.nanoTime();
            long cpu = Measure.processCpuNanos() - cpu0;
            String threads = Measure.threadCpuDelta(threads0, Measure.threadCpuMs());
            if (ingested[0] == 0) ingested[0] = t1;
            double seconds = (t1 - t0) / 1e9;
            long totalRecomputes = recomputes.counts().values().stream().mapToLong(Long::longValue).sum();
            return Map.of("seconds", seconds, "filesPerSecond", files / seconds, "cpuMsPerFile", cpu / 1e6 / files,
                    "ingestSeconds", (ingested[0] - t0) / 1e9, "rejected", stats.rejectedCount(),
                    "duplicates", stats.duplicateCount(), "seasons", recomputes.counts().size(),
                    "recomputes", totalRecomputes, "threadCpuMs", threads);
        }
    }

    static Map<String, Object> floor(Path home, int files, int warm, Measure.HeapPeak heap) throws Exception {
        Path inbox = home.resolve("inbox");
        Files.createDirectories(inbox);
        Map<String, String> params = Measure.ingestParameters(Path.of("routes"), inbox);
        // the pipeline's last step moves the file (its consumer leaves files alone: noop); the floor lets
        // Camel move it to the same kind of place
        params.remove("noop");
        params.remove("idempotent");
        params.put("move", ".done/${date:now:yyyy-MM-dd}/${file:name}");
        StringJoiner uri = new StringJoiner("&", "file:" + inbox + "?", "");
        // references to beans (#name, #bean:name) stay as they are; values are taken literally
        params.forEach((k, v) -> uri.add(k + "=" + (v.startsWith("#") ? v : "RAW(" + v + ")")));
        AtomicLong read = new AtomicLong();
        try (DefaultCamelContext camel = new DefaultCamelContext();
             Database db = new Database("jdbc:h2:file:" + home.resolve("data/floor") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", 8)) {
            // the same lock as the pipeline's on the same kind of store (an embedded H2 on disk: in memory)
            db.migrate();
            Properties settings = Measure.settings();
            var locks = InboxLockRepository.forStore(db,
                    Long.parseLong(settings.getProperty("podium.inbox.lock-keep-alive").strip()),
                    Long.parseLong(settings.getProperty("podium.inbox.lock-max-age").strip()));
            camel.getRegistry().bind("inboxLocks", locks);
            InboxFilter filter = new InboxFilter(Integer.parseInt(settings.getProperty("podium.inbox.max-files-per-poll").strip()));
            camel.getRegistry().bind("inboxFilter", filter);
            camel.getRegistry().bind("inboxScan", new org.podium.ingest.InboxScan(filter));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri.toString()).routeId("floor").process(e -> {
                        byte[] body = e.getMessage().getBody(byte[].class);
                        if (body != null) read.incrementAndGet();
                    });
                }
            });
            camel.start();
            if (warm > 0) {
                Measure.drop(home.resolve("warmup"), inbox);
                await(() -> read.get() >= warm && camel.getInflightRepository().size() == 0, "warm-up not read", heap, 20);
            }
            Map<String, Long> threads0 = Measure.threadCpuMs();
            long cpu0 = Measure.processCpuNanos();
            long t0 = System.nanoTime();
            Measure.drop(home.resolve("staging"), inbox);
            await(() -> read.get() >= warm + files && camel.getInflightRepository().size() == 0, "not read", heap, 20);
            long t1 = System.nanoTime();
            long cpu = Measure.processCpuNanos() - cpu0;
            String threads = Measure.threadCpuDelta(threads0, Measure.threadCpuMs());
            double seconds = (t1 - t0) / 1e9;
            return Map.of("seconds", seconds, "filesPerSecond", files / seconds, "cpuMsPerFile", cpu / 1e6 / files,
                    "threadCpuMs", threads, "readLock", params.get("readLock"),
                    "readLockMinAge", params.get("readLockMinAge"), "lockRepository", locks.getClass().getSimpleName());
        }
    }

    /** Waits until {@code done}, sampling the heap between looks; gives up after 30 minutes. */
    private static void await(java.util.function.BooleanSupplier done, String failure, Measure.HeapPeak heap, long pauseMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(failure + " within 30 minutes");
            heap.sample();
            Thread.sleep(pauseMillis);
        }
    }
}
