package org.podium.championship;

import org.podium.model.SeasonRef;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every table of one season of one series, computed from the current version of each session.
 *
 * @param roundsComplete calendar rounds whose races are all in
 * @param roundsToRun    calendar rounds with no race result yet
 * @param inputs         the documents used, in calendar order: by round, the qualifying sessions, then
 *                       the races, each in race order
 * @param warnings       sessions that could not be placed on the calendar, adjustments that found
 *                       nothing to apply to: what was left out and why
 */
public record SeasonStandings(String series, String season, StandingsStatus status, List<Integer> roundsComplete,
                              List<Integer> roundsToRun, List<InputDocument> inputs, List<StandingsTable> tables,
                              List<String> warnings) {
    public SeasonStandings {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(status, "status");
        roundsComplete = List.copyOf(roundsComplete);
        roundsToRun = List.copyOf(roundsToRun);
        inputs = List.copyOf(inputs);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** The same standings with each input's stored version, looked up by SHA-256. */
    public SeasonStandings withInputVersions(Map<String, Integer> versionBySha256) {
        return new SeasonStandings(series, season, status, roundsComplete, roundsToRun,
                inputs.stream().map(i -> i.withVersion(versionBySha256)).toList(), tables, warnings);
    }

    public Optional<StandingsTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Which season of which series these are. */
    public SeasonRef ref() { return new SeasonRef(series, season); }

    /** Standings by season, as the combined classification and the invitations take them. */
    public static Map<SeasonRef, SeasonStandings> index(Collection<SeasonStandings> standings) {
        Map<SeasonRef, SeasonStandings> out = new LinkedHashMap<>();
        for (SeasonStandings s : standings) {
            if (out.putIfAbsent(s.ref(), s) != null) throw new IllegalArgumentException(s.ref() + " is given twice");
        }
        return Collections.unmodifiableMap(out);
    }
}
