package org.podium.outbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A points-progression chart as inline SVG: one line per entrant, its season total after each round.
 * Geometry: a 640 × 276 view box; the plot spans x 48…624 and y 16…216, rounds evenly spaced in
 * calendar order (rounds still to run keep their place, so a season in progress shows how much is left),
 * points from 0 up to a round number of gridlines; each round's number and event under the plot. No
 * scripts, no fonts, nothing fetched: the SVG ({@code report/chart.jte}) is part of the page.
 */
public final class PointsChart {
    private PointsChart() {}

    public static final int WIDTH = 640;
    public static final int HEIGHT = 276;
    static final int LEFT = 48;
    static final int RIGHT = WIDTH - 16;
    static final int TOP = 16;
    static final int BOTTOM = HEIGHT - 60;

    /** Okabe–Ito colours: told apart by colour-blind readers too. */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000");

    public record Point(int round, double points) {}

    /** @param label shown as the line's tooltip and in the legend; feed text, escaped by the template */
    public record Line(String label, List<Point> points) {
        public Line {
            Objects.requireNonNull(label, "label");
            points = List.copyOf(points);
        }
    }

    /** The chart as its template ({@code report/chart.jte}) draws it: every coordinate computed here. */
    public record Chart(String title, int width, int height, int left, int right, List<Gridline> gridlines, List<Tick> ticks, List<Series> series) {}

    /** A horizontal gridline at {@code y} and its value. */
    public record Gridline(String y, int labelX, String label) {}

    /**
     * A round on the x axis: "R4" and, under it, its event (empty when unknown), centred on the round but
     * for the last, which ends at the view box's edge.
     */
    public record Tick(String x, int y, int eventY, String round, String event, String eventX, String eventAnchor) {}

    /** One entrant's line: its colour, legend text, polyline points and a dot per round scored. */
    public record Series(String colour, String label, String points, List<Dot> dots) {}

    public record Dot(String cx, String cy, String title) {}

    /**
     * @param rounds the season's calendar rounds, in order; a point on a round not listed is left out
     * @param lines  at most {@link #PALETTE}'s size; line {@code i} is drawn in {@code PALETTE.get(i)}
     */
    public static String svg(String title, List<Integer> rounds, List<Line> lines) {
        return Templates.render("report/chart.jte", chart(title, rounds, Map.of(), lines));
    }

    /**
     * The chart's geometry.
     *
     * @param events each round's event, shown under its number (shortened when many rounds share the axis)
     */
    public static Chart chart(String title, List<Integer> rounds, Map<Integer, String> events, List<Line> lines) {
        if (lines.size() > PALETTE.size()) throw new IllegalArgumentException("at most " + PALETTE.size() + " lines");
        double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::points).max().orElse(0);
        double step = step(max);
        double yMax = Math.max(step, Math.ceil(max / step) * step);

        List<Gridline> grid = new ArrayList<>();
        for (double v = 0; v <= yMax + step / 2; v += step) grid.add(new Gridline(num(y(v, yMax)), LEFT - 6, num(v)));
        // the wider the gap between rounds, the longer an event name may be
        int room = rounds.size() <= 1 ? 40 : (int) Math.max(4, (RIGHT - LEFT) / (rounds.size() - 1) / 8.5);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            String event = events.getOrDefault(rounds.get(i), "");
            if (event.length() > room) event = event.substring(0, room - 1).strip() + "…";
            boolean last = i == rounds.size() - 1 && rounds.size() > 1;
            ticks.add(new Tick(num(x(i, rounds.size())), BOTTOM + 22, BOTTOM + 50, "R" + rounds.get(i), event,
                    last ? String.valueOf(WIDTH - 2) : num(x(i, rounds.size())), last ? "end" : "middle"));
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<Dot> dots = new ArrayList<>();
            for (Point p : line.points()) {
                int at = rounds.indexOf(p.round());
                if (at < 0) continue;
                dots.add(new Dot(num(x(at, rounds.size())), num(y(p.points(), yMax)),
                        line.label() + ": " + num(p.points()) + " after round " + p.round()));
            }
            series.add(new Series(PALETTE.get(i), line.label(), points(line, rounds, yMax), dots));
        }
        return new Chart(title, WIDTH, HEIGHT, LEFT, RIGHT, grid, ticks, series);
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
