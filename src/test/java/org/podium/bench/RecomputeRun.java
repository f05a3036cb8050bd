package org.podium.bench;

import org.podium.app.RunningPodium;
import org.podium.classify.Classification;
import org.podium.classify.Classifier;
import org.podium.model.SessionType;
import org.podium.outbox.AtomicFiles;
import org.podium.outbox.Publisher;
import org.podium.store.SeasonRef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recompute cost against season size, and which seasons a new session recomputes, in a JVM of its own
 * running Podium with its default settings on HOME:
 * <ol>
 *   <li>three seasons of the GT World Challenge Europe rules, 1×, 10× and 100× the base season's
 *       rounds ({@link StandingsBenchmark#spec}), are dropped and processed;</li>
 *   <li>single new sessions (practice sessions of the 1× season) are dropped one at a time: the time
 *       from the drop until the outbox index lists the new result, and the standings computations
 *       per season that each drop caused (from the {@code podium.classify} log lines);</li>
 *   <li>each season is recomputed (stored sessions to standings) and republished through the running
 *       application's own beans, a few times each.</li>
 * </ol>
 * Prints {@code RESULT …} lines.
 */
public final class RecomputeRun {

    static final int[] SCALES = {1, 10, 100};

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int drops = Integer.parseInt(args[1]);
        Path staging = home.resolve("staging");
        List<SeasonGenerator> generators = new ArrayList<>();
        for (int scale : SCALES) {
            SeasonGenerator g = new SeasonGenerator(StandingsBenchmark.spec("rounds", scale), Corpus.RULES);
            g.writeRules(home.resolve("config/series"));
            g.writeFiles(staging);
            generators.add(g);
        }
        Measure.copyTree(Path.of("routes"), home.resolve("routes"));
        Measure.Recomputes recomputes = Measure.Recomputes.attach();
        try (RunningPodium podium = RunningPodium.start(home, Map.of())) {
            Measure.drop(staging, podium.home().inbox());
            if (!podium.awaitIdle(Duration.ofMinutes(20))) throw new IllegalStateException("backfill not idle in 20 minutes");
            System.out.println("RESULT kind=backfill recomputes=" + recomputes.counts());

            // one new session at a time, into the smallest season
            SeasonGenerator small = generators.get(0);
            SeasonGenerator.Series series = small.spec().series().get(0);
            List<Double> latencies = new ArrayList<>();
            Measure.IndexWatch index = new Measure.IndexWatch(podium.home().outbox());
            Map<String, Long> perDrop = new java.util.TreeMap<>();
            for (int i = 1; i <= drops; i++) {
                recomputes.reset();
                SeasonGenerator.GeneratedFile f = small.file(series, "2031", 1 + (i - 1) % 6, SessionType.PRACTICE, 1 + (i - 1) / 6);
                String published = "results/" + series.id() + "/2031/" + String.format("%02d", f.round()) + "-"
                        + f.session().toLowerCase(Locale.ROOT).replace(' ', '-') + ".json";
                long t0 = System.nanoTime();
                AtomicFiles.write(podium.home().inbox().resolve(f.path()), f.bytes());
                while (!index.lists(published)) {
                    if (System.nanoTime() - t0 > 60e9) throw new IllegalStateException(published + " not published in 60 s");
                    Thread.sleep(5);
                }
                latencies.add((System.nanoTime() - t0) / 1e6);
                podium.awaitIdle(Duration.ofMinutes(1));
                recomputes.counts().forEach((k, v) -> perDrop.merge(k, v, Long::sum));
            }
            System.out.printf(Locale.ROOT, "RESULT kind=drop drops=%d p50Ms=%.0f p99Ms=%.0f maxMs=%.0f recomputesPerSeason=%s%n",
                    drops, Measure.percentile(latencies, 50), Measure.percentile(latencies, 99),
                    Measure.percentile(latencies, 100), perDrop);

            Classifier classifier = podium.bean("classifier", Classifier.class);
            Publisher publisher = podium.bean("publisher", Publisher.class);
            for (int s = 0; s < SCALES.length; s++) {
                SeasonGenerator.Spec spec = generators.get(s).spec();
                SeasonRef season = new SeasonRef(spec.series().get(0).id(), "2031");
                List<Double> compute = new ArrayList<>();
                List<Double> publish = new ArrayList<>();
                for (int run = 0; run < 5; run++) {
                    long t0 = System.nanoTime();
                    Classification c = classifier.classify(List.of(season));
                    long t1 = System.nanoTime();
                    publisher.publish(c);
                    long t2 = System.nanoTime();
                    compute.add((t1 - t0) / 1e6);
                    publish.add((t2 - t1) / 1e6);
                }
                System.out.printf(Locale.ROOT, "RESULT kind=recompute scale=%d sessions=%d entries=%d computeMs=%.1f publishMs=%.1f%n",
                        SCALES[s], spec.fileCount(), spec.entryCount(), Measure.percentile(compute, 50),
                        Measure.percentile(publish, 50));
            }
        }
        System.exit(0);
    }
}
