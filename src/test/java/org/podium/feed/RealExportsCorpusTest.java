package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.feed.RealCorpus.CorpusFile;
import org.podium.feed.RealCorpus.Layout;
import org.podium.feed.RealCorpus.Reading;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

/**
 * Every real export of the corpus (src/test/resources/samples/real/README.md) read by Podium's
 * FeedReader, as the inbox reads it, and compared entry by entry, field by field, with the
 * independent reading of {@link RealCorpus}.
 */
class RealExportsCorpusTest {
    static final Set<String> SERIES = Set.of("elms", "wec", "grcup");
    static final Map<Layout, FeedFormat> FORMATS = Map.of(Layout.RACE, FeedFormat.ALKAMEL_RACE, Layout.WIDE, FeedFormat.ALKAMEL_WIDE,
            Layout.RESULTS, FeedFormat.ALKAMEL_RESULTS, Layout.RESULTS_BY_CLASS, FeedFormat.ALKAMEL_RESULTS_BY_CLASS);

    static List<CorpusFile> corpus() { return RealCorpus.files(); }

    static SessionResult podium(CorpusFile f, byte[] raw) throws FeedException {
        return new FeedReader(SERIES, 1_000_000).read(raw, f.inboxPath(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void podiumReadsEveryFieldAsTheIndependentReadingDoes(CorpusFile f) throws FeedException {
        byte[] raw = f.bytes();
        Reading expected = RealCorpus.read(raw);
        SessionResult actual = podium(f, raw);

        assertThat(actual.source().format()).as("format").isEqualTo(FORMATS.get(expected.layout()).id());
        assertThat(actual.statusReported()).as("status reported")
                .isEqualTo(expected.layout() == Layout.RACE || expected.layout() == Layout.RESULTS);
        assertThat(actual.entries()).as("entries").hasSameSizeAs(expected.entries());
        for (int i = 0; i < expected.entries().size(); i++) {
            Entry want = expected.entries().get(i);
            assertThat(actual.entries().get(i)).as("%s, entry %d (line %d)", f.sample(), i + 1, want.sourceLine()).isEqualTo(want);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theIndependentReadingFindsACompleteClassification(CorpusFile f) {
        Reading r = RealCorpus.read(f.bytes());
        // a real export has cars, each with a number and a driver, a leader with a time, and no car twice
        assertThat(r.entries()).hasSizeGreaterThan(10);
        assertThat(r.entries()).allSatisfy(e -> {
            assertThat(e.number()).isNotBlank();
            assertThat(e.drivers()).isNotEmpty();
        });
        assertThat(r.entries().get(0).position()).isEqualTo(1);
        assertThat(r.entries().get(0).totalTimeMs()).isNotNull();
        assertThat(r.entries().stream().map(Entry::number).distinct()).hasSameSizeAs(r.entries());
    }

    /** The comparison above can fail: one changed digit in a real file is a difference it reports. */
    @Test
    void aOneDigitChangeInARealFileIsADifference() throws FeedException {
        CorpusFile f = corpus().stream().filter(c -> c.sample().contains("silverstone")).findFirst().orElseThrow();
        byte[] raw = f.bytes();
        String text = new String(raw, StandardCharsets.UTF_8);
        byte[] changed = text.replaceFirst("4:00'33\\.539", "4:00'33.593").getBytes(StandardCharsets.UTF_8);
        assertThat(changed).isNotEqualTo(raw);

        List<Entry> expected = RealCorpus.read(raw).entries();
        List<Entry> actual = podium(f, changed).entries();
        List<Integer> differing = java.util.stream.IntStream.range(0, expected.size())
                .filter(i -> !expected.get(i).equals(actual.get(i))).boxed().toList();
        assertThat(differing).containsExactly(1);
        assertThat(actual.get(1).totalTimeMs() - expected.get(1).totalTimeMs()).isEqualTo(54);
    }

    @Test
    void theCorpusHoldsTwentyRealExportsOfEveryLayoutEachListedInTheReadme() {
        List<CorpusFile> files = corpus();
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        assertThat(files.stream().map(CorpusFile::sample).distinct()).hasSameSizeAs(files);
        assertThat(files.stream().map(f -> RealCorpus.read(f.bytes()).layout()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Layout.values());
        String readme = new String(RealCorpus.resource("/samples/real/README.md"), StandardCharsets.UTF_8);
        for (CorpusFile f : files) {
            assertThat(readme).as("README names " + f.sample()).contains(f.sample().substring(f.sample().lastIndexOf('/') + 1));
        }
    }

    @Test
    void unrankedSessionCarsAreReadAsNotClassified() throws FeedException {
        // Sonoma qualifying 2: five cars without POS at the end (four timed, one not)
        CorpusFile f = corpus().stream().filter(c -> c.sample().endsWith("sonoma-qualifying-2.CSV")).findFirst().orElseThrow();
        List<Entry> entries = podium(f, f.bytes()).entries();
        assertThat(entries.subList(entries.size() - 5, entries.size())).extracting(Entry::status).containsOnly(EntryStatus.NOT_CLASSIFIED);
        assertThat(entries.subList(0, entries.size() - 5)).extracting(Entry::status).containsOnly(EntryStatus.CLASSIFIED);
    }
}
