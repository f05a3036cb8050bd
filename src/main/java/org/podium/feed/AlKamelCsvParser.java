package org.podium.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/**
 * Reads the Al Kamel CSV layouts (docs/formats.md, "Al Kamel CSV"), every column by its header name:
 * <ul>
 *   <li>race classification: {@code POSITION;NUMBER;TEAM;DRIVER_1;…;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;…}</li>
 *   <li>wide session classification: {@code POS;NUMBER;LAP;TIME;…;DRIVERn_FIRSTNAME;…} with no
 *       status; TIME is the car's best lap</li>
 *   <li>SRO America results: {@code POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;…;DRIVERn_FIRSTNAME;…}, or
 *       one unnumbered {@code DRIVER_FIRSTNAME;DRIVER_SECONDNAME;…} block in single-driver
 *       championships; CLASS is the cup</li>
 *   <li>results by class: {@code CLASS_TYPE;POS;PIC;NUMBER;TEAM;VEHICLE;DRIVER;LAPS;ELAPSED;…}, no
 *       status, rows grouped by class; read back into overall order</li>
 * </ul>
 * A car is never read without its drivers: a header with no driver column Podium knows, or a row
 * whose driver cells are all empty, is a problem. Every problem in the file is collected before
 * failing, each naming its line, column and header.
 */
public final class AlKamelCsvParser {
    private static final Comparator<Problem> BY_PLACE = Comparator
            .comparing(Problem::line, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Problem::column, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The driver columns Podium reads, as a report lists them. */
    static final String DRIVER_COLUMNS = "DRIVER_1…DRIVER_" + FeedLimits.MAX_DRIVERS_PER_CAR
            + ", DRIVERn_FIRSTNAME/DRIVERn_SECONDNAME, DRIVER_FIRSTNAME/DRIVER_SECONDNAME, or DRIVER in the results-by-class layout";

    /** Which Al Kamel layout a header belongs to, or null when it is none of them. */
    static FeedFormat layoutOf(CsvHeader h) {
        if (h.has("CLASS_TYPE") && h.has("PIC")) return FeedFormat.ALKAMEL_RESULTS_BY_CLASS;
        if (hasNameBlocks(h)) return h.has("STATUS") ? FeedFormat.ALKAMEL_RESULTS : FeedFormat.ALKAMEL_WIDE;
        if (h.has("DRIVER_1")) return FeedFormat.ALKAMEL_RACE;
        if (h.has("POSITION") && (h.has("STATUS") || h.has("TOTAL_TIME"))) return FeedFormat.ALKAMEL_RACE;
        return null;
    }

    /** Driver blocks of first and second names, numbered (DRIVER1_…) or the single unnumbered one (DRIVER_…). */
    private static boolean hasNameBlocks(CsvHeader h) {
        return h.has("DRIVER_FIRSTNAME") || h.has("DRIVER_SECONDNAME")
                || !h.numbered("DRIVER", "_FIRSTNAME").isEmpty() || !h.numbered("DRIVER", "_SECONDNAME").isEmpty();
    }

    /** Parses a decoded Al Kamel CSV (BOM already stripped). */
    public Classification parse(String text) throws FeedException {
        SemicolonRows rows = new SemicolonRows(text);
        boolean found;
        while ((found = rows.next()) && rows.blank()) {
            // blank lines before the header
        }
        if (!found) throw new FeedException(Problem.of("the file is empty"), "drop a complete Al Kamel CSV");
        CsvHeader header = CsvHeader.of(rows.fieldsCopy());
        boolean headerClosed = rows.endsWithSeparator();
        FeedFormat format = layoutOf(header);
        if (format == null) {
            throw new FeedException(new Problem(rows.line(), null, null, "not an Al Kamel classification header: " + header.describe()),
                    "expected an Al Kamel CSV whose first line names POSITION, NUMBER and drivers (" + DRIVER_COLUMNS + ")");
        }
        Columns columns = new Columns(header, format, rows.line());
        Problems problems = new Problems();
        columns.requireAll(problems);
        if (!problems.isEmpty()) {
            throw problems.exception("the header must name every required column of the "
                    + format.id() + " layout; check the file is a complete classification export");
        }

        List<Entry> entries = new ArrayList<>();
        int previousCount = -1;
        int dataRows = 0;
        while (rows.next()) {
            if (rows.blank()) continue;
            int line = rows.line();
            if (++dataRows > FeedLimits.MAX_ROWS) {
                throw new FeedException(new Problem(line, null, null, "more than " + FeedLimits.MAX_ROWS
                        + " rows, over the limit for one classification (a real one has fewer than 100 cars)"),
                        "check that this is one session's classification, not a lap chart or a concatenation of files");
            }
            if (headerClosed && !rows.endsWithSeparator() || !rows.terminated() && rows.count() < previousCount) {
                int fields = rows.count();
                problems.add(line, fields, header.nameAt(fields - 1),
                        () -> "the line stops after " + fields + " fields without the closing ';' the other lines have: it looks truncated");
                continue;
            }
            previousCount = rows.count();
            if (rows.count() > header.size() && !blankFrom(rows, header.size())) {
                // no quoting in these files: a ';' inside a value shifts every later column
                int fields = rows.count();
                problems.add(line, header.size() + 1, null, () -> "the line has " + fields
                        + " fields but the header names " + header.size() + ": a value may contain ';'");
                continue;
            }
            Row row = new Row(rows, header, line, problems);
            int previousPosition = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).position();
            Entry entry = columns.entry(row, previousPosition);
            if (!row.failed) entries.add(entry);
        }
        if (format == FeedFormat.ALKAMEL_RESULTS_BY_CLASS && problems.isEmpty()) entries = columns.overallOrder(entries, problems);
        if (!problems.isEmpty()) {
            problems.sort(BY_PLACE);
            throw problems.exception("fix the named lines or wait for a corrected publication");
        }
        // neither the wide layout nor results by class has a STATUS column
        boolean statusReported = format == FeedFormat.ALKAMEL_RACE || format == FeedFormat.ALKAMEL_RESULTS;
        return new Classification(format, entries, statusReported);
    }

