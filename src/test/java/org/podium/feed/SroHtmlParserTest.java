package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/** SRO pages from the other sites: other column order and names, Asia's cup names, status words. */
class SroHtmlParserTest {

    private static List<Entry> parse(String html) throws FeedException {
        return new SroHtmlParser().parse(html).classification().entries();
    }

    private static String page(String headerCells, String rows) {
        return "<!DOCTYPE html><html><head><title>Results | GT World Challenge Asia | SRO</title></head><body>\n"
                + "<table><tr><th>Filter</th></tr></table>\n"
                + "<table class=\"results\"><thead><tr>" + headerCells + "</tr></thead>\n<tbody>\n" + rows + "</tbody></table></body></html>";
    }

    @Test
    void columnsAreFoundByTheirHeaderNamesInAnyOrder() throws FeedException {
        String html = page("<th>POS</th><th>No.</th><th>Team</th><th>Drivers</th><th>Cup</th><th>Laps</th><th>Gap</th><th>Time</th><th>Car</th>",
                "<tr><td>1</td><td>77</td><td>Made-up Racing</td><td>Ye YIFEI, Anna Maria EXAMPLE</td><td>Pro-Am</td><td>30</td><td></td><td>1:00:30.123</td><td>Example GT3</td></tr>\n"
                        + "<tr><td>2</td><td>8</td><td>Other Team</td><td>Jo DEMO</td><td>Silver</td><td>30</td><td>+2.001</td><td>1:00:32.124</td><td>Example GT3</td></tr>\n");
        List<Entry> e = parse(html);
        assertThat(e.get(0)).isEqualTo(new Entry(1, null, "77", "Made-up Racing",
                List.of(new Driver("Ye", "YIFEI", null, null), new Driver("Anna Maria", "EXAMPLE", null, null)), "Example GT3", null,
                "Pro-Am", null, null, null, EntryStatus.CLASSIFIED, 30, 3_630_123L, null, null, null, 5));
        assertThat(e.get(1).gap()).isEqualTo(Gap.time(2_001));
        assertThat(e.get(1).cup()).isEqualTo("Silver");
    }

    @Test
    void cupNamesOfEuropeAndAsia() {
        assertThat(List.of("Pro Cup", "Gold Cup", "Silver Cup", "Bronze Cup", "Pro-Am Cup", "Pro-Am", "Am Cup", "Am", "Silver"))
                .extracting(Cups::normalize)
                .containsExactly("Pro", "Gold", "Silver", "Bronze", "Pro-Am", "Pro-Am", "Am", "Am", "Silver");
    }

    @Test
    void statusWordsInPosTimeOrGapCells() throws FeedException {
        String head = "<th>Pos</th><th>Car #</th><th>Drivers</th><th>Time</th><th>Laps</th><th>Gap</th>";
        String rows = "<tr><td>1</td><td>1</td><td>A ONE</td><td>1:00:00.000</td><td>30</td><td></td></tr>\n"
                + "<tr><td>2</td><td>2</td><td>B TWO</td><td>DNF</td><td>12</td><td></td></tr>\n"
                + "<tr><td>3</td><td>3</td><td>C THREE</td><td>0:30:00.000</td><td>15</td><td>Retired</td></tr>\n"
                + "<tr><td>DSQ</td><td>4</td><td>D FOUR</td><td>1:00:05.000</td><td>30</td><td></td></tr>\n"
                + "<tr><td>NC</td><td>5</td><td>E FIVE</td><td></td><td>3</td><td></td></tr>\n"
                + "<tr><td>DNS</td><td>6</td><td>F SIX</td><td></td><td>0</td><td></td></tr>\n"
                + "<tr><td>7</td><td>7</td><td>G SEVEN</td><td>Excluded</td><td>30</td><td></td></tr>\n";
        List<Entry> e = parse(page(head, rows));
        assertThat(e).extracting(Entry::status).containsExactly(EntryStatus.CLASSIFIED, EntryStatus.RETIRED, EntryStatus.RETIRED,
                EntryStatus.DISQUALIFIED, EntryStatus.NOT_CLASSIFIED, EntryStatus.DID_NOT_START, EntryStatus.EXCLUDED);
        assertThat(e).extracting(Entry::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(e.get(1).totalTimeMs()).isNull();
    }

    @Test
    void driversSeparatedByLineBreaks() throws FeedException {
        String html = page("<th>Pos</th><th>#</th><th>Drivers</th>", "<tr><td>1</td><td>5</td><td>Anna EXAMPLE<br>Ben SAMPLE</td></tr>\n");
        assertThat(parse(html).get(0).drivers()).extracting(Driver::lastName).containsExactly("EXAMPLE", "SAMPLE");
    }

    @Test
    void pageWithoutAResultsTableIsAnError() {
        String html = "<!DOCTYPE html><html><body><h2>Race 1</h2><table><tr><th>Date</th><th>Event</th></tr>"
                + "<tr><td>1 May</td><td>Misano</td></tr></table></body></html>";
        assertThatThrownBy(() -> new SroHtmlParser().parse(html))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message())
                        .startsWith("no results table found: expected a <table> with <th> Pos, Car #"));
    }

    @Test
    void badCellNamesItsRowLineAndHeader() {
        String html = page("<th>Pos</th><th>Car #</th><th>Laps</th>", "<tr><td>1</td><td>5</td><td>many</td></tr>\n");
        assertThatThrownBy(() -> parse(html)).isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.field()).isEqualTo("Laps");
                }));
    }
}
