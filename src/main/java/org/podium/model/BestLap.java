package org.podium.model;

/** A car's fastest lap: its lap number when known, the time, and the speed when known. */
public record BestLap(Integer lap, long timeMs, Double kph) {
    public BestLap {
        if (timeMs < 0) throw new IllegalArgumentException("negative lap time");
    }
}