    private static boolean blankFrom(SemicolonRows rows, int from) {
        for (int i = from; i < rows.count(); i++) if (!rows.field(i).isBlank()) return false;
        return true;
    }

    /** The column indices of one header, resolved once per file. */
    private static final class Columns {
        private final CsvHeader h;
        private final FeedFormat format;
        private final int headerLine;
        private final int position, number, team, car, tyres, carClass, cup, group, division, status, laps;
        private final int time, gapFirst, gapPrevious, flLap, flTime, flKph, lap, kph;
        private final int classType, pic, driver;
        private final NavigableMap<Integer, Integer> raceDrivers;
        // block number → column; the unnumbered DRIVER_FIRSTNAME… block is number 0
        private final NavigableMap<Integer, Integer> firstNames, secondNames, licences, countries;
        private final TreeMap<Integer, Integer> blocks = new TreeMap<>();
        // results by class: PIC by source line, checked once every row is read
        private final Map<Integer, Integer> pics = new HashMap<>();
        // wide layout: the line of the first car the session does not rank, if any
        private Integer firstUnranked;

        Columns(CsvHeader h, FeedFormat format, int headerLine) {
            this.h = h;
            this.format = format;
            this.headerLine = headerLine;
            position = h.indexOf("POSITION");
            number = h.indexOf("NUMBER");
            team = h.indexOf("TEAM");
            car = h.indexOf("VEHICLE");
            tyres = h.indexOf("TYRES");
            carClass = h.indexOf("CLASS");
            cup = h.indexOf("CUP");
            group = h.indexOf("GROUP");
            division = h.indexOf("DIVISION");
            status = h.indexOf("STATUS");
            laps = h.indexOf("LAPS");
            time = h.indexOf(format == FeedFormat.ALKAMEL_WIDE ? "TIME" : "TOTAL_TIME");
            gapFirst = h.indexOf("GAP_FIRST");
            gapPrevious = h.indexOf("GAP_PREVIOUS");
            flLap = h.indexOf("FL_LAPNUM");
            flTime = h.indexOf("FL_TIME");
            flKph = h.indexOf("FL_KPH");
            lap = h.indexOf("LAP");
            kph = h.indexOf("KPH");
            classType = h.indexOf("CLASS_TYPE");
            pic = h.indexOf("PIC");
            driver = format == FeedFormat.ALKAMEL_RESULTS_BY_CLASS ? h.indexOf("DRIVER") : -1;
            raceDrivers = h.numbered("DRIVER_", "");
            firstNames = block(h, "_FIRSTNAME");
            secondNames = block(h, "_SECONDNAME");
            licences = block(h, "_LICENSE");
            countries = block(h, "_COUNTRY");
            // a block counts when it has a name column, whichever of the two it has
            for (int n : firstNames.keySet()) blocks.put(n, firstNames.get(n));
            for (int n : secondNames.keySet()) blocks.putIfAbsent(n, secondNames.get(n));
        }

