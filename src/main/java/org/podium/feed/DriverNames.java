package org.podium.feed;

import java.util.ArrayList;
import java.util.List;

import org.podium.model.Driver;

/**
 * Splits a driver written {@code Given FAMILY}: the family name is the trailing run of words written
 * fully in upper case, so both parts may hold several words ({@code Horst Felix FELBERMAYR},
 * {@code David HEINEMEIER HANSSON}, {@code Job VAN UITERT}). Al Kamel leaves a leading space where
 * the given name is missing ({@code " BANKCY"}). Any Unicode space separates words, so a name ending
 * in a no-break space reads as the same name without it.
 */
public final class DriverNames {
    private DriverNames() {}

    /** The driver a name denotes, or null for an empty name. */
    public static Driver parse(String raw) {
        if (raw == null) return null;
        List<String> words = words(raw);
        if (words.isEmpty()) return null;
        int family = words.size();
        while (family > 0 && upperCase(words.get(family - 1))) family--;
        if (family == words.size()) {
            // no upper-case word: not the Given FAMILY convention, take the last word as the family name
            family = words.size() - 1;
        } else if (family == 0 && words.size() > 1 && !Spaces.isSpace(raw.charAt(0))) {
            // all upper case ("PJ HYETT"): without Al Kamel's leading space the first word is a given name
            family = 1;
        }
        return new Driver(String.join(" ", words.subList(0, family)), String.join(" ", words.subList(family, words.size())), null, null);
    }

    /**
     * Whether a word counts as upper case: no lower-case letter in it. Words without letters (a
     * hyphen, a number) go with the family name they stand in.
     */
    static boolean upperCase(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>(4);
        int n = raw.length();
        int i = 0;
        while (i < n) {
            while (i < n && Spaces.isSpace(raw.charAt(i))) i++;
            int start = i;
            while (i < n && !Spaces.isSpace(raw.charAt(i))) i++;
            if (i > start) words.add(raw.substring(start, i));
        }
        return words;
    }
}
