package org.podium.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.podium.championship.Adjustments;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SeriesRules;
import org.podium.championship.StandingsCalculator;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The standings engine against season size: one season of the GT World Challenge Europe rules (overall
 * and five cup tables of drivers, teams and cars), 1×, 10× and 100× the entries of a base season of
 * 6 rounds × 2 races (with their qualifying) × 30 cars grown in rounds, and 1×, 10× and 60× grown in cars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StandingsBenchmark {

    public static final int BASE_ROUNDS = 6;
    public static final int BASE_CARS = 30;

    /** {@code <axis>-<scale>}: see {@link #SIZES}. */
    @Param({"rounds-1", "rounds-10", "rounds-100", "cars-1", "cars-10", "cars-60"})
    public String size;

    /**
     * The sizes measured: rounds grow to 100×; cars to 60× (1 800 cars), as a classification of more
     * than 2 000 cars is refused by the feed readers' limits.
     */
    public static final List<String> SIZES = List.of("rounds-1", "rounds-10", "rounds-100", "cars-1", "cars-10", "cars-60");

    public String axis;
    public int scale;

    private SeriesRules rules;
    private List<SessionResult> sessions;

    /** The season's spec: a single SRO series whose rounds or cars are multiplied by {@code scale}. */
    public static SeasonGenerator.Spec spec(String axis, int scale) {
        int rounds = axis.equals("rounds") ? BASE_ROUNDS * scale : BASE_ROUNDS;
        int cars = axis.equals("cars") ? BASE_CARS * scale : BASE_CARS;
        return new SeasonGenerator.Spec(List.of(new SeasonGenerator.Series("scale-" + axis + "-" + scale,
                SeasonGenerator.Feed.SRO_HTML, List.of("2031"))), rounds, 2, 0, cars, 77);
    }

    @Setup
    public void setUp() throws IOException {
        axis = size.substring(0, size.indexOf('-'));
        scale = Integer.parseInt(size.substring(size.indexOf('-') + 1));
        SeasonGenerator.Spec spec = spec(axis, scale);
        SeasonGenerator generator = new SeasonGenerator(spec, Corpus.RULES);
        Path dir = Files.createTempDirectory("podium-standings-bench");
        try {
            generator.writeRules(dir);
            String id = spec.series().get(0).id();
            rules = SeriesRules.load(dir.resolve(id + ".yaml"));
            FeedReader reader = new FeedReader(Set.of(id), Long.MAX_VALUE);
            List<SessionResult> list = new ArrayList<>();
            generator.forEachFile(f -> {
                try {
                    list.add(reader.read(f.bytes(), f.path(), null));
                } catch (FeedException e) {
                    throw new IllegalStateException(e);
                }
            });
            sessions = List.copyOf(list);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public SeasonStandings compute() {
        return StandingsCalculator.compute(rules, "2031", sessions, Adjustments.none());
    }
}