        /** DRIVERn_&lt;suffix&gt; columns by n, with the unnumbered DRIVER_&lt;suffix&gt; as block 0. */
        private static NavigableMap<Integer, Integer> block(CsvHeader h, String suffix) {
            TreeMap<Integer, Integer> found = h.numbered("DRIVER", suffix);
            int unnumbered = h.indexOf("DRIVER" + suffix);
            if (unnumbered >= 0) found.put(0, unnumbered);
            return found;
        }

        private boolean promisesDrivers() {
            return !raceDrivers.isEmpty() || !blocks.isEmpty() || driver >= 0;
        }

        /** The header's driver columns, for a report on a row without drivers. */
        private String driverColumnNames() {
            List<Integer> columns = new ArrayList<>(raceDrivers.values());
            for (int n : blocks.keySet()) {
                if (firstNames.containsKey(n)) columns.add(firstNames.get(n));
                if (secondNames.containsKey(n)) columns.add(secondNames.get(n));
            }
            if (driver >= 0) columns.add(driver);
            List<String> names = new ArrayList<>(columns.size());
            for (int c : columns) names.add(h.nameAt(c));
            return String.join(", ", names);
        }

        void requireAll(Problems problems) {
            require(problems, position, "POSITION (or POS)");
            require(problems, number, "NUMBER");
            if (format == FeedFormat.ALKAMEL_WIDE) {
                require(problems, time, "TIME");
            } else if (format == FeedFormat.ALKAMEL_RESULTS_BY_CLASS) {
                require(problems, classType, "CLASS_TYPE");
                require(problems, pic, "PIC");
                require(problems, driver, "DRIVER");
                require(problems, laps, "LAPS");
            } else {
                require(problems, status, "STATUS");
                require(problems, laps, "LAPS");
            }
            if (!promisesDrivers() && format != FeedFormat.ALKAMEL_RESULTS_BY_CLASS) {
                // read without drivers, every car would be stored nameless and its drivers would score nothing
                List<String> lookAlike = new ArrayList<>();
                for (int i = 0; i < h.size(); i++) if (h.nameAt(i).startsWith("DRIVER")) lookAlike.add(h.nameAt(i));
                String field = lookAlike.isEmpty() ? "DRIVER_1" : lookAlike.get(0);
                problems.add(new Problem(headerLine, lookAlike.isEmpty() ? null : h.indexOf(field) + 1, field,
                        "the header names no driver column Podium reads (" + DRIVER_COLUMNS + ")"
                                + (lookAlike.isEmpty() ? "" : "; its columns " + String.join(", ", lookAlike) + " are none of them")));
            }
            driversWithin(problems, raceDrivers, "DRIVER_%d");
            driversWithin(problems, firstNames, "DRIVER%d_FIRSTNAME");
            driversWithin(problems, secondNames, "DRIVER%d_SECONDNAME");
        }

        /** Numbered driver columns beyond the most any layout has are not a classification. */
        private void driversWithin(Problems problems, NavigableMap<Integer, Integer> numbered, String pattern) {
            if (numbered.isEmpty()) return;
            int highest = numbered.lastKey();
            if (highest > FeedLimits.MAX_DRIVERS_PER_CAR) {
                String name = String.format(pattern, highest);
                problems.add(new Problem(headerLine, numbered.get(highest) + 1, name, "the header names " + name
                        + ": Al Kamel layouts have room for " + FeedLimits.MAX_DRIVERS_PER_CAR + " drivers per car at most"));
            }
        }

        private void require(Problems problems, int index, String name) {
            if (index < 0) {
                problems.add(new Problem(headerLine, null, name, "required column " + name + " is missing from the header ("
                        + h.describe() + ")"));
            }
        }

