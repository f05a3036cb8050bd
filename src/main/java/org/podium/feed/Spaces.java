package org.podium.feed;

/**
 * The spaces a feed may put around a name or a header token. Java's {@code strip()} and
 * {@link Character#isWhitespace} leave the no-break spaces (U+00A0, U+2007, U+202F) in place, and
 * real exports end names with U+00A0 (docs/formats.md, "Names and spaces"): every Unicode space
 * character counts here, so that such a name matches the same driver written without it.
 */
final class Spaces {
    private Spaces() {}

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The text without leading or trailing spaces of any kind; null stays null. */
    static String trim(String s) {
        if (s == null) return null;
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return a == 0 && b == s.length() ? s : s.substring(a, b);
    }

    /** As {@link #trim}, null when nothing is left. */
    static String trimToNull(String s) {
        String t = trim(s);
        return t == null || t.isEmpty() ? null : t;
    }

    /** Every run of spaces of any kind as one ordinary space, and none at either end. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
