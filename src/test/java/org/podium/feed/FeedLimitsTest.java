package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.podium.model.Entry;

/**
 * Each bound of {@link FeedLimits} and of the JSON reader: a file over it is refused with a
 * FeedException naming the line or field and the limit, and a file at it is still read.
 */
class FeedLimitsTest {
    private static final String RACE_PATH = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV";
    private final FeedReader reader = new FeedReader(Samples.SERIES, 20L * 1024 * 1024);

    /** A race file of {@code rows} cars, each valid and distinct. */
    private static String raceOf(int rows) {
        StringBuilder sb = new StringBuilder(AlKamelQuirksTest.RACE_HEADER).append("\r\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(';').append(i).append(";Team ").append(i).append(";Anna EXAMPLE;;Oreca 07;G;LMP2;;;Classified;100;")
                    .append("4:00'").append(String.format("%02d", i % 60)).append(".000;;;5;1'50.000;180.0;\r\n");
        }
        return sb.toString();
    }

    private static Classification parseCsv(String text) throws FeedException {
        return new AlKamelCsvParser().parse(text);
    }

    private static void refused(ThrowingCallable read, Consumer<FeedException> check) {
        assertThatThrownBy(read).isInstanceOfSatisfying(FeedException.class, check);
    }

    private static Consumer<FeedException> onlyProblem(Integer line, String containing) {
        return e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(containing);
        });
    }

    // ---------------------------------------------------------------- Al Kamel CSV

    @Test
    void csvLineLongerThanTheLimitIsRefusedNamingItsLine() {
        String csv = AlKamelQuirksTest.RACE_HEADER + "\r\n" + AlKamelQuirksTest.ROW_1 + "\r\n"
                + AlKamelQuirksTest.ROW_2.replace("Inter Europol Competition", "x".repeat(FeedLimits.MAX_LINE_CHARS)) + "\r\n";
        refused(() -> parseCsv(csv), onlyProblem(3, "over the limit of " + FeedLimits.MAX_LINE_CHARS));
    }

    @Test
    void firstLineLongerThanTheLimitIsRefusedBeforeItIsSplit() {
        String csv = "\r\n" + "C;".repeat(FeedLimits.MAX_LINE_CHARS) + "\r\n1;\r\n";
        refused(() -> reader.detect(Samples.utf8(csv)), onlyProblem(2, "characters long, over the limit of " + FeedLimits.MAX_LINE_CHARS));
    }

    @Test
    void csvLineWithMoreFieldsThanTheLimitIsRefusedNamingItsLine() {
        String csv = AlKamelQuirksTest.RACE_HEADER + "\r\n" + AlKamelQuirksTest.ROW_1 + ";".repeat(FeedLimits.MAX_COLUMNS) + "1\r\n";
        refused(() -> parseCsv(csv), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(FeedLimits.MAX_COLUMNS + 1);
            assertThat(p.message()).contains("more than " + FeedLimits.MAX_COLUMNS + " fields");
        }));
    }

    @Test
    void classificationOfAsManyRowsAsTheLimitIsRead() throws FeedException {
        assertThat(parseCsv(raceOf(FeedLimits.MAX_ROWS)).entries()).hasSize(FeedLimits.MAX_ROWS);
    }

    @Test
    void csvWithMoreRowsThanTheLimitIsRefusedAtTheFirstRowBeyondIt() {
        refused(() -> parseCsv(raceOf(FeedLimits.MAX_ROWS + 1)),
                onlyProblem(FeedLimits.MAX_ROWS + 2, "more than " + FeedLimits.MAX_ROWS + " rows"));
    }

    @Test
    void repetitionBombIsRefusedAtTheRowLimitNotValidatedRowByRow() {
        String row = "1;91;T;A B;;V;M;GT;;;Classified;1;1'00.000;;;1;1'00.000;1;\r\n";
        String csv = AlKamelQuirksTest.RACE_HEADER + "\r\n" + row.repeat(50_000);
        refused(() -> reader.read(Samples.utf8(csv), RACE_PATH, null), onlyProblem(FeedLimits.MAX_ROWS + 2, "rows"));
    }

    @Test
    void raceHeaderNamingMoreDriversThanACarCanHaveIsRefused() {
        String csv = AlKamelQuirksTest.RACE_HEADER + "DRIVER_7;\r\n" + AlKamelQuirksTest.ROW_1 + ";\r\n";
        refused(() -> parseCsv(csv), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("DRIVER_7");
            assertThat(p.message()).contains(FeedLimits.MAX_DRIVERS_PER_CAR + " drivers per car at most");
        }));
    }

    @Test
    void wideHeaderNamingMoreDriversThanACarCanHaveIsRefused() {
        StringBuilder header = new StringBuilder("POS;NUMBER;LAP;TIME;TEAM;CLASS;");
        for (int n = 1; n <= 8; n++) header.append("DRIVER").append(n).append("_FIRSTNAME;DRIVER").append(n).append("_SECONDNAME;");
        String csv = header + "\r\n1;7;3;1:59.000;T;GT;" + "A;B;".repeat(8) + "\r\n";
        refused(() -> parseCsv(csv), e -> assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("DRIVER8_FIRSTNAME", "DRIVER8_SECONDNAME"));
    }

    // ---------------------------------------------------------------- problems beyond the listed limit

    @Test
    void problemsBeyondTheListedLimitAreCountedNotListed() {
        String csv = raceOf(1_000).replace(";Classified;100;", ";Classified;many;");
        refused(() -> parseCsv(csv), e -> {
            assertThat(e.problems()).hasSize(FeedLimits.MAX_PROBLEMS_LISTED);
            assertThat(e.unlistedProblems()).isEqualTo(1_000 - FeedLimits.MAX_PROBLEMS_LISTED);
            assertThat(e.problems().get(0).line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("… and 980 more");
        });
    }

    @Test
    void repeatedRowsReportEveryDuplicateCountedButOnlyTheFirstListed() {
        String row = "1;91;T;A B;;V;M;GT;;;Classified;1;1'00.000;;;1;1'00.000;1;\r\n";
        String csv = AlKamelQuirksTest.RACE_HEADER + "\r\n" + row.repeat(1_500);
        refused(() -> reader.read(Samples.utf8(csv), RACE_PATH, null), e -> {
            // rows 2…1500 each repeat position 1 and car 91
            assertThat(e.problems().size() + e.unlistedProblems()).isEqualTo(2 * 1_499);
            assertThat(e.problems()).hasSize(FeedLimits.MAX_PROBLEMS_LISTED);
            assertThat(e.problems()).extracting(Problem::field).containsOnly("POSITION", "NUMBER");
        });
    }

    @Test
    void feedExceptionGivenMoreProblemsThanItListsCountsTheRest() {
        List<Problem> many = java.util.stream.IntStream.rangeClosed(1, 150).mapToObj(i -> Problem.at(i, "LAPS", "bad")).toList();
        FeedException e = new FeedException("x.CSV", many, 7, "fix it");
        assertThat(e.problems()).hasSize(FeedLimits.MAX_PROBLEMS_LISTED);
        assertThat(e.unlistedProblems()).isEqualTo(57);
        assertThat(e.inDocument("y.CSV").unlistedProblems()).isEqualTo(57);
        assertThat(e.getMessage()).contains("… and 137 more");
    }

    // ---------------------------------------------------------------- SRO HTML

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><title>Results</title></head><body>\n" + body + "\n</body></html>";
    }

    private static String resultsTable(String rows) {
        return "<table><thead><tr><th>Pos</th><th>Car #</th><th>Drivers</th><th>Laps</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>";
    }

    private static String carRow(int position) {
        return "<tr><td>" + position + "</td><td>" + position + "</td><td>Anna EXAMPLE</td><td>30</td></tr>\n";
    }

    @Test
    void pageWithMoreElementsThanTheLimitIsRefusedBeforeItIsParsed() {
        String html = page("<div>" + "<span>x</span>\n".repeat(FeedLimits.MAX_HTML_ELEMENTS) + "</div>");
        refused(() -> new SroHtmlParser().parse(html), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThan(FeedLimits.MAX_HTML_ELEMENTS - 10);
            assertThat(p.message()).contains("more than " + FeedLimits.MAX_HTML_ELEMENTS + " elements");
        }));
    }

    @Test
    void tablesNestedDeeperThanTheLimitAreRefused() {
        String html = page("<table><tr><td>\n".repeat(FeedLimits.MAX_TABLE_NESTING + 1));
        refused(() -> new SroHtmlParser().parse(html), onlyProblem(FeedLimits.MAX_TABLE_NESTING + 2, "nested more than"));
    }

    @Test
    void resultsTableInsideLayoutTablesIsFound() throws FeedException {
        String html = page("<table><tr><td><table><tr><td>" + resultsTable(carRow(1) + carRow(2)) + "</td></tr></table></td></tr></table>");
        assertThat(new SroHtmlParser().parse(html).classification().entries()).extracting(Entry::number).containsExactly("1", "2");
    }

    @Test
    void rowsOfATableInsideAResultsCellAreNotCars() throws FeedException {
        String inner = "<table><tr><td>9</td><td>99</td></tr></table>";
        String html = page(resultsTable("<tr><td>1</td><td>1</td><td>Anna EXAMPLE" + inner + "</td><td>30</td></tr>\n" + carRow(2)));
        assertThat(new SroHtmlParser().parse(html).classification().entries()).extracting(Entry::number).containsExactly("1", "2");
    }

    @Test
    void resultsTableWithMoreRowsThanTheLimitIsRefusedNamingTheRow() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= FeedLimits.MAX_ROWS + 1; i++) rows.append(carRow(i));
        String html = page(resultsTable(rows.toString()));
        // the page's fourth line is the first car's
        refused(() -> new SroHtmlParser().parse(html), onlyProblem(FeedLimits.MAX_ROWS + 4, "more than " + FeedLimits.MAX_ROWS + " rows"));
    }

    @Test
    void sroCarWithMoreDriversThanTheLimitIsRefused() {
        String drivers = String.join(", ", java.util.Collections.nCopies(FeedLimits.MAX_DRIVERS_PER_CAR + 1, "Anna EXAMPLE"));
        String html = page(resultsTable("<tr><td>1</td><td>1</td><td>" + drivers + "</td><td>30</td></tr>\n"));
        refused(() -> new SroHtmlParser().parse(html), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Drivers");
            assertThat(p.message()).contains((FeedLimits.MAX_DRIVERS_PER_CAR + 1) + " drivers for one car");
        }));
    }

    // ---------------------------------------------------------------- Podium JSON

    @Test
    void jsonOfMoreTokensThanTheLimitIsRefusedAsOverALimit() {
        String doc = CanonicalJsonTest.minimal("\"comment\": [" + "0,".repeat((int) JsonInput.MAX_TOKENS) + "0],");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the document is over a limit: Token count")));
    }

    @Test
    void jsonOverALimitNamesTheLineItWasHitOn() {
        String doc = CanonicalJsonTest.minimal("\"comment\": \"" + "x".repeat(JsonInput.MAX_STRING + 1) + "\",");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), onlyProblem(3, "over a limit: String value length"));
        String deep = "[".repeat(JsonInput.MAX_DEPTH + 1) + "]".repeat(JsonInput.MAX_DEPTH + 1);
        String deepFirst = CanonicalJsonTest.minimal("").replace("{\n", "{\n\"comment\": " + deep + ",\n");
        refused(() -> reader.detect(Samples.utf8(deepFirst)), onlyProblem(2, "over a limit: Document nesting depth"));
    }

    @Test
    void jsonOfManyDistinctKeysIsRefusedAtTheTokenLimit() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < JsonInput.MAX_TOKENS / 2 + 1; i++) keys.append("\"k").append(i).append("\":0,");
        String doc = CanonicalJsonTest.minimal("\"comment\": {" + keys + "\"end\":0},");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("over a limit: Token count")));
    }

    @Test
    void jsonFieldNameLongerThanTheLimitIsRefused() {
        String doc = CanonicalJsonTest.minimal("\"" + "k".repeat(JsonInput.MAX_NAME + 1) + "\": 1,");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems().get(0).message())
                .contains("over a limit").contains("Name length"));
    }

    @Test
    void jsonWithMoreEntriesThanTheRowLimitIsRefused() {
        String entry = "{ \"position\": 1, \"number\": \"7\", \"status\": \"CLASSIFIED\" },";
        String many = "\"entries\": [" + entry.repeat(FeedLimits.MAX_ROWS) + entry.substring(0, entry.length() - 1) + "] }";
        String doc = CanonicalJsonTest.minimal("").replaceAll("\"entries\": \\[.*\\]\\s*}", many);
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("entries");
            assertThat(p.message()).contains((FeedLimits.MAX_ROWS + 1) + " entries, over the limit of " + FeedLimits.MAX_ROWS);
        }));
    }

    @Test
    void jsonCarWithMoreDriversThanTheLimitIsRefused() {
        String driver = "{\"lastName\": \"EXAMPLE\"},";
        String drivers = "\"drivers\": [" + driver.repeat(FeedLimits.MAX_DRIVERS_PER_CAR) + driver.substring(0, driver.length() - 1) + "], ";
        String doc = CanonicalJsonTest.minimal("").replace("\"laps\": 3", drivers + "\"laps\": 3");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("entries[0].drivers")));
    }

    @Test
    void jsonSeasonThatClimbsOutOfItsFolderIsRefused() {
        String doc = CanonicalJsonTest.minimal("").replace("\"2023-24\"", "\"../../outside\"");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("season")));
    }

    @Test
    void jsonSeasonLongerThanTheStoreKeepsIsRefused() {
        String doc = CanonicalJsonTest.minimal("").replace("\"2023-24\"", "\"" + "9".repeat(FeedLimits.MAX_ID_CHARS + 1) + "\"");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("season");
            assertThat(p.message()).contains("over the limit of " + FeedLimits.MAX_ID_CHARS);
        }));
    }

    @Test
    void jsonSessionNameLongerThanTheStoreKeysIsRefused() {
        String doc = CanonicalJsonTest.minimal("").replace("\"Race 1\"", "\"Race " + "1".repeat(FeedLimits.MAX_NAME_CHARS) + "\"");
        refused(() -> CanonicalJson.read(Samples.utf8(doc)), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("session.name")));
    }

    @Test
    void seasonFolderLongerThanTheStoreKeepsIsRefused() {
        String path = "alms/" + "2".repeat(FeedLimits.MAX_ID_CHARS + 1) + "/01_Sepang/Race 1/x_Official.CSV";
        String csv = AlKamelQuirksTest.RACE_HEADER + "\r\n" + AlKamelQuirksTest.ROW_1 + "\r\n";
        refused(() -> reader.read(Samples.utf8(csv), path, null), e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("season")));
    }
}