        Entry entry(Row r, int previousPosition) {
            if (format == FeedFormat.ALKAMEL_RESULTS_BY_CLASS) return byClassEntry(r);
            EntryStatus st = EntryStatus.CLASSIFIED;
            if (format != FeedFormat.ALKAMEL_WIDE) st = r.status(status);
            int pos;
            if (r.text(position) == null && st == EntryStatus.DID_NOT_START) {
                // a car that never started may have no POSITION; it keeps its place in the file, at
                // the bottom, so that positions still run 1, 2, 3…; its status scores nothing
                pos = previousPosition + 1;
            } else if (r.text(position) == null && format == FeedFormat.ALKAMEL_WIDE) {
                // SRO America's session files leave POS empty for a car the session does not rank (no
                // lap timed, or its times not counted), listed after the ranked cars: it keeps its
                // place in the file and is not classified (docs/formats.md, "POS left empty")
                pos = previousPosition + 1;
                st = EntryStatus.NOT_CLASSIFIED;
                if (firstUnranked == null) firstUnranked = r.line;
            } else if (r.text(position) == null) {
                r.fail(position, "empty; a whole number is required (only a car that did not start, STATUS Not started or DNS, may have none)");
                pos = 0;
            } else {
                pos = r.integer(position, true);
                if (firstUnranked != null) {
                    int unranked = firstUnranked;
                    r.fail(position, () -> "a ranked car after the unranked car of line " + unranked
                            + ": cars without a POS come last");
                }
            }
            String num = r.text(number);
            if (num == null) r.fail(number, "the car number is empty");
            Long total = r.time(time);
            BestLap best;
            if (flTime >= 0) {
                best = r.bestLap(flTime, r.optInteger(flLap), r.decimal(flKph));
            } else if (format == FeedFormat.ALKAMEL_WIDE) {
                Integer lapNumber = r.optInteger(lap);
                best = r.bestLap(time, lapNumber != null && lapNumber == 0 ? null : lapNumber, r.decimal(kph));
            } else {
                best = null;
            }
            String printedClass = r.text(carClass);
            // SRO America's CLASS column holds the cup (docs/formats.md, "Layouts and their drivers")
            String entryClass = format == FeedFormat.ALKAMEL_RESULTS ? null : printedClass;
            String entryCup = format == FeedFormat.ALKAMEL_RESULTS ? Cups.normalize(printedClass) : Cups.normalize(r.text(cup));
            Integer lapCount = r.optInteger(laps);
            Gap first = r.gap(gapFirst);
            Gap previous = r.gap(gapPrevious);
            List<Driver> drivers = drivers(r);
            if (r.failed) return null;
            return new Entry(pos, null, num, r.text(team), drivers, r.text(car), entryClass, entryCup,
                    r.text(group), r.text(division), r.text(tyres), st, lapCount == null ? 0 : lapCount, total,
                    first, previous, best, r.line);
        }

        /**
         * A results-by-class row: CLASS_TYPE holds what the Results file of the same session writes
         * in CLASS, the cup, so both files give the same entry; no status, so every car is
         * CLASSIFIED and the series' distance rule decides.
         */
        private Entry byClassEntry(Row r) {
            int pos = r.integer(position, true);
            pics.put(r.line, r.integer(pic, true));
            String num = r.text(number);
            if (num == null) r.fail(number, "the car number is empty");
            Long total = r.time(time);
            BestLap best = flTime >= 0 ? r.bestLap(flTime, r.optInteger(flLap), r.decimal(flKph)) : null;
            Integer lapCount = r.optInteger(laps);
            Gap first = r.gap(gapFirst);
            Gap previous = r.gap(gapPrevious);
            List<Driver> drivers = drivers(r);
            if (r.failed) return null;
            return new Entry(pos, null, num, r.text(team), drivers, r.text(car), null, Cups.normalize(r.text(classType)),
                    r.text(group), r.text(division), r.text(tyres), EntryStatus.CLASSIFIED, lapCount == null ? 0 : lapCount,
                    total, first, previous, best, r.line);
        }

