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
    private int pos;
    private int line;
    private String[] fields = new String[32];
    private int count;
    private boolean endsWithSeparator;
    private boolean terminated;

    SemicolonRows(String text) {
        this.text = text;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() throws FeedException {
        int n = text.length();
        if (pos >= n) return false;
        int nl = text.indexOf('\n', pos);
        terminated = nl >= 0;
        int end = terminated ? nl : n;
        int contentEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
        line++;
        if (contentEnd - pos > FeedLimits.MAX_LINE_CHARS) throw lineTooLong(line, contentEnd - pos);
        count = 0;
        int start = pos;
        while (true) {
            int sep = text.indexOf(';', start);
            if (sep < 0 || sep >= contentEnd) {
                endsWithSeparator = start == contentEnd && count > 0;
                if (!endsWithSeparator) add(text.substring(start, contentEnd));
                break;
            }
            add(text.substring(start, sep));
            start = sep + 1;
        }
        pos = terminated ? nl + 1 : n;
        return true;
    }

    static FeedException lineTooLong(int line, int length) {
        return new FeedException(new Problem(line, null, null, "the line is " + length + " characters long, over the limit of "
                + FeedLimits.MAX_LINE_CHARS + " (the longest real Al Kamel line has about 1 500)"), HINT);
    }

    private void add(String field) throws FeedException {
        if (count == fields.length) {
            // checked only when the array grows, so that ordinary lines pay nothing for it
            if (count >= FeedLimits.MAX_COLUMNS) {
                throw new FeedException(new Problem(line, count + 1, null, "the line has more than " + FeedLimits.MAX_COLUMNS
                        + " fields, over the limit (the widest Al Kamel layout has 91 columns)"), HINT);
            }
            fields = Arrays.copyOf(fields, Math.min(count * 2, FeedLimits.MAX_COLUMNS));
        }
        fields[count++] = field;
    }

    /** The 1-based line number of the current line. */
    int line() { return line; }

    /** Fields on the current line, not counting the empty one after a closing {@code ;}. */
    int count() { return count; }

    /** The field at a 0-based index, "" beyond the end of a short line. */
    String field(int index) { return index < count ? fields[index] : ""; }

    boolean endsWithSeparator() { return endsWithSeparator; }

    /** Whether the line ended with a line break (false only for a last line without one). */
    boolean terminated() { return terminated; }

    /** Whether every field of the current line is empty or blank. */
    boolean blank() {
        for (int i = 0; i < count; i++) if (!fields[i].isBlank()) return false;
        return true;
    }

    /** The whole current line's fields, for the header. */
    String[] fieldsCopy() { return Arrays.copyOf(fields, count); }
}
