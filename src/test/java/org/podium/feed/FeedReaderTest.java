package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.podium.model.Entry;
import org.podium.model.Event;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

/** The pipeline's entry point, on the real samples and on each kind of bad input. */
class FeedReaderTest {
    private static final String RACE_PATH = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Hour 4_Official.CSV";
    private final FeedReader reader = new FeedReader(Samples.SERIES, 1 << 20);

    @Test
    void alKamelRaceBecomesASessionResult() throws FeedException {
        SessionResult r = reader.read(Samples.bytes(Samples.ELMS_RACE), RACE_PATH, null);
        assertThat(r.series()).isEqualTo("alms");
        assertThat(r.season()).isEqualTo("2023-24");
        assertThat(r.event()).isEqualTo(new Event(1, "Sepang", null, null));
        assertThat(r.session()).isEqualTo(new Session(SessionType.RACE, "Race 1", 1, null, 4, null));
        assertThat(r.status()).isEqualTo(ResultStatus.OFFICIAL);
        assertThat(r.statusReported()).isTrue();
        assertThat(r.source()).isEqualTo(new Source("alkamel-race", "03_Classification_Race 1_Hour 4_Official.CSV",
                "f19762431519f44852d314c9d101c341bf1e1cd4559331b74d79571226356ee2", null));
        assertThat(r.entries()).hasSize(47).allMatch(e -> e.classPosition() != null);
        assertThat(r.entries().get(44).classPosition()).isEqualTo(13);
    }

    @Test
    void wideQualifyingLeavesClassificationToTheDistanceRule() throws FeedException {
        FeedDocument d = reader.readDocument(Samples.bytes(Samples.WEC_WIDE),
                "alms/2023-24/03_Yas Marina/202402231500_Qualifying 2/05_Classification_Qualifying 2_Final.CSV", null);
        assertThat(d.detected().format()).isEqualTo(FeedFormat.ALKAMEL_WIDE);
        assertThat(d.result().source().format()).isEqualTo("alkamel-wide");
        assertThat(d.result().statusReported()).isFalse();
        assertThat(d.result().session()).isEqualTo(new Session(SessionType.QUALIFYING, "Qualifying 2", 2, null, null, null));
        assertThat(d.metadata().finalResult()).isTrue();
        assertThat(d.result().status()).isEqualTo(ResultStatus.OFFICIAL);
        assertThat(d.result().entries()).hasSize(62);
    }

    @Test
    void sroPageBecomesASessionResultWithPageHints() throws FeedException {
        FeedDocument d = reader.readDocument(Samples.bytes(Samples.SRO_PAGE), "gtwc-europe/2023/05_Misano/Race 1/race-1.html", null);
        SessionResult r = d.result();
        assertThat(r.source().format()).isEqualTo("sro-html");
        assertThat(r.statusReported()).isFalse();
        assertThat(r.status()).isEqualTo(ResultStatus.PROVISIONAL);
        assertThat(r.event()).isEqualTo(new Event(5, "Misano", null, null));
        assertThat(r.entries()).extracting(Entry::classPosition).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(d.page().cup()).isEqualTo("Sprint Cup");
    }

    @Test
    void canonicalJsonCarriesItsOwnMetadataWhateverThePath() throws FeedException {
        byte[] raw = Samples.bytes(Samples.PODIUM_JSON);
        SessionResult r = reader.read(raw, "gtwc-asia/somewhere/else.json", Samples.utf8("{\"series\": \"gtwc-asia\"}"));
        assertThat(r.series()).isEqualTo("alms");
        assertThat(r.event().name()).isEqualTo("4 Hours of Sepang");
        assertThat(r.source()).isEqualTo(new Source("podium-json", "else.json",
                "8f0906e40bd65e4d583a52b1d0e07337be20799415add1ab6c7d6d776e10d356", Instant.parse("2023-12-02T07:40:00Z")));
        assertThat(r.entries()).extracting(Entry::classPosition).containsExactly(1, 1, 2);
    }

    @Test
    void canonicalJsonOfAnUnknownSeriesIsRefused() {
        String doc = CanonicalJsonTest.minimal("").replace("\"alms\"", "\"wec\"");
        assertProblem(() -> reader.read(Samples.utf8(doc), "x.json", null), "series", "unknown series \"wec\"");
    }

    @Test
    void detectReportsFormatAndCharset() throws FeedException {
        Detected d = reader.detect(Samples.bytes(Samples.ELMS_2014));
        assertThat(d.formatId()).isEqualTo("alkamel-race");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metadataAndContentProblemsAreReportedTogether() {
        String csv = AlKamelQuirksTest.RACE_HEADER + "\n" + AlKamelQuirksTest.ROW_1 + "\n" + AlKamelQuirksTest.ROW_2.replace("2;34;", "2;22;") + "\n";
        assertThatThrownBy(() -> reader.read(Samples.utf8(csv), "alms/2023-24/Race 1/x.CSV", null))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("round", "session", "NUMBER"));
    }

