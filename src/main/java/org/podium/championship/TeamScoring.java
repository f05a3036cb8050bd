package org.podium.championship;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a team's table counts the cars it enters. */
public enum TeamScoring {
    /** Each car is its own row, "Team #7" (the ACO's teams' tables). */
    EACH_CAR_SEPARATELY,
    /** One row per team: per race, the points of its best-scoring car. */
    BEST_CAR,
    /** One row per team: per race, the sum of all its cars' points. */
    ALL_CARS;

    /** The id used in config files: {@code each-car-separately}, {@code best-car}, {@code all-cars}. */
    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    static Optional<TeamScoring> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
    }
}
