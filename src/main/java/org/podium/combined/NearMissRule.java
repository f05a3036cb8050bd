package org.podium.combined;

/**
 * When two normalised team names that do not match are close enough to report: their Levenshtein
 * distance is at least 1, at most {@code maxEdits}, and at most {@code maxShareOfLength} of the
 * longer name's length, except that a single edit is always close enough.
 */
public record NearMissRule(int maxEdits, double maxShareOfLength) {
    public NearMissRule {
        if (maxEdits < 0) throw new IllegalArgumentException("maxEdits must be 0 or more, was " + maxEdits);
        if (maxShareOfLength < 0 || maxShareOfLength > 1) {
            throw new IllegalArgumentException("maxShareOfLength must be from 0 to 1, was " + maxShareOfLength);
        }
    }

    public boolean close(int distance, int longerLength) {
        return distance >= 1 && distance <= maxEdits && distance <= Math.max(1, maxShareOfLength * longerLength);
    }
}
