package org.podium.feed;

import java.util.Arrays;

/**
 * Walks the lines of Al Kamel's semicolon-separated text one at a time, splitting each into fields
 * without regular expressions or per-line copies beyond the field strings. There is no quoting in
 * these files. Lines end with LF or CRLF; the {@code ;} that ends every Al Kamel line is not counted
 * as the start of another field, but is remembered ({@link #endsWithSeparator()}) so that a line cut
 * short can be told from a complete one. A line longer than {@link FeedLimits#MAX_LINE_CHARS} or with
 * more than {@link FeedLimits#MAX_COLUMNS} fields stops the walk with a {@link FeedException}.
 */
final class SemicolonRows {
    private static final String HINT = "this is not an Al Kamel classification export; check that it is the right file";

    private final String text;
    private final char[] chars;
    private int pos;
    private int line;
    // each field as offsets into the text: only the fields a parser reads become strings
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    private boolean endsWithSeparator;
    private boolean terminated;

    SemicolonRows(String text) {
        this.text = text;
        this.chars = text.toCharArray();
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() throws FeedException {
        char[] c = chars;
        int n = c.length;
        if (pos >= n) return false;
        int nl = text.indexOf('\n', pos);
        terminated = nl >= 0;
        int end = terminated ? nl : n;
        int contentEnd = end > pos && c[end - 1] == '\r' ? end - 1 : end;
        line++;
        if (contentEnd - pos > FeedLimits.MAX_LINE_CHARS) throw lineTooLong(line, contentEnd - pos);
        count = 0;
        int start = pos;
        for (int i = pos; i < contentEnd; i++) {
            if (c[i] == ';') {
                add(start, i);
                start = i + 1;
            }
        }
        endsWithSeparator = start == contentEnd && count > 0;
        if (!endsWithSeparator) add(start, contentEnd);
        pos = terminated ? nl + 1 : n;
        return true;
    }

    static FeedException lineTooLong(int line, int length) {
        return new FeedException(new Problem(line, null, null, "the line is " + length + " characters long, over the limit of "
                + FeedLimits.MAX_LINE_CHARS + " (the longest real Al Kamel line has about 1 500)"), HINT);
    }

    private void add(int start, int end) throws FeedException {
        if (count == starts.length) {
            // checked only when the arrays grow, so that ordinary lines pay nothing for it
            if (count >= FeedLimits.MAX_COLUMNS) {
                throw new FeedException(new Problem(line, count + 1, null, "the line has more than " + FeedLimits.MAX_COLUMNS
                        + " fields, over the limit (the widest Al Kamel layout has 91 columns)"), HINT);
            }
            int size = Math.min(count * 2, FeedLimits.MAX_COLUMNS);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        starts[count] = start;
        ends[count++] = end;
    }

    /** The 1-based line number of the current line. */
    int line() { return line; }

    /** Fields on the current line, not counting the empty one after a closing {@code ;}. */
    int count() { return count; }

    /** The field at a 0-based index, "" beyond the end of a short line. */
    String field(int index) { return index < count ? text.substring(starts[index], ends[index]) : ""; }

    /**
     * The field without surrounding spaces of any kind (no-break spaces too), or null when that
     * leaves nothing (or beyond the line's end).
     */
    String text(int index) {
        if (index < 0 || index >= count) return null;
        int a = starts[index];
        int b = ends[index];
        while (a < b && Spaces.isSpace(chars[a])) a++;
        while (b > a && Spaces.isSpace(chars[b - 1])) b--;
        return a == b ? null : text.substring(a, b);
    }

    boolean endsWithSeparator() { return endsWithSeparator; }

    /** Whether the line ended with a line break (false only for a last line without one). */
    boolean terminated() { return terminated; }

    /** Whether every field of the current line is empty or blank. */
    boolean blank() {
        for (int i = 0; i < count; i++) {
            for (int k = starts[i]; k < ends[i]; k++) if (!Spaces.isSpace(chars[k])) return false;
        }
        return true;
    }

    /** The whole current line's fields, for the header. */
    String[] fieldsCopy() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) out[i] = field(i);
        return out;
    }
}
