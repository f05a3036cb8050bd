package org.podium.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.championship.Adjustments;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.championship.StandingsCalculator;
import org.podium.feed.FeedDocument;
import org.podium.feed.FeedException;
import org.podium.feed.FeedFormat;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeasonGeneratorTest {

    static final Path RULES = Path.of("config/series");

    /** Three series (one per feed), two seasons, two rounds of two races with qualifying and one practice. */
    static SeasonGenerator.Spec small(long seed) {
        return SeasonGenerator.Spec.mixed("synthetic", 3, List.of("2031", "2032"), 2, 2, 1, 24, seed);
    }

    static Map<String, String> hashes(SeasonGenerator generator) {
        Map<String, String> out = new LinkedHashMap<>();
        generator.forEachFile(f -> out.put(f.path(), sha256(f.bytes())));
        generator.rulesFiles().forEach((name, yaml) -> out.put(name, sha256(yaml.getBytes())));
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameParametersGiveByteIdenticalFilesAndRules() {
        Map<String, String> first = hashes(new SeasonGenerator(small(42), RULES));
        Map<String, String> second = hashes(new SeasonGenerator(small(42), RULES));

        assertThat(second).containsExactlyEntriesOf(first);
    }

    @Test
    void anotherSeedGivesOtherResultsAtTheSamePaths() {
        Map<String, String> first = hashes(new SeasonGenerator(small(42), RULES));
        Map<String, String> other = hashes(new SeasonGenerator(small(43), RULES));

        assertThat(other.keySet()).isEqualTo(first.keySet());
        assertThat(other.entrySet().stream().filter(e -> e.getKey().endsWith(".CSV") || e.getKey().endsWith(".html")
                || e.getKey().endsWith(".json")).filter(e -> e.getValue().equals(first.get(e.getKey())))).isEmpty();
    }

    @Test
    void aSessionsBytesDoNotDependOnHowManyOtherSessionsAreGenerated() {
        SeasonGenerator.Spec big = SeasonGenerator.Spec.mixed("synthetic", 3, List.of("2031", "2032", "2033"), 5, 2, 1, 24, 42);
        Map<String, String> small = hashes(new SeasonGenerator(small(42), RULES));
        Map<String, String> large = hashes(new SeasonGenerator(big, RULES));

        small.keySet().removeIf(k -> k.endsWith(".yaml"));
        assertThat(large).containsAllEntriesOf(small);
    }

    @Test
    void writesAsManyFilesAsTheSpecCountsEachAtItsOwnPath() {
        SeasonGenerator.Spec spec = small(7);
        Set<String> paths = new HashSet<>();
        int[] count = {0};
        new SeasonGenerator(spec, RULES).forEachFile(f -> {
            paths.add(f.path());
            count[0]++;
        });

        assertThat(spec.fileCount()).isEqualTo(3 * 2 * 2 * (2 * 2 + 1));
        assertThat(count[0]).isEqualTo(spec.fileCount());
        assertThat(paths).hasSize(count[0]);
    }

    @Test
    void scalesToTenThousandFiles() {
        SeasonGenerator.Spec spec = SeasonGenerator.Spec.mixed("synthetic", 10, seasons(2031, 10), 25, 2, 0, 30, 1);
        Set<String> paths = new HashSet<>();
        long[] bytes = {0};
        new SeasonGenerator(spec, RULES).forEachFile(f -> {
            paths.add(f.path());
            bytes[0] += f.bytes().length;
        });

        assertThat(paths).hasSize(10_000);
        assertThat(bytes[0]).isGreaterThan(10_000L * 4_000);
    }

    @Test
    void everyFileParsesWithFeedReaderAndPassesValidation() throws FeedException {
        SeasonGenerator.Spec spec = small(42);
        SeasonGenerator generator = new SeasonGenerator(spec, RULES);
        Set<String> ids = new HashSet<>();
        spec.series().forEach(s -> ids.add(s.id()));
        FeedReader reader = new FeedReader(ids, 20L * 1024 * 1024);
        List<SeasonGenerator.GeneratedFile> files = new ArrayList<>();
        generator.forEachFile(files::add);
        Set<FeedFormat> formats = EnumSet.noneOf(FeedFormat.class);

        for (SeasonGenerator.GeneratedFile f : files) {
            FeedDocument doc = reader.readDocument(f.bytes(), f.path(), null);
            SessionResult r = doc.result();
            formats.add(doc.detected().format());
            assertThat(r.series()).as(f.path()).isEqualTo(f.series());
            assertThat(r.season()).as(f.path()).isEqualTo(f.season());
            assertThat(r.event().round()).as(f.path()).isEqualTo(f.round());
            assertThat(r.session().name()).as(f.path()).isEqualTo(f.session());
            assertThat(r.entries()).as(f.path()).hasSize(spec.cars());
        }
        assertThat(formats).containsExactlyInAnyOrder(FeedFormat.ALKAMEL_RACE, FeedFormat.ALKAMEL_WIDE,
                FeedFormat.SRO_HTML, FeedFormat.PODIUM_JSON);
    }

    @Test
    void rulesFilesLoadWithTheRealPointsScalesAndACalendarForEverySeason(@TempDir Path dir) {
        SeasonGenerator.Spec spec = small(42);
        new SeasonGenerator(spec, RULES).writeRules(dir);
        SeriesCatalog catalog = SeriesCatalog.load(dir);

        assertThat(catalog.ids()).containsExactlyInAnyOrderElementsOf(spec.series().stream().map(SeasonGenerator.Series::id).toList());
        for (SeasonGenerator.Series s : spec.series()) {
            SeriesRules rules = catalog.get(s.id()).orElseThrow();
            SeriesRules template = SeriesRules.load(RULES.resolve(s.feed().rulesTemplate + ".yaml"));
            assertThat(rules.scoring()).isEqualTo(template.scoring());
            assertThat(rules.tables()).isEqualTo(template.tables());
            for (String season : s.seasons()) {
                assertThat(rules.calendar(season).orElseThrow().rounds()).hasSize(spec.rounds());
            }
        }
    }

    @Test
    void everyGeneratedRaceAndQualifyingIsScoredByTheGeneratedCalendar(@TempDir Path dir) throws FeedException {
        SeasonGenerator.Spec spec = small(42);
        SeasonGenerator generator = new SeasonGenerator(spec, RULES);
        generator.writeRules(dir);
        SeriesCatalog catalog = SeriesCatalog.load(dir);
        FeedReader reader = new FeedReader(catalog.ids(), 20L * 1024 * 1024);

        for (SeasonGenerator.Series s : spec.series()) {
            List<SessionResult> sessions = new ArrayList<>();
            List<FeedException> failures = new ArrayList<>();
            generator.forEachFile(s, "2031", f -> {
                try {
                    sessions.add(reader.read(f.bytes(), f.path(), null));
                } catch (FeedException e) {
                    failures.add(e);
                }
            });
            assertThat(failures).isEmpty();
            SeasonStandings standings = StandingsCalculator.compute(catalog.get(s.id()).orElseThrow(), "2031", sessions,
                    Adjustments.none());

            assertThat(standings.warnings()).as(s.id()).isEmpty();
            assertThat(standings.roundsComplete()).as(s.id()).containsExactly(1, 2);
            assertThat(standings.tables()).as(s.id()).isNotEmpty().allSatisfy(t -> assertThat(t.rows()).isNotEmpty());
        }
    }

    static List<String> seasons(int first, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(String.valueOf(first + i));
        return out;
    }
}
