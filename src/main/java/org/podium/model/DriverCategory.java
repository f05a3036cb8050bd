package org.podium.model;

/** FIA driver categorisation, as Al Kamel's DRIVERn_LICENSE letter (P, G, S, B). */
public enum DriverCategory {
    PLATINUM, GOLD, SILVER, BRONZE;

    /** The category for a licence letter or word, or null when the feed gives none we know. */
    public static DriverCategory fromLicence(String s) {
        if (s == null) return null;
        return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "P", "PLATINUM" -> PLATINUM;
            case "G", "GOLD" -> GOLD;
            case "S", "SILVER" -> SILVER;
            case "B", "BRONZE" -> BRONZE;
            default -> null;
        };
    }
}
