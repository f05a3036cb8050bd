package org.podium.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.podium.reliability.Figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load: 4 000 result files in 40 seasons (40 000 in a 256 MB heap in the soak run) dropped into the inbox
 * at once, processed by the real application (its routes, default settings, H2 on disk) in a JVM of its
 * own limited to a 128 MB heap, about what the application needs at rest, and stopped at the first
 * OutOfMemoryError: a heap that grew with the backlog (a message per waiting file, every season's
 * standings kept) runs out. Every file is ingested, none rejected, every result listed
 * in {@code outbox/index.json}; the time and the peak heap are printed.
 */
@Tag("reliability")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LoadTest {

    @Test
    void aBacklogDroppedAtOnceIsAllPublishedWithinASmallHeap() throws Exception {
        int files = Integer.getInteger("podium.load.files", Figures.soak() ? 40_000 : 3_000);
        int heapMb = Integer.getInteger("podium.load.heap-mb", Figures.soak() ? 256 : 128);
        SeasonGenerator.Spec spec = Benchmarks.backfillSpec(files);
        Path home = Path.of("target/load-" + files).toAbsolutePath();
        Measure.deleteTree(home);
        try {
            SeasonGenerator generator = new SeasonGenerator(spec, Corpus.RULES);
            generator.writeFiles(home.resolve("staging"));
            generator.writeRules(home.resolve("config/series"));
            Measure.copyTree(Path.of("routes"), home.resolve("routes"));

            List<Map<String, String>> results = Benchmarks.child(home, List.of("-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError"),
                    BackfillRun.class.getName(), "podium", home.toString(), String.valueOf(files));
            Map<String, String> r = results.get(0);

            Figures.record("Load", getClass(), String.format("%,d files (%s seasons) moved into the inbox at once, -Xmx%dm",
                            files, r.get("seasons"), heapMb),
                    String.format("all ingested after %s s, all published after %s s (%s files/s); %s rejected; heap peak %s MB "
                                    + "of %d MB; RSS peak %s MB",
                            r.get("ingestSeconds"), r.get("seconds"), r.get("filesPerSecond"), r.get("rejected"),
                            r.get("heapPeakMb"), heapMb, r.get("vmHwmMb")));

            assertThat(Long.parseLong(r.get("rejected"))).isZero();
            assertThat(Long.parseLong(r.get("duplicates"))).isZero();
            assertThat(Integer.parseInt(r.get("maxHeapMb"))).isLessThanOrEqualTo(heapMb);
            Path inbox = home.resolve("inbox");
            try (var all = Files.walk(inbox)) {
                assertThat(all.filter(Files::isRegularFile).map(p -> inbox.relativize(p).toString())
                        .filter(n -> !n.startsWith(".") && !n.contains("/.")).toList())
                        .as("files left in the inbox").isEmpty();
            }
            try (var done = Files.walk(inbox.resolve(".done"))) {
                assertThat(done.filter(Files::isRegularFile).count()).as("files in inbox/.done").isEqualTo(files);
            }
        } finally {
            Measure.deleteTree(home);
        }
    }
}
