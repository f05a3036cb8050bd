package org.podium.championship;

import java.util.Collection;
import java.util.Set;

/**
 * The most points still available, for deciding whether a title is settled. Assumes full points
 * (no shortened race) and, where the series gives pole points, the pole in every race that has one.
 */
public final class MaxPoints {
    private MaxPoints() {}

    /**
     * The most one entrant (a driver, a car, a team counted by its best car) can still score in
     * the rounds of the calendar not in {@code roundsDone}. The same in every scope: places count
     * within the scope, on the same scale.
     */
    public static double maxRemainingPoints(SeriesRules rules, String season, Collection<Integer> roundsDone) {
        Set<Integer> done = Set.copyOf(roundsDone);
        double sum = 0;
        for (CalendarRound round : rules.requireCalendar(season).rounds()) {
            if (done.contains(round.round())) continue;
            for (CalendarRace race : round.races()) sum += forRace(rules, race, null, false);
        }
        return sum;
    }

    /** The most one entrant can score over the whole season. */
    public static double maxSeasonPoints(SeriesRules rules, String season) {
        return maxRemainingPoints(rules, season, Set.of());
    }

    /**
     * One race's maximum. A team scoring all its cars could at most fill the whole scale (places
     * beyond it are left out); a pole already given from a qualifying that is in is not available.
     */
    static double forRace(SeriesRules rules, CalendarRace race, TeamScoring teamScoring, boolean poleGiven) {
        PointsScale scale = rules.scoring().kinds().get(race.kind());
        double points = teamScoring == TeamScoring.ALL_CARS ? scale.wholeScale() : scale.first();
        if (race.pole() && !poleGiven) points += rules.scoring().pole().points();
        return points;
    }
}
