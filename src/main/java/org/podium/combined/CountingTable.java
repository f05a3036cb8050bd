package org.podium.combined;

import org.podium.model.SeasonRef;
import java.util.List;
import java.util.Objects;

/**
 * A season's standings table that an invitation counts, resolved against the series' rules when the
 * configuration is loaded, so that deciding needs nothing but the standings.
 *
 * @param seriesName      the series' name, for reasons written to people
 * @param table           a table whose rows are cars ({@code cars-gt}, {@code cars-bronze}…)
 * @param calendar        every round of the season's calendar
 * @param maxSeasonPoints the most one car can score in the season: the share denominator, also
 *                        while no standings exist yet
 */
public record CountingTable(SeasonRef season, String seriesName, String table, List<RoundRef> calendar,
                            double maxSeasonPoints) {
    public CountingTable {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(seriesName, "seriesName");
        Objects.requireNonNull(table, "table");
        calendar = List.copyOf(calendar);
        if (calendar.isEmpty()) throw new IllegalArgumentException("a season needs at least one round");
        if (!(maxSeasonPoints > 0)) {
            throw new IllegalArgumentException(season + " " + table + ": no points available in the season");
        }
    }

    /** "Asian Le Mans Series 2023-24". */
    public String label() { return seriesName + " " + season.season(); }

    /** {@code alms/2023-24/cars-gt}. */
    public String path() { return season + "/" + table; }
}
