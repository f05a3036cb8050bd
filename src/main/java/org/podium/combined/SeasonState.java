package org.podium.combined;

import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsStatus;
import org.podium.championship.StandingsTable;

import java.util.List;
import java.util.Objects;

/**
 * Where one counting season stands: what is settled and what is still available.
 *
 * @param roundsNotComplete  rounds with a race still to come: a team can still take part in them
 * @param maxRemainingPoints the most one car can still add in this season
 */
public record SeasonState(CountingTable table, StandingsStatus status, List<Integer> roundsComplete,
                          List<Integer> roundsToRun, List<Integer> roundsNotComplete, double maxSeasonPoints,
                          double maxRemainingPoints) {
    public SeasonState {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(status, "status");
        roundsComplete = List.copyOf(roundsComplete);
        roundsToRun = List.copyOf(roundsToRun);
        roundsNotComplete = List.copyOf(roundsNotComplete);
        if (!(maxSeasonPoints > 0)) throw new IllegalArgumentException("maxSeasonPoints must be above 0");
    }

    /** The state of a counting season from its standings; null standings: nothing raced yet. */
    public static SeasonState of(CountingTable ct, SeasonStandings standings) {
        List<Integer> calendar = ct.calendar().stream().map(RoundRef::round).toList();
        StandingsTable table = standings == null ? null : standings.table(ct.table()).orElse(null);
        if (standings == null) {
            return new SeasonState(ct, StandingsStatus.PROVISIONAL, List.of(), calendar, calendar,
                    ct.maxSeasonPoints(), ct.maxSeasonPoints());
        }
        List<Integer> notComplete = calendar.stream().filter(r -> !standings.roundsComplete().contains(r)).toList();
        double maxSeason = table == null ? ct.maxSeasonPoints() : table.maxSeasonPoints();
        double maxRemaining = table == null ? ct.maxSeasonPoints() : table.maxRemainingPoints();
        return new SeasonState(ct, standings.status(), standings.roundsComplete(), standings.roundsToRun(), notComplete,
                maxSeason, maxRemaining);
    }

    /** Rounds with at least one race in: the events that have been held (or are under way). */
    public List<RoundRef> roundsRun() {
        return table.calendar().stream().filter(r -> !roundsToRun.contains(r.round())).toList();
    }

    /** The most share of this series one team can still add: {@code maxRemainingPoints / maxSeasonPoints}. */
    public double maxShareStillAvailable() { return maxRemainingPoints / maxSeasonPoints; }

    /** Every round in and every result used official. */
    public boolean isFinal() { return status == StandingsStatus.FINAL; }
}
