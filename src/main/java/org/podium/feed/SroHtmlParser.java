package org.podium.feed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/**
 * Reads an SRO results page (docs/formats.md, SRO results pages): the first {@code <table>} whose header names Pos and the
 * car number. Columns are found by their {@code <th>} names, since the Europe, America and Asia sites
 * order them differently. The Class column is the cup; the page has no status column, so every car is
 * CLASSIFIED unless its Pos, Time or Gap cell says DNF, DNS, DSQ, NC, Retired or Excluded.
 */
public final class SroHtmlParser {
    static final String NO_TABLE = "no results table found: expected a <table> with <th> Pos, Car #, Class, Drivers, Team, Car, Time, Laps, Gap";

    /** The columns Podium reads; others are ignored. */
    enum Column { POS, NUMBER, CUP, DRIVERS, TEAM, CAR, TIME, LAPS, GAP }

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("pos", Column.POS), Map.entry("position", Column.POS), Map.entry("p", Column.POS),
            Map.entry("car #", Column.NUMBER), Map.entry("car#", Column.NUMBER), Map.entry("no", Column.NUMBER),
            Map.entry("#", Column.NUMBER), Map.entry("nr", Column.NUMBER), Map.entry("number", Column.NUMBER),
            Map.entry("car no", Column.NUMBER), Map.entry("car number", Column.NUMBER), Map.entry("n°", Column.NUMBER),
            Map.entry("class", Column.CUP), Map.entry("cup", Column.CUP), Map.entry("category", Column.CUP),
            Map.entry("drivers", Column.DRIVERS), Map.entry("driver", Column.DRIVERS), Map.entry("driver(s)", Column.DRIVERS),
            Map.entry("team", Column.TEAM), Map.entry("entrant", Column.TEAM),
            Map.entry("car", Column.CAR), Map.entry("vehicle", Column.CAR), Map.entry("car model", Column.CAR),
            Map.entry("time", Column.TIME), Map.entry("total time", Column.TIME), Map.entry("race time", Column.TIME),
            Map.entry("laps", Column.LAPS),
            Map.entry("gap", Column.GAP), Map.entry("diff", Column.GAP), Map.entry("interval", Column.GAP));

    public SroPage parse(String html) throws FeedException {
        checkBounds(html);
        // jsoup's own position tracking costs a third of the parse: the rows' lines come from a scan of
        // the text instead, and only a page where that scan does not match jsoup's rows is parsed again
        // with tracking
        Document doc = Jsoup.parse(html, "", Parser.htmlParser());
        Map<Element, Integer> lines = rowLines(doc, html);
        if (lines == null) {
            doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        }
        SroPageInfo info = pageInfo(doc);
        for (Element table : doc.getElementsByTag("table")) {
            List<Element> rows = ownRows(table);
            Element headerRow = headerRow(rows);
            if (headerRow == null) continue;
            Map<Column, Integer> columns = columns(headerRow);
            if (columns.containsKey(Column.POS) && columns.containsKey(Column.NUMBER)) {
                return new SroPage(rows(rows, headerRow, columns, lines), info);
            }
        }
        throw new FeedException(Problem.of(NO_TABLE), "check that the page is a race's results page (…/results/<year>/<event>?filter_race_id=…), not an event or schedule page");
    }

    /**
     * Counts the page's start tags and the nesting of its tables in one pass over the text, before
     * anything is parsed: a parsed element costs memory, and a page of many thousands is not a
     * results page. Comments and scripts are counted too, which only errs on the generous side.
     */
    static void checkBounds(String html) throws FeedException {
        String hint = "an SRO results page is far smaller; check that this is a race's results page";
        int elements = 0;
        int tableDepth = 0;
        int line = 1;
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '<' && i + 1 < n) {
                char next = html.charAt(i + 1);
                if (isAsciiLetter(next)) {
                    if (++elements > FeedLimits.MAX_HTML_ELEMENTS) {
                        throw new FeedException(new Problem(line, null, null, "the page has more than " + FeedLimits.MAX_HTML_ELEMENTS
                                + " elements, over the limit (a results page has a few thousand)"), hint);
                    }
                    if (tagIs(html, i + 1, "table") && ++tableDepth > FeedLimits.MAX_TABLE_NESTING) {
                        throw new FeedException(new Problem(line, null, null, "tables nested more than " + FeedLimits.MAX_TABLE_NESTING
                                + " deep, over the limit (a results page nests a layout table or two at most)"), hint);
                    }
                } else if (next == '/' && tagIs(html, i + 2, "table") && tableDepth > 0) {
                    tableDepth--;
                }
            }
        }
    }

    /** Whether the tag name starting at {@code from} is {@code name}, in any case. */
    private static boolean tagIs(String html, int from, String name) {
        int end = from + name.length();
        if (end > html.length() || !html.regionMatches(true, from, name, 0, name.length())) return false;
        return end == html.length() || !isAsciiLetter(html.charAt(end)) && !Character.isDigit(html.charAt(end));
    }

    private static boolean isAsciiLetter(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    /**
     * The rows of this table, not of the tables inside it: its {@code <tr>} children and those of its
     * {@code <thead>}, {@code <tbody>} and {@code <tfoot>}. Each element is looked at once, so that
     * finding the results table costs as much as the page, however its tables nest.
     */
    private static List<Element> ownRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(child);
            } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (Element tr : child.children()) if (tr.normalName().equals("tr")) rows.add(tr);
            }
        }
        return rows;
    }

    private static Element headerRow(List<Element> rows) {
        for (Element tr : rows) {
            boolean th = hasChild(tr, "th");
            boolean td = hasChild(tr, "td");
            if (th && !td) return tr;
            if (td) return null; // data before any header row
        }
        return null;
    }

    private static boolean hasChild(Element e, String tag) {
        for (Element child : e.children()) if (child.normalName().equals(tag)) return true;
        return false;
    }

    private static Map<Column, Integer> columns(Element headerRow) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<Element> cells = headerRow.children();
        for (int i = 0; i < cells.size(); i++) {
            Column c = HEADERS.get(headerKey(cells.get(i).text()));
            if (c != null) columns.putIfAbsent(c, i);
        }
        return columns;
    }

    static String headerKey(String th) {
        String s = th.strip().toLowerCase(Locale.ROOT).replace('\u00A0', ' ');
        while (s.endsWith(".") || s.endsWith(":")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    /**
     * The line of each {@code <tr>} of the page, from its start tag in the text (comments skipped), or
     * null when the tags found are not exactly jsoup's rows (a row jsoup made up, a tag in a script).
     */
    static Map<Element, Integer> rowLines(Document doc, String html) {
        List<Integer> tagLines = new ArrayList<>();
        int line = 1;
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    int stop = end < 0 ? n : end + 3;
                    for (int k = i; k < stop; k++) if (html.charAt(k) == '\n') line++;
                    i = stop - 1;
                } else if (i + 3 < n && (html.charAt(i + 1) | 0x20) == 't' && (html.charAt(i + 2) | 0x20) == 'r') {
                    char after = html.charAt(i + 3);
                    if (after == '>' || after == '/' || Character.isWhitespace(after)) tagLines.add(line);
                }
            }
        }
        org.jsoup.select.Elements rows = doc.getElementsByTag("tr");
        if (rows.size() != tagLines.size()) return null;
        Map<Element, Integer> out = new java.util.IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) out.put(rows.get(i), tagLines.get(i));
        return out;
    }

    private Classification rows(List<Element> rows, Element headerRow, Map<Column, Integer> columns,
                                Map<Element, Integer> lines) throws FeedException {
        Problems problems = new Problems();
        List<Entry> entries = new ArrayList<>();
        List<Element> headerCells = headerRow.children();
        int index = 0;
        for (Element tr : rows) {
            if (tr == headerRow || !hasChild(tr, "td")) continue;
            if (tr.children().size() == 1) continue; // a note spanning the table ("Race stopped…"), not a car
            index++;
            Integer scanned = lines == null ? null : lines.get(tr);
            int line = scanned != null ? scanned : tr.sourceRange().isTracked() ? tr.sourceRange().start().lineNumber() : index;
            if (index > FeedLimits.MAX_ROWS) {
                throw new FeedException(new Problem(line, null, null, "the results table has more than " + FeedLimits.MAX_ROWS
                        + " rows, over the limit for one classification (a real one has fewer than 100 cars)"),
                        "check that the page is one race's results page");
            }
            Cells cells = new Cells(tr.children(), headerCells, line, problems);
            Entry e = entry(cells, columns, index);
            if (!cells.failed) entries.add(e);
        }
        if (!problems.isEmpty()) {
            throw problems.exception("fix the named table rows or wait for a corrected page");
        }
        return new Classification(FeedFormat.SRO_HTML, entries, false);
    }

    private static Entry entry(Cells c, Map<Column, Integer> columns, int rowIndex) {
        int posCol = columns.get(Column.POS);
        String posText = c.text(posCol);
        EntryStatus status = EntryStatus.CLASSIFIED;
        int position = rowIndex;
        EntryStatus posStatus = StatusWords.of(posText);
        if (posStatus != null) {
            // a car out of the classification shows its status where its position would be
            status = posStatus;
        } else if (posText == null) {
            c.fail(posCol, "empty; a position or a status (DNF, DNS, DSQ, NC) is required");
        } else {
            position = c.integer(posCol, posText);
        }
        String number = c.text(columns.getOrDefault(Column.NUMBER, -1));
        if (number == null) c.fail(columns.get(Column.NUMBER), "the car number is empty");

        Long total = null;
        int timeCol = columns.getOrDefault(Column.TIME, -1);
        String timeText = c.text(timeCol);
        EntryStatus timeStatus = StatusWords.of(timeText);
        if (timeStatus != null) {
            if (status == EntryStatus.CLASSIFIED) status = timeStatus;
        } else if (timeText != null) {
            total = c.time(timeCol, timeText);
        }

        Gap gap = null;
        int gapCol = columns.getOrDefault(Column.GAP, -1);
        String gapText = c.text(gapCol);
        EntryStatus gapStatus = StatusWords.of(gapText);
        if (gapStatus != null) {
            if (status == EntryStatus.CLASSIFIED) status = gapStatus;
        } else {
            gap = c.gap(gapCol, gapText);
        }

        int lapsCol = columns.getOrDefault(Column.LAPS, -1);
        String lapsText = c.text(lapsCol);
        int laps = lapsText == null ? 0 : c.integer(lapsCol, lapsText);

        List<Driver> drivers = new ArrayList<>();
        String names = c.driverText(columns.getOrDefault(Column.DRIVERS, -1));
        if (names != null) {
            for (String name : names.split(",")) {
                Driver d = DriverNames.parse(name);
                if (d != null) drivers.add(d);
            }
            if (drivers.size() > FeedLimits.MAX_DRIVERS_PER_CAR) {
                int count = drivers.size();
                c.fail(columns.get(Column.DRIVERS), () -> count + " drivers for one car, over the limit of " + FeedLimits.MAX_DRIVERS_PER_CAR);
            }
        }
        if (c.failed) return null;
        return new Entry(position, null, number, c.text(columns.getOrDefault(Column.TEAM, -1)), drivers,
                c.text(columns.getOrDefault(Column.CAR, -1)), null,
                Cups.normalize(c.text(columns.getOrDefault(Column.CUP, -1))), null, null, null,
                status, laps, total, gap, null, null, c.line);
    }

    private static SroPageInfo pageInfo(Document doc) {
        String title = doc.title();
        String lower = title.toLowerCase(Locale.ROOT);
        String cup = lower.contains("sprint cup") ? "Sprint Cup" : lower.contains("endurance cup") ? "Endurance Cup" : null;
        String race = null;
        String event = null;
        Integer year = null;
        Element h2 = doc.selectFirst("h2");
        if (h2 != null) {
            List<String> lines = new ArrayList<>();
            for (String l : h2.wholeText().split("\n")) if (!l.isBlank()) lines.add(l.strip());
            if (!lines.isEmpty()) race = lines.get(0);
            if (lines.size() > 1) event = lines.get(1);
            for (String l : lines) {
                if (l.length() >= 4 && l.substring(0, 4).chars().allMatch(Character::isDigit)
                        && l.substring(4).strip().equalsIgnoreCase("results")) {
                    year = Integer.parseInt(l.substring(0, 4));
                }
            }
        }
        return new SroPageInfo(title.isBlank() ? null : title.strip(), cup, race, event, year);
    }

    /** The cells of one body row; every bad cell is reported with its row's line and header. */
    private static final class Cells {
        private final List<Element> cells;
        private final List<Element> headers;
        private final int line;
        private final Problems problems;
        boolean failed;

        Cells(List<Element> cells, List<Element> headers, int line, Problems problems) {
            this.cells = cells;
            this.headers = headers;
            this.line = line;
            this.problems = problems;
        }

        void fail(int column, String message) {
            fail(column, () -> message);
        }

        void fail(int column, java.util.function.Supplier<String> message) {
            failed = true;
            String header = column >= 0 && column < headers.size() ? headers.get(column).text().strip() : null;
            problems.add(line, column + 1, header, message);
        }

        String text(int column) {
            if (column < 0 || column >= cells.size()) return null;
            String s = Spaces.collapse(cells.get(column).text());
            return s.isEmpty() ? null : s;
        }

        /** The drivers cell, with line breaks read as the commas between names. */
        String driverText(int column) {
            if (column < 0 || column >= cells.size()) return null;
            Element cell = cells.get(column);
            for (Element br : cell.getElementsByTag("br")) br.after(new TextNode(", "));
            String s = Spaces.collapse(cell.text());
            return s.isEmpty() ? null : s;
        }

        int integer(int column, String text) {
            String s = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                fail(column, "\"" + text + "\" is not a whole number");
                return 0;
            }
        }

        Long time(int column, String text) {
            try {
                return Timing.millis(text);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }

        Gap gap(int column, String text) {
            try {
                return Timing.gap(text);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }
    }
}
