package org.podium.championship;

import java.text.Normalizer;
import java.util.Locale;

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
        String lower = s.toLowerCase(Locale.ROOT)
                // letters that canonical decomposition leaves whole
                .replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss")
                .replace("đ", "d").replace("ł", "l").replace("ı", "i").replace("þ", "th");
        String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.replaceAll("[^\\p{Alnum}]+", " ").strip();
    }

    /** Table id part: lower-case, every run of non-alphanumerics becomes one {@code -}. */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
