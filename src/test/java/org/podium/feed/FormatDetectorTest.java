package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private final FormatDetector detector = new FormatDetector();

    private FeedFormat format(String name) throws FeedException {
        return detector.detect(Samples.bytes(name)).format();
    }

    @Test
    void samplesAreRecognisedByContent() throws FeedException {
        assertThat(format(Samples.ELMS_RACE)).isEqualTo(FeedFormat.ALKAMEL_RACE);
        assertThat(format(Samples.ELMS_2014)).isEqualTo(FeedFormat.ALKAMEL_RACE);
        assertThat(format(Samples.WEC_WIDE)).isEqualTo(FeedFormat.ALKAMEL_WIDE);
        assertThat(format(Samples.GRCUP_RESULTS)).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
        assertThat(format(Samples.GRCUP_BY_CLASS)).isEqualTo(FeedFormat.ALKAMEL_RESULTS_BY_CLASS);
        assertThat(format(Samples.SRO_PAGE)).isEqualTo(FeedFormat.SRO_HTML);
        assertThat(format(Samples.PODIUM_JSON)).isEqualTo(FeedFormat.PODIUM_JSON);
    }

    @Test
    void sroAmericaResultsHeaderIsItsOwnLayout() throws FeedException {
        String csv = "POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;TEAM;CLASS;DRIVER1_FIRSTNAME;DRIVER1_SECONDNAME;\n";
        assertThat(detector.detect(Samples.utf8(csv)).format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
    }

    @Test
    void theUnnumberedDriverBlockMakesTheResultsLayout() throws FeedException {
        String csv = "\uFEFFPOSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;TEAM;CLASS;DRIVER_FIRSTNAME;DRIVER_SECONDNAME;DRIVER_COUNTRY;\r\n";
        assertThat(detector.detect(Samples.utf8(csv)).format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
    }

    @Test
    void htmlIsRecognisedByDoctypeHtmlOrTable() throws FeedException {
        assertThat(detector.detect(Samples.utf8("<!DOCTYPE html><p>x</p>")).format()).isEqualTo(FeedFormat.SRO_HTML);
        assertThat(detector.detect(Samples.utf8("  <html><body></body></html>")).format()).isEqualTo(FeedFormat.SRO_HTML);
        assertThat(detector.detect(Samples.utf8("<table><tr><th>Pos</th></tr></table>")).format()).isEqualTo(FeedFormat.SRO_HTML);
    }

    @Test
    void theExtensionDoesNotMatter() throws FeedException {
        FeedReader reader = new FeedReader(Samples.SERIES, 1 << 20);
        assertThat(reader.read(Samples.bytes(Samples.SRO_PAGE), "gtwc-europe/2023/05_Misano/Race 1/results.CSV", null)
                .source().format()).isEqualTo("sro-html");
    }

    @Test
    void charsetIsReported() throws FeedException {
        assertThat(detector.detect(Samples.bytes(Samples.ELMS_RACE)).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] cp1252 = (AlKamelQuirksTest.RACE_HEADER + "\n" + AlKamelQuirksTest.ROW_1 + "\n").getBytes(FeedText.WINDOWS_1252);
        assertThat(detector.detect(cp1252).charset()).isEqualTo(FeedText.WINDOWS_1252);
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> detector.detect(new byte[0]))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("empty"));
        assertThatThrownBy(() -> detector.detect(Samples.utf8("\uFEFF \r\n")))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("no text"));
    }

    @Test
    void fileWithNulBytesIsBinary() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> detector.detect(zip))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("binary"));
    }

    @Test
    void fileOfMostlyControlBytesIsBinary() {
        byte[] noise = new byte[1000];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) (1 + i % 8);
        assertThatThrownBy(() -> detector.detect(noise))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("binary"));
    }

    @Test
    void unknownTextIsRefusedShowingItsFirstLine() {
        assertThatThrownBy(() -> detector.detect(Samples.utf8("Driver,Team,Points\nA,B,3\n")))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.problems().get(0).message()).contains("unknown format", "Driver,Team,Points");
                    assertThat(e.hint()).contains("Al Kamel");
                });
        assertThatThrownBy(() -> detector.detect(Samples.utf8("A;B;C;\n1;2;3;\n"))).isInstanceOf(FeedException.class);
    }

    @Test
    void jsonWithoutTheSessionResultSchemaIsRefused() {
        assertThatThrownBy(() -> detector.detect(Samples.utf8("{\"schema\": \"podium.standings/1\"}")))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("schema"));
        assertThatThrownBy(() -> detector.detect(Samples.utf8("{\"schema\": \"podium.feed-index/1\", \"documents\": []}")))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("feed index"));
        assertThatThrownBy(() -> detector.detect(Samples.utf8("{\"series\": \"alms\"}")))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("missing"));
    }
}
