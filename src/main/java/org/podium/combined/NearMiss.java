package org.podium.combined;

import org.podium.model.SeasonRef;
import java.util.Objects;

/**
 * Two team names from different series that do not match but are close: reported so that a person
 * can add an alias where they are one team, never merged.
 *
 * @param distance the edit distance between the two normalised names
 */
public record NearMiss(String teamA, SeasonRef seriesA, String teamB, SeasonRef seriesB, int distance) {
    public static final String MESSAGE = "possibly the same entrant: add an alias";

    public NearMiss {
        Objects.requireNonNull(teamA, "teamA");
        Objects.requireNonNull(seriesA, "seriesA");
        Objects.requireNonNull(teamB, "teamB");
        Objects.requireNonNull(seriesB, "seriesB");
    }

    public String message() { return MESSAGE; }
}