    @Test
    void contentIsReadWithoutAnyMetadata() throws FeedException {
        FeedContent c = reader.readContent(Samples.bytes(Samples.ELMS_RACE), "race.CSV");
        assertThat(c.detected().formatId()).isEqualTo("alkamel-race");
        assertThat(c.sha256()).isEqualTo("f19762431519f44852d314c9d101c341bf1e1cd4559331b74d79571226356ee2");
        assertThat(c.statusReported()).isTrue();
        assertThat(c.entries()).hasSize(47).allMatch(e -> e.classPosition() != null);
        assertThat(c.entries().get(44).classPosition()).isEqualTo(13);
        assertThat(c.page()).isNull();

        FeedContent page = reader.readContent(Samples.bytes(Samples.SRO_PAGE), "page.html");
        assertThat(page.page().raceName()).isEqualTo("Race 1");
        assertThat(page.entries()).extracting(Entry::classPosition).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void brokenContentIsReportedWithoutMetadata() {
        String csv = AlKamelQuirksTest.RACE_HEADER + "\n" + AlKamelQuirksTest.ROW_1 + "\n" + AlKamelQuirksTest.ROW_2.replace("2;34;", "2;22;") + "\n";
        assertThatThrownBy(() -> reader.readContent(Samples.utf8(csv), "x.CSV"))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e).isNotInstanceOf(MetadataMissing.class);
                    assertThat(e.document()).isEqualTo("x.CSV");
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("NUMBER");
                });
    }

    @Test
    void metadataGivenByTheCallerOverridesThePath() throws FeedException {
        FeedDocument d = reader.readDocument(Samples.bytes(Samples.ELMS_RACE), RACE_PATH, null,
                java.util.Map.of("round", 2, "event", "Dubai"));
        assertThat(d.result().event()).isEqualTo(new Event(2, "Dubai", null, null));
        assertThat(d.result().series()).isEqualTo("alms");
    }

    @Test
    void missingMetadataAloneSaysWhichFields() {
        assertThatThrownBy(() -> reader.readDocument(Samples.bytes(Samples.ELMS_RACE), "race.CSV", null, java.util.Map.of("series", "alms")))
                .isInstanceOfSatisfying(MetadataMissing.class, e -> {
                    assertThat(e.fields()).containsExactly("season", "round", "event", "session");
                    assertThat(e.document()).isEqualTo("race.CSV");
                });
    }

    // ---------------------------------------------------------------- bad inputs, each with a clear error

    @Test
    void emptyFile() {
        assertProblem(() -> reader.read(new byte[0], RACE_PATH, null), null, "the file is empty");
    }

    @Test
    void binaryFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertProblem(() -> reader.read(png, RACE_PATH, null), null, "binary");
    }

    @Test
    void truncatedCsv() {
        String full = Samples.text(Samples.ELMS_RACE);
        String cut = full.substring(0, full.indexOf("Algarve Pro Racing;Matthias") + 25);
        assertProblem(() -> reader.read(Samples.utf8(cut), RACE_PATH, null), "DRIVER_1", "truncated");
        assertThatThrownBy(() -> reader.read(Samples.utf8(cut), RACE_PATH, null))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).line()).isEqualTo(21));
    }

    @Test
    void unknownFormat() {
        assertProblem(() -> reader.read(Samples.utf8("Pos,No,Driver\n1,22,Griffin PEEBLES\n"), RACE_PATH, null), null, "unknown format");
    }

    @Test
    void csvMissingTheNumberColumn() {
        String csv = Samples.text(Samples.ELMS_2014).replaceFirst("NUMBER;", "NUMMER;");
        assertProblem(() -> reader.read(Samples.utf8(csv), RACE_PATH, null), "NUMBER", "required column NUMBER is missing");
    }

    @Test
    void duplicateCarNumbers() {
        String csv = Samples.text(Samples.ELMS_RACE).replace("\r\n3;28;IDEC Sport;", "\r\n3;22;IDEC Sport;");
        assertThatThrownBy(() -> reader.read(Samples.utf8(csv), RACE_PATH, null))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).singleElement()
                        .hasToString("line 4, field NUMBER: car \"22\" appears twice (also line 2)"));
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeParsing() {
        FeedReader small = new FeedReader(Samples.SERIES, 1_000);
        assertProblem(() -> small.read(Samples.bytes(Samples.ELMS_RACE), RACE_PATH, null), null, "over the limit of 1000 bytes");
        byte[] bigBinary = new byte[2_000];
        assertProblem(() -> small.read(bigBinary, RACE_PATH, null), null, "over the limit");
        assertProblem(() -> small.detect(bigBinary), null, "over the limit");
    }

    @Test
    void htmlPageWithoutAResultsTable() {
        String html = "<!DOCTYPE html><html><head><title>Calendar</title></head><body><p>Next race soon</p></body></html>";
        assertProblem(() -> reader.read(Samples.utf8(html), "gtwc-asia/2023/01_Buriram/Race 1/page.html", null),
                null, "no results table found");
    }

    @Test
    void jsonWithTheWrongSchema() {
        String doc = CanonicalJsonTest.minimal("").replace("podium.session-result/1", "podium.session-result/0");
        assertProblem(() -> reader.read(Samples.utf8(doc), "x.json", null), "schema", "expected \"podium.session-result/1\"");
    }

    @Test
    void pathWithoutMetadata() {
        assertProblem(() -> reader.read(Samples.bytes(Samples.ELMS_RACE), "race.CSV", null), "series", "missing series");
    }

    @Test
    void unknownSeries() {
        assertProblem(() -> reader.read(Samples.bytes(Samples.ELMS_RACE), "elms/2023/04_Portimao/Race/x.CSV", null),
                "series", "unknown series \"elms\"; known series are alms, gtwc-asia, gtwc-europe");
    }

    /** The read fails naming the file, with a problem on the field saying the words, and a hint. */
    private static void assertProblem(ThrowingCallable read, String field, String words) {
        assertThatThrownBy(read).isInstanceOfSatisfying(FeedException.class, e -> {
            List<Problem> matching = e.problems().stream()
                    .filter(p -> (field == null || field.equals(p.field())) && p.message().contains(words)).toList();
            assertThat(matching).as("problems %s", e.problems()).isNotEmpty();
            assertThat(e.hint()).isNotBlank();
            assertThat(e.getMessage()).contains(words);
        });
    }
}