        /**
         * Results by class lists each class in turn: the cars go back into POS order, and each PIC
         * must be the car's place among its class in that order, or the file contradicts itself.
         */
        List<Entry> overallOrder(List<Entry> entries, Problems problems) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingInt(Entry::position));
            Map<String, Integer> counts = new HashMap<>();
            for (Entry e : sorted) {
                int expected = counts.merge(e.cup() == null ? "" : e.cup(), 1, Integer::sum);
                int printed = pics.getOrDefault(e.sourceLine(), expected);
                if (printed != expected) {
                    problems.add(new Problem(e.sourceLine(), pic + 1, h.nameAt(pic), "PIC " + printed + " but car \"" + e.number()
                            + "\" is " + ordinal(expected) + " of class " + (e.cup() == null ? "(none)" : e.cup()) + " in POS order"));
                }
            }
            return sorted;
        }

        private static String ordinal(int n) {
            int t = n % 100;
            String suffix = t >= 11 && t <= 13 ? "th" : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
            return n + suffix;
        }

        /** Every driver the row names; none at all is a problem when the header promises drivers. */
        private List<Driver> drivers(Row r) {
            List<Driver> drivers = new ArrayList<>(4);
            for (int column : raceDrivers.values()) {
                Driver d = DriverNames.parse(r.raw(column));
                if (d != null) drivers.add(d);
            }
            for (Map.Entry<Integer, Integer> e : blocks.entrySet()) {
                Integer firstColumn = firstNames.get(e.getKey());
                Integer secondColumn = secondNames.get(e.getKey());
                String first = firstColumn == null ? null : r.text(firstColumn);
                String second = secondColumn == null ? null : r.text(secondColumn);
                if (first == null && second == null) continue;
                Integer licence = licences.get(e.getKey());
                Integer country = countries.get(e.getKey());
                String nationality = country == null ? null : r.text(country);
                DriverCategory category = licence == null ? null : DriverCategory.fromLicence(r.text(licence));
                Driver named = second == null ? DriverNames.parse(first) : new Driver(first, second, null, null);
                drivers.add(new Driver(named.firstName(), named.lastName(), nationality, category));
            }
            if (driver >= 0) {
                String name = r.text(driver);
                if (name != null && (name.indexOf('/') >= 0 || name.indexOf(',') >= 0 || name.indexOf('&') >= 0)) {
                    // one name per cell is all that has been seen; a split guessed here could name the wrong people
                    r.fail(driver, () -> "\"" + name + "\" looks like several drivers; the results-by-class layout names one driver per car");
                    return drivers;
                } else {
                    Driver d = DriverNames.parse(name);
                    if (d != null) drivers.add(d);
                }
            }
            if (drivers.isEmpty()) {
                int column = !raceDrivers.isEmpty() ? raceDrivers.firstEntry().getValue()
                        : !blocks.isEmpty() ? blocks.firstEntry().getValue() : driver;
                r.fail(column, () -> "no driver named in " + driverColumnNames()
                        + ": every car needs at least one driver (its drivers' points depend on it)");
            }
            return drivers;
        }
    }

    /** One data line being read; the first bad field marks it failed, every bad field is reported. */
    private static final class Row {
        private final SemicolonRows rows;
        private final CsvHeader header;
        private final int line;
        private final Problems problems;
        private boolean failed;

        Row(SemicolonRows rows, CsvHeader header, int line, Problems problems) {
            this.rows = rows;
            this.header = header;
            this.line = line;
            this.problems = problems;
        }

        void fail(int column, String message) {
            failed = true;
            problems.add(new Problem(line, column + 1, header.nameAt(column), message));
        }

        void fail(int column, java.util.function.Supplier<String> message) {
            failed = true;
            problems.add(line, column + 1, header.nameAt(column), message);
        }

        String raw(int column) { return column < 0 ? "" : rows.field(column); }

        String text(int column) { return rows.text(column); }

        int integer(int column, boolean required) {
            Integer v = optInteger(column);
            if (v == null && required && text(column) == null) fail(column, "empty; a whole number is required");
            return v == null ? 0 : v;
        }

        Integer optInteger(int column) {
            String s = text(column);
            if (s == null) return null;
            int n = s.length();
            int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
            if (i == n || n - i > 9) {
                fail(column, () -> "\"" + s + "\" is not a whole number");
                return null;
            }
            int v = 0;
            for (int k = i; k < n; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    fail(column, () -> "\"" + s + "\" is not a whole number");
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            return s.charAt(0) == '-' ? -v : v;
        }

        Double decimal(int column) {
            String s = text(column);
            if (s == null) return null;
            try {
                double d = Double.parseDouble(s);
                if (Double.isFinite(d) && isPlainDecimal(s)) return d;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            fail(column, () -> "\"" + s + "\" is not a decimal number");
            return null;
        }

        Long time(int column) {
            String s = text(column);
            if (s == null) return null;
            try {
                return Timing.millis(s);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }

        Gap gap(int column) {
            try {
                return Timing.gap(raw(column));
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }

        BestLap bestLap(int timeColumn, Integer lap, Double kph) {
            Long ms = time(timeColumn);
            if (ms == null) return null;
            if (ms < 0) {
                fail(timeColumn, () -> "negative lap time \"" + text(timeColumn) + "\"");
                return null;
            }
            return new BestLap(lap, ms, kph);
        }

        EntryStatus status(int column) {
            String s = text(column);
            EntryStatus st = StatusWords.of(s);
            if (st == null) {
                fail(column, () -> s == null ? "empty; the car's status is required (" + StatusWords.ACCEPTED + ")"
                        : "unknown status \"" + s + "\"; expected " + StatusWords.ACCEPTED);
                return EntryStatus.CLASSIFIED;
            }
            return st;
        }

        private static boolean isPlainDecimal(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9' || c == '.' || (i == 0 && (c == '-' || c == '+')))) return false;
            }
            return true;
        }
    }
}
