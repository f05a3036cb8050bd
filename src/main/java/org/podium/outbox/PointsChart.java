package org.podium.outbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A points-progression chart as inline SVG: one line per entrant, its season total after each round.
 * Geometry: a 640 × 262 view box; the plot spans x 48…624 and y 16…216, rounds evenly spaced in
 * calendar order (rounds still to run keep their place, so a season in progress shows how much is left),
 * points from 0 up to a round number of gridlines. No scripts, no fonts, nothing fetched: the SVG is
 * part of the page.
 */
public final class PointsChart {
    private PointsChart() {}

    public static final int WIDTH = 640;
    public static final int HEIGHT = 262;
    static final int LEFT = 48;
    static final int RIGHT = WIDTH - 16;
    static final int TOP = 16;
    static final int BOTTOM = HEIGHT - 46;

    /** Okabe–Ito colours: told apart by colour-blind readers too. */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000");

    public record Point(int round, double points) {}

    /** @param label shown as the line's tooltip and in the legend; feed text, escaped here */
    public record Line(String label, List<Point> points) {
        public Line {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    /**
     * @param rounds the season's calendar rounds, in order; a point on a round not listed is left out
     * @param lines  at most {@link #PALETTE}'s size; line {@code i} is drawn in {@code PALETTE.get(i)}
     */
    public static String svg(String title, List<Integer> rounds, List<Line> lines) {
        if (lines.size() > PALETTE.size()) throw new IllegalArgumentException("at most " + PALETTE.size() + " lines");
        double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::points).max().orElse(0);
        double step = step(max);
        double yMax = Math.max(step, Math.ceil(max / step) * step);

        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(title)).append("\">");
        s.append("<title>").append(Html.text(title)).append("</title>");
        for (double v = 0; v <= yMax + step / 2; v += step) {
            String y = num(y(v, yMax));
            s.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            s.append("<text class=\"ylab\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(num(v)).append("</text>");
        }
        for (int i = 0; i < rounds.size(); i++) {
            s.append("<text class=\"xlab\" x=\"").append(num(x(i, rounds.size()))).append("\" y=\"").append(BOTTOM + 34)
                    .append("\" text-anchor=\"middle\">R").append(rounds.get(i)).append("</text>");
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String colour = PALETTE.get(i);
            String label = Html.text(line.label());
            s.append("<g class=\"line\">");
            s.append("<polyline fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"")
                    .append(points(line, rounds, yMax)).append("\"><title>").append(label).append("</title></polyline>");
            for (Point p : line.points()) {
                int at = rounds.indexOf(p.round());
                if (at < 0) continue;
                s.append("<circle cx=\"").append(num(x(at, rounds.size()))).append("\" cy=\"").append(num(y(p.points(), yMax)))
                        .append("\" r=\"3.5\" fill=\"").append(colour).append("\"><title>").append(label).append(": ")
                        .append(num(p.points())).append(" after round ").append(p.round()).append("</title></circle>");
            }
            s.append("</g>");
        }
        s.append("</svg>");
        return s.toString();
    }

    /** The polyline's points, "x,y x,y …", in the view box's coordinates. */
    static String points(Line line, List<Integer> rounds, double yMax) {
        StringBuilder s = new StringBuilder();
        for (Point p : line.points()) {
            int at = rounds.indexOf(p.round());
            if (at < 0) continue;
            if (!s.isEmpty()) s.append(' ');
            s.append(num(x(at, rounds.size()))).append(',').append(num(y(p.points(), yMax)));
        }
        return s.toString();
    }

    private static double x(int index, int count) {
        if (count <= 1) return (LEFT + RIGHT) / 2.0;
        return LEFT + index * (double) (RIGHT - LEFT) / (count - 1);
    }

    private static double y(double points, double yMax) {
        return BOTTOM - points / yMax * (BOTTOM - TOP);
    }

    /** A gridline step of 1, 2, 2.5 or 5 times a power of ten, giving four to eight gridlines. */
    static double step(double max) {
        double raw = Math.max(max, 1) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[]{1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= raw - 1e-9) return f * magnitude;
        }
        return 10 * magnitude;
    }

    /** A coordinate or a value to one decimal, without a trailing ".0". */
    static String num(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) return "0";
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
