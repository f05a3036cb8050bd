package org.podium.championship;

/**
 * Points for races cut short.
 *
 * @param noPointsUnderLeaderLaps  no points at all when the leader completed fewer laps than this
 * @param halfPointsUnderTimeShare half points when the winner's time is under this share of the
 *                                 planned duration
 */
public record ShortenedRule(int noPointsUnderLeaderLaps, double halfPointsUnderTimeShare) {
    public static final ShortenedRule NONE = new ShortenedRule(0, 0);

    public ShortenedRule {
        if (noPointsUnderLeaderLaps < 0) throw new IllegalArgumentException("negative noPointsUnderLeaderLaps");
        if (halfPointsUnderTimeShare < 0 || halfPointsUnderTimeShare > 1) {
            throw new IllegalArgumentException("halfPointsUnderTimeShare must be from 0 to 1");
        }
    }
}
