package org.podium.outbox;

/**
 * Text from a feed made fit for the report. Team and driver names come from files anyone can drop into
 * the inbox: the report's templates escape every one of them (HTML content type); here control
 * characters are replaced, and in table cells, which people copy into spreadsheets, a text that a
 * spreadsheet would take for a formula is neutralised.
 */
public final class Html {
    private Html() {}

    /**
     * Text as the page is to show it, before escaping: control characters, parse errors in HTML that a
     * browser would show as U+FFFD anyway, become U+FFFD.
     */
    public static String plain(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            if (control && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) out.append(control ? '\uFFFD' : c);
        }
        return out == null ? s : out.toString();
    }

    /**
     * A text a spreadsheet would evaluate when pasted ({@code =}, {@code +}, {@code -}, {@code @}, tab or
     * carriage return first) gets a leading apostrophe, which spreadsheets read as "this is text"
     * (OWASP, CSV Injection).
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) return s == null ? "" : s;
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + s : s;
    }
}
