package org.podium.invitation;


import org.podium.model.SeasonRef;
import java.util.Objects;

/**
 * What one deciding season still holds.
 *
 * @param roundsRemaining    rounds not yet complete
 * @param maxStillAvailable  the most one entrant can still add: points for a table, share for a
 *                           combined classification
 */
public record SeriesRemaining(SeasonRef season, String seriesName, int roundsRemaining, double maxStillAvailable) {
    public SeriesRemaining {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(seriesName, "seriesName");
    }
}
