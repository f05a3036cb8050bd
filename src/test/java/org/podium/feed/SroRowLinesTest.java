package org.podium.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows' lines found by scanning the page, against jsoup's own position tracking. */
class SroRowLinesTest {

    static List<Integer> tracked(String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        List<Integer> out = new ArrayList<>();
        for (Element tr : doc.getElementsByTag("tr")) out.add(tr.sourceRange().start().lineNumber());
        return out;
    }

    static List<Integer> scanned(String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser());
        Map<Element, Integer> lines = SroHtmlParser.rowLines(doc, html);
        assertThat(lines).as("scan matches jsoup's rows").isNotNull();
        List<Integer> out = new ArrayList<>();
        for (Element tr : doc.getElementsByTag("tr")) out.add(lines.get(tr));
        return out;
    }

    @Test
    void everyRowOfTheRealSamplePageIsOnTheLineJsoupTracks() {
        String html = Samples.text(Samples.SRO_PAGE);

        assertThat(scanned(html)).isNotEmpty().isEqualTo(tracked(html));
    }

    @Test
    void everyRowOfTheDemoPagesIsOnTheLineJsoupTracks() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/demo/steps"))) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path p : pages) {
            String html = Files.readString(p);
            assertThat(scanned(html)).as(p.toString()).isEqualTo(tracked(html));
        }
    }

    @Test
    void aRowTagInACommentIsNotCounted() {
        String html = "<html><body>\n<!-- <tr><td>old</td></tr>\n -->\n<table>\n<tr><th>Pos</th><th>Car #</th></tr>\n"
                + "<tr><td>1</td><td>7</td></tr>\n</table><track src=x></body></html>";

        assertThat(scanned(html)).containsExactly(5, 6).isEqualTo(tracked(html));
    }

    @Test
    void aPageWhoseRowsJsoupMakesUpIsLeftToJsoupsTracking() {
        // a <td> without its <tr>: jsoup adds the row, which has no tag in the text
        String html = "<html><body><table>\n<td>1</td><td>7</td>\n</table></body></html>";
        Document doc = Jsoup.parse(html, "", Parser.htmlParser());

        assertThat(SroHtmlParser.rowLines(doc, html)).isNull();
    }
}
