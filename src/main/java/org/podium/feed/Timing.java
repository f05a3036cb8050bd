package org.podium.feed;

import org.podium.model.Gap;

/**
 * Times and gaps as the feeds write them, parsed by a plain scan (they are read for every row).
 * <ul>
 *   <li>Al Kamel race files: an apostrophe before the seconds, {@code H:MM'SS.mmm}, {@code MM'SS.mmm},
 *       {@code M'SS.mmm}; hours reach 24 and beyond in 24-hour races.</li>
 *   <li>Al Kamel wide files and SRO pages: colons, {@code M:SS.mmm}, {@code H:MM:SS.mmm}.</li>
 *   <li>Gaps: {@code S.mmm}, {@code M'SS.mmm}, {@code +0.356}, {@code N Laps} / {@code 1 Lap}, and
 *       negative lap gaps ({@code -94 Laps}) on NC and DSQ rows; empty or {@code -} for the leader.</li>
 * </ul>
 */
public final class Timing {
    private static final String TIME_FORMS = "expected a time such as 4:00'01.773, 21'19.554, 1'50.468, 3:26.540, 3:01:32.386 or 8.569";

    private Timing() {}

    /**
     * A time in milliseconds; a leading {@code -} gives a negative time (validation rejects those
     * where a time cannot be negative), a leading {@code +} is ignored.
     *
     * @throws IllegalArgumentException when the text is not a time
     */
    public static long millis(String text) {
        String s = text.strip();
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long[] groups = new long[3];
        char[] separators = new char[2];
        int count = 0;
        long fraction = 0;
        while (true) {
            int start = i;
            long value = 0;
            while (i < n && isDigit(s.charAt(i)) && i - start < 9) value = value * 10 + (s.charAt(i++) - '0');
            if (i == start || (i < n && isDigit(s.charAt(i)))) throw notATime(text);
            if (count > 0 && i - start > 2) throw notATime(text);
            if (count == 3) throw notATime(text);
            groups[count++] = value;
            if (i == n) break;
            char c = s.charAt(i++);
            if (c == '.') {
                int fstart = i;
                while (i < n && isDigit(s.charAt(i))) {
                    // milliseconds: digits beyond the third are dropped
                    if (i - fstart < 3) fraction = fraction * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int digits = i - fstart;
                if (digits == 0 || digits > 6 || i != n) throw notATime(text);
                for (int d = digits; d < 3; d++) fraction *= 10;
                break;
            }
            if ((c != ':' && c != '\'') || count == 3) throw notATime(text);
            if (count - 1 >= separators.length) throw notATime(text);
            separators[count - 1] = c;
        }
        long hours = 0;
        long minutes = 0;
        long seconds;
        switch (count) {
            case 1 -> seconds = groups[0];
            case 2 -> {
                minutes = groups[0];
                seconds = groups[1];
            }
            default -> {
                // H:MM'SS or H:MM:SS; an apostrophe only ever stands before the seconds
                if (separators[0] != ':') throw notATime(text);
                hours = groups[0];
                minutes = groups[1];
                seconds = groups[2];
                if (minutes >= 60) throw notATime(text);
            }
        }
        if (count > 1 && seconds >= 60) throw notATime(text);
        long ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
        return negative ? -ms : ms;
    }

    /**
     * A gap: a time or a number of laps, null for the leader (empty or {@code -}).
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static Gap gap(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.equals("-")) return null;
        int end = s.length();
        if (endsWithIgnoreCase(s, "laps")) end -= 4;
        else if (endsWithIgnoreCase(s, "lap")) end -= 3;
        if (end < s.length()) {
            String number = s.substring(0, end).strip();
            if (number.startsWith("+")) number = number.substring(1);
            try {
                return Gap.laps(Integer.parseInt(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a gap: \"" + text + "\": expected a number of laps such as 1 Lap, 13 Laps or -94 Laps");
            }
        }
        try {
            return Gap.time(millis(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a gap: \"" + text + "\": expected a time (8.569, 1'14.288, +0.356) or laps (1 Lap, 13 Laps)");
        }
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static IllegalArgumentException notATime(String text) {
        return new IllegalArgumentException("not a time: \"" + text + "\": " + TIME_FORMS);
    }
}
