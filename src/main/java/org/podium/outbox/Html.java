package org.podium.outbox;

/**
 * Text from a feed made safe for the report. Team and driver names come from files anyone can drop into
 * the inbox, so every one of them is escaped; in table cells, which people copy into spreadsheets, a
 * text that a spreadsheet would take for a formula is also neutralised.
 */
public final class Html {
    private Html() {}

    /** Escapes text for an HTML text node or a quoted attribute value. */
    public static String text(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are parse errors in HTML; a browser would show them as U+FFFD anyway.
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

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

    /** A feed text for a table cell: neutralised, then escaped. */
    public static String cell(String s) {
        return text(neutralise(s));
    }
}
