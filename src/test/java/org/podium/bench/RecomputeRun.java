package org.podium.bench;

import org.podium.model.SeasonRef;
import org.podium.app.RunningPodium;
import org.podium.recompute.Classification;
import org.podium.recompute.Classifier;
import org.podium.model.Entry;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.support.AtomicFiles;
import org.podium.outbox.Publisher;

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
 *   <li>round 1's race of a season that an invitation ranks is dropped again and again with another
 *       leader: the time from the drop until the new leader's notice is published;</li>
 *   <li>each season is recomputed (stored sessions to standings) and republished through the running
 *       application's own beans, a few times each.</li>
 * </ol>
 * Prints {@code RESULT …} lines.
 */
public final class RecomputeRun {

    /** The season sizes, as multiples of the base season ({@code -Dbench.scales}, default 1,10,100). */
    static final int[] SCALES = java.util.Arrays.stream(System.getProperty("bench.scales", "1,10,100").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    static final String NOTICE_SERIES = "notice-json-01";
    /** New sessions dropped one at a time to see which seasons they recompute. */
    static final int SCOPE_DROPS = 12;
    static final String INVITATIONS = """
            # Generated for the benchmark: one invitation on the synthetic season notice-json-01/2031.
            invitations:
              - id: bench-invitation
                name: Benchmark invitation
                event: 24 Hours of Le Mans 2032
                class: LMGT3
                classification:
                  series: notice-json-01
                  season: "2031"
                  table: cars-overall
                eligibility:
                  everyEvent: true
                recipient: team-of-car
                passDown: false
                conditions:
                  attendAllEvents: true
                  maxInvitationsPerCompetitor: 2
            otherInvitations: []
            """;

    /**
     * Drops round 1's race of the invitation's season again and again, each time with the lead taken by
     * a car of another team than before: the time from the drop until the new leader's notice is in
     * {@code outbox/notices/}.
     */
    static void noticeDrops(RunningPodium podium, SeasonGenerator notice, int drops) throws Exception {
        SeasonGenerator.Series series = notice.spec().series().get(0);
        SeasonGenerator.GeneratedFile race = notice.file(series, "2031", 1, SessionType.RACE, 1);
        SessionResult original = org.podium.feed.CanonicalJson.read(race.bytes());
        Path notices = podium.home().outbox().resolve("notices/bench-invitation");
        List<Double> latencies = new ArrayList<>();
        org.apache.camel.spi.IdempotentRepository locks = podium.bean("inboxLocks", org.apache.camel.spi.IdempotentRepository.class);
        int before = noticeCount(notices);
        for (int i = 1; i <= drops; i++) {
            byte[] bytes = org.podium.feed.CanonicalJson.write(newWinner(original, i));
            long t0 = System.nanoTime();
            AtomicFiles.write(podium.home().inbox().resolve(race.path()), bytes);
            while (noticeCount(notices) <= before) {
                if (System.nanoTime() - t0 > 60e9) throw new IllegalStateException("drop " + i + ": no notice in 60 s");
                Thread.sleep(5);
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
            // in the log beside Podium's own lines, to see where each drop's time went
            System.err.printf(Locale.ROOT, "bench: notice drop %d written at %s, notice after %.0f ms%n", i,
                    java.time.Instant.now().minusNanos(System.nanoTime() - t0), latencies.get(latencies.size() - 1));
            podium.awaitIdle(Duration.ofMinutes(1));
            // The same file name dropped again while the inbox still holds its lock waits for the lock's
            // release (podium.inbox.lock-release-delay, by design): each drop here stands for a new
            // amendment, dropped once the last one's lock is gone.
            String name = race.path();    // the lock's key: the path under the inbox (the route's ${file:name})
            while (locks.contains(name)) {
                if (System.nanoTime() - t0 > 60e9) throw new IllegalStateException("drop " + i + ": inbox lock of " + name + " held for 60 s");
                Thread.sleep(5);
            }
            before = noticeCount(notices);
        }
        System.out.printf(Locale.ROOT, "RESULT kind=notice drops=%d p50Ms=%.0f p99Ms=%.0f maxMs=%.0f notices=%d%n", drops,
                Measure.percentile(latencies, 50), Measure.percentile(latencies, 99), Measure.percentile(latencies, 100),
                noticeCount(notices));
    }

    static int noticeCount(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) return 0;
        try (var s = java.nio.file.Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /**
     * The race with, on odd drops, the first car of another team than the winner's moved to the lead,
     * and the original order on even ones; the winner's time differs on every drop, so that each drop
     * is a new version of the session.
     */
    static SessionResult newWinner(SessionResult r, int drop) {
        List<Entry> entries = new ArrayList<>(r.entries());
        Entry winner = entries.get(0);
        if (drop % 2 == 1) {
            int j = 1;
            while (java.util.Objects.equals(entries.get(j).team(), winner.team())) j++;
            entries.add(0, entries.remove(j));
        }
        List<Entry> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            Long time = k == 0 ? Long.valueOf(winner.totalTimeMs() - drop) : e.totalTimeMs();
            out.add(new Entry(k + 1, null, e.number(), e.team(), e.drivers(), e.car(), e.carClass(), e.cup(), e.group(),
                    e.division(), e.tyres(), e.status(), e.laps(), time, k == 0 ? null : e.gap(), k == 0 ? null : e.gapPrevious(),
                    e.bestLap(), e.sourceLine()));
        }
        return new SessionResult(r.series(), r.season(), r.event(), r.session(), r.status(), r.source(), r.statusReported(), out);
    }

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
        // an invitation on a season of one round of two: dropping round 1's race again with another
        // winner (of another team) changes who leads it
        SeasonGenerator notice = new SeasonGenerator(new SeasonGenerator.Spec(List.of(new SeasonGenerator.Series(
                NOTICE_SERIES, SeasonGenerator.Feed.PODIUM_JSON, List.of("2031"))), 2, 1, 0, 12, 5), Corpus.RULES);
        notice.writeRules(home.resolve("config/series"));
        notice.forEachFile(f -> { if (f.round() == 1) SeasonGenerator.write(staging.resolve(f.path()), f.bytes()); });
        java.nio.file.Files.writeString(home.resolve("config/invitations.yaml"), INVITATIONS);
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
            int scopeDrops = Math.min(drops, SCOPE_DROPS);
            for (int i = 1; i <= scopeDrops; i++) {
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
                    scopeDrops, Measure.percentile(latencies, 50), Measure.percentile(latencies, 99),
                    Measure.percentile(latencies, 100), perDrop);

            noticeDrops(podium, notice, drops);

            Classifier classifier = podium.bean("classifier", Classifier.class);
            Publisher publisher = podium.bean("publisher", Publisher.class);
            for (int s = 0; s < SCALES.length; s++) {
                SeasonGenerator.Spec spec = generators.get(s).spec();
                SeasonRef season = new SeasonRef(spec.series().get(0).id(), "2031");
                List<Double> compute = new ArrayList<>();
                List<Double> publish = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
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
