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
 * Load: 10 000 result files (40 000 in the soak run) dropped into the inbox at once, processed by the real
 * application (its routes, default settings, H2 on disk) in a JVM of its own limited to a 256 MB heap
 * and stopped at the first OutOfMemoryError. Every file is ingested, none rejected, every result listed
 * in {@code outbox/index.json}; the time and the peak heap are printed.
 */
@Tag("reliability")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LoadTest {

    @Test
    void tenThousandFilesDroppedAtOnceAreAllPublishedWithinA256MbHeap() throws Exception {
        int files = Figures.soak() ? 40_000 : 10_000;
        SeasonGenerator.Spec spec = Benchmarks.backfillSpec(files);
        Path home = Path.of("target/load-" + files).toAbsolutePath();
        Measure.deleteTree(home);
        try {
            SeasonGenerator generator = new SeasonGenerator(spec, Corpus.RULES);
            generator.writeFiles(home.resolve("staging"));
            generator.writeRules(home.resolve("config/series"));
            Measure.copyTree(Path.of("routes"), home.resolve("routes"));

            List<Map<String, String>> results = Benchmarks.child(home, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                    BackfillRun.class.getName(), "podium", home.toString(), String.valueOf(files));
            Map<String, String> r = results.get(0);

            Figures.record("Load", getClass(), String.format("%,d files (%s seasons) moved into the inbox at once, -Xmx256m",
                            files, r.get("seasons")),
                    String.format("all ingested after %s s, all published after %s s (%s files/s); %s rejected; heap peak %s MB "
                                    + "of 256 MB; RSS peak %s MB",
                            r.get("ingestSeconds"), r.get("seconds"), r.get("filesPerSecond"), r.get("rejected"),
                            r.get("heapPeakMb"), r.get("vmHwmMb")));

            assertThat(Long.parseLong(r.get("rejected"))).isZero();
            assertThat(Long.parseLong(r.get("duplicates"))).isZero();
            assertThat(Integer.parseInt(r.get("maxHeapMb"))).isLessThanOrEqualTo(256);
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
