package org.podium.championship;

import java.util.List;

/**
 * Points by place among the classified cars of the scope being scored.
 *
 * @param points      1st, 2nd, … place
 * @param beyondScale what every classified car beyond the scale scores
 */
public record PointsScale(List<Double> points, double beyondScale) {
    public PointsScale {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a points scale needs at least one place");
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) < 0) throw new IllegalArgumentException("negative points for place " + (i + 1));
            if (i > 0 && points.get(i) > points.get(i - 1)) {
                throw new IllegalArgumentException("points rise from place " + i + " to place " + (i + 1));
            }
        }
        if (beyondScale < 0) throw new IllegalArgumentException("negative beyondScale");
    }

    /** Points for a 1-based place among classified cars. */
    public double forPlace(int place) {
        if (place < 1) throw new IllegalArgumentException("place must be 1 or more, was " + place);
        return place <= points.size() ? points.get(place - 1) : beyondScale;
    }

    /** The most one car can score. */
    public double first() { return points.get(0); }

    /** The most all the cars of one team together can score (beyond-scale places left out). */
    public double wholeScale() { return points.stream().mapToDouble(Double::doubleValue).sum(); }
}
