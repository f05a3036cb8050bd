package org.podium.combined;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How scores, shares and points are written for people and in documents. */
public final class Scores {
    private Scores() {}

    /** Rounded half-up to {@code decimals}, trailing zeros kept: 1.5 → "1.500". */
    public static String format(double value, int decimals) {
        return round(value, decimals).toPlainString();
    }

    public static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Points as a series publishes them: 146, 105.5. */
    public static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@link #points} as a number: 146, 105.5. */
    public static BigDecimal printedPoints(double value) {
        return new BigDecimal(points(value));
    }

    private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth"};

    /** "second", "third", … "tenth", then "11th". */
    public static String ordinal(int n) {
        if (n > 0 && n < ORDINALS.length) return ORDINALS[n];
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }
}
