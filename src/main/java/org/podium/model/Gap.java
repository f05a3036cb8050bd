package org.podium.model;

/** A gap to the car ahead or to the leader: a time, or a number of laps (negative on NC/DSQ rows). */
public record Gap(Long timeMs, Integer laps) {
    public Gap {
        if ((timeMs == null) == (laps == null)) throw new IllegalArgumentException("a gap is either a time or laps");
    }
    public static Gap time(long ms) { return new Gap(ms, null); }
    public static Gap laps(int laps) { return new Gap(null, laps); }
}
