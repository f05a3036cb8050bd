package org.podium.feed;

import java.util.Objects;

/**
 * One thing wrong with a feed file.
 *
 * @param line    1-based line of the file (the CSV line, the HTML line of the table row), null where
 *                the problem is not tied to a line
 * @param column  1-based field index within the line, null where not known
 * @param field   the column or field concerned as the file names it (NUMBER, TOTAL_TIME, Pos,
 *                entries[2].laps, series…), null where none
 * @param message what is wrong, in words a person fixing the file understands
 */
public record Problem(Integer line, Integer column, String field, String message) {
    public Problem {
        Objects.requireNonNull(message, "message");
        if (line != null && line < 1) throw new IllegalArgumentException("line must be 1 or more");
        if (column != null && column < 1) throw new IllegalArgumentException("column must be 1 or more");
    }

    public static Problem of(String message) { return new Problem(null, null, null, message); }

    public static Problem field(String field, String message) { return new Problem(null, null, field, message); }

    public static Problem at(Integer line, String field, String message) { return new Problem(line, null, field, message); }

    /** e.g. {@code line 7, field NUMBER: car "22" appears twice (also line 3)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (line != null) sb.append("line ").append(line);
        if (column != null) sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
        if (field != null) sb.append(sb.length() > 0 ? ", " : "").append("field ").append(field);
        return sb.length() == 0 ? message : sb.append(": ").append(message).toString();
    }
}
