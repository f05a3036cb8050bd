package org.podium.championship;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of names for identity (case, accents, punctuation) and slugs for table ids. {@link #fold}
 * is also the first step of matching teams across series.
 */
public final class Names {
    private Names() {}

    /**
     * "Grégoire SAUCY", "Gregoire Saucy" and "GREGOIRE  SAUCY" fold alike: feeds spell the same person
     * with and without accents and in either case.
     */
    public static String fold(String s) {
        if (s == null) return "";
        // Every table of every season folds the same few hundred names again: each is folded once.
        String known = FOLDED.get(s);
        if (known != null) return known;
        String folded = foldNow(s);
        if (FOLDED.size() >= FOLDED_MAX) FOLDED.clear();
        FOLDED.put(s, folded);
        return folded;
    }

    private static final int FOLDED_MAX = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String foldNow(String s) {
        if (ascii(s)) return collapse(s.toLowerCase(Locale.ROOT));
        String lower = s.toLowerCase(Locale.ROOT)
                // letters that canonical decomposition leaves whole
                .replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
                .replace("đ", "d").replace("ł", "l").replace("ı", "i").replace("þ", "th");
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return collapse(bare);
    }

    // Folding runs for every entry of every table: the patterns are compiled once, and plain ASCII
    // names (most of them) skip the Unicode steps, which change nothing in them.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** Every run of characters other than ASCII letters and digits becomes one space; none at the ends. */
    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                if (gap && b.length() > 0) b.append(' ');
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** Table id part: lower-case, every run of non-alphanumerics becomes one {@code -}. */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
