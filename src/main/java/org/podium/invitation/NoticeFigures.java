package org.podium.invitation;

import org.podium.combined.CombinedRule;
import org.podium.combined.Scores;

import java.math.BigDecimal;

/**
 * The figures of a notice as printed: points as the series publishes them (146, 105.5), a combined
 * score to the classification's decimals. Every difference a notice gives (a margin, how far behind,
 * how much a figure moved) is the difference of the two figures as printed, so that a reader who
 * subtracts them finds the same.
 */
public final class NoticeFigures {
    private NoticeFigures() {}

    /** The figure as printed. */
    public static BigDecimal printed(Invitation inv, Measure measure, double v) {
        return measure == Measure.POINTS ? Scores.printedPoints(v) : Scores.round(v, decimals(inv));
    }

    /** {@code a - b}, both as printed. */
    public static BigDecimal difference(Invitation inv, Measure measure, double a, double b) {
        return normalised(inv, measure, printed(inv, measure, a).subtract(printed(inv, measure, b)));
    }

    /** Points without trailing zeros (18, not 18.0), a score to its decimals. */
    private static BigDecimal normalised(Invitation inv, Measure measure, BigDecimal v) {
        if (measure == Measure.SCORE) return v.setScale(decimals(inv), java.math.RoundingMode.HALF_UP);
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The recipient's lead over the runner-up as printed; null where there is no runner-up. */
    public static BigDecimal margin(Invitation inv, Basis b) {
        if (b.value() == null || b.runnerUp() == null) return null;
        return difference(inv, b.measure(), b.value(), b.runnerUp().value());
    }

    /** "146", "105.5", "1.541". */
    public static String text(Invitation inv, Measure measure, double v) {
        return text(inv, measure, printed(inv, measure, v));
    }

    /** A printed figure or difference as text: points without trailing zeros, a score to its decimals. */
    public static String text(Invitation inv, Measure measure, BigDecimal v) {
        if (measure == Measure.POINTS) {
            BigDecimal s = v.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        return v.setScale(decimals(inv), java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A change with its sign: "+19", "-0.077", "0". */
    public static String signed(Invitation inv, Measure measure, BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + text(inv, measure, v);
    }

    /** "140 points", "1 point", "a score of 1.541". */
    public static String amount(Invitation inv, Measure measure, double v) {
        if (measure == Measure.SCORE) return "a score of " + text(inv, measure, v);
        BigDecimal p = printed(inv, measure, v);
        return text(inv, measure, p) + (p.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
    }

    /** The decimals a combined score is printed to; 3 for points (which print as published). */
    public static int decimals(Invitation inv) {
        if (inv.classification() instanceof CombinedTeamsClassification c) {
            CombinedRule rule = c.rule();
            return rule.decimals();
        }
        return 3;
    }

    /** "1st", "2nd", "3rd", "11th". */
    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }
}
