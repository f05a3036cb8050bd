package org.podium.feed;

/**
 * Bounds on what one feed file may hold, so that reading any file within the size limit stays quick
 * and small whatever it contains. Each is far above what a real file needs; a file over one is
 * rejected naming the line or field and the limit.
 */
public final class FeedLimits {
    private FeedLimits() {}

    /** Rows of one classification: a real one has fewer than 100 cars; thousands are a bomb or the wrong file. */
    public static final int MAX_ROWS = 2_000;

    /** Fields on one CSV line: the widest Al Kamel layout (wide session classification, six drivers) has 91. */
    public static final int MAX_COLUMNS = 300;

    /** Characters on one CSV line: the widest real line (wide layout, six drivers) is about 1 500. */
    public static final int MAX_LINE_CHARS = 16 * 1024;

    /** Drivers of one car: Al Kamel's wide layout has room for six, and no series runs more. */
    public static final int MAX_DRIVERS_PER_CAR = 6;

    /**
     * Elements (start tags) of an HTML page, counted before the page is parsed: an SRO results page
     * holds a few thousand, and a parsed element costs a few hundred bytes.
     */
    public static final int MAX_HTML_ELEMENTS = 50_000;

    /** Tables inside tables: a results page nests at most a layout table or two around its results. */
    public static final int MAX_TABLE_NESTING = 8;

    /**
     * Problems listed in one report; those beyond are counted, not built, so that a file wrong on
     * every line costs no more to report than one wrong on a hundred.
     */
    public static final int MAX_PROBLEMS_LISTED = 100;

    /** Characters of an event, session or kind name: the store keys sessions by name, in at most 300 characters. */
    public static final int MAX_NAME_CHARS = 100;

    /** Characters of a series or season id: each names an outbox folder, and the store keeps a season in 32. */
    public static final int MAX_ID_CHARS = 32;
}
