package org.podium.combined;

import java.util.Arrays;
import java.util.Optional;

/** One step of the combined classification's tie-break order, for teams level on score. */
public enum CombinedTieBreak {
    /** The higher of the team's shares in any one series. */
    BEST_SINGLE_SHARE("best-single-share"),
    /** Most best-class wins, then 2nd places, … summed over every counting table (per race, the team's best car). */
    COUNTBACK("countback");

    private final String id;

    CombinedTieBreak(String id) { this.id = id; }

    /** As written in {@code config/invitations.yaml}. */
    public String id() { return id; }

    public static Optional<CombinedTieBreak> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }
}
