package org.podium.combined;

import org.podium.championship.SeasonStandings;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One season of one series, e.g. {@code alms/2023-24}. */
public record SeasonKey(String series, String season) {
    public SeasonKey {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        if (series.isBlank() || season.isBlank()) throw new IllegalArgumentException("series and season must not be blank");
    }

    public static SeasonKey of(SeasonStandings standings) {
        return new SeasonKey(standings.series(), standings.season());
    }

    /** Standings by season, as the combined classification and the invitations take them. */
    public static Map<SeasonKey, SeasonStandings> index(Collection<SeasonStandings> standings) {
        Map<SeasonKey, SeasonStandings> out = new LinkedHashMap<>();
        for (SeasonStandings s : standings) {
            if (out.putIfAbsent(of(s), s) != null) throw new IllegalArgumentException(of(s) + " is given twice");
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() { return series + "/" + season; }
}
