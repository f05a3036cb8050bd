package org.podium.combined;

import org.podium.model.SeasonRef;
import java.util.List;
import java.util.Objects;

/**
 * What one series gives a team in a combined classification: its best car there and that car's
 * points as a share of the most available in the season.
 *
 * @param team          the team's name as that series spells it
 * @param carNumber     the team's best-scoring car in the counting table (the better ranked on equal points)
 * @param drivers       every driver who scored points for that car, in the order they first did
 * @param maxPoints     the most one car could score in the season
 * @param share         {@code points / maxPoints}, unrounded
 * @param roundsStarted the rounds in which any car of the team took part
 */
public record SeriesShare(SeasonRef season, String seriesName, String team, String carNumber, List<String> drivers,
                          double points, double maxPoints, double share, List<Integer> roundsStarted) {
    public SeriesShare {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(team, "team");
        drivers = List.copyOf(drivers);
        roundsStarted = List.copyOf(roundsStarted);
        if (!(maxPoints > 0)) throw new IllegalArgumentException("maxPoints must be above 0");
    }
}
