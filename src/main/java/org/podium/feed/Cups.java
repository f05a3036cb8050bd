package org.podium.feed;

import java.util.Locale;

/**
 * SRO cup names as the sites print them, in one spelling: Europe writes {@code Pro Cup},
 * {@code Gold Cup}, {@code Bronze Cup}, Asia {@code Pro-Am}, {@code Silver}, {@code Am}.
 */
public final class Cups {
    private Cups() {}

    /** The cup's short name (Pro, Gold, Silver, Bronze, Pro-Am, Am, or as printed less "Cup"), null when empty. */
    public static String normalize(String printed) {
        if (printed == null || printed.isBlank()) return null;
        String s = Spaces.collapse(printed.strip());
        if (s.regionMatches(true, s.length() - 4, " cup", 0, 4)) s = s.substring(0, s.length() - 4).strip();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "pro" -> "Pro";
            case "gold" -> "Gold";
            case "silver" -> "Silver";
            case "bronze" -> "Bronze";
            case "pro-am", "pro am", "proam", "pro/am" -> "Pro-Am";
            case "am" -> "Am";
            default -> s.isEmpty() ? null : s;
        };
    }
}
