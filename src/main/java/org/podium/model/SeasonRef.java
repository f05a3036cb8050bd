package org.podium.model;

import java.util.Objects;

/** One season of one series, e.g. {@code alms/2023-24}: what standings are computed for, and stored under. */
public record SeasonRef(String series, String season) implements Comparable<SeasonRef> {
    public SeasonRef {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        if (series.isBlank() || season.isBlank()) throw new IllegalArgumentException("series and season must not be blank");
    }

    @Override
    public int compareTo(SeasonRef o) {
        int c = series.compareTo(o.series);
        return c != 0 ? c : season.compareTo(o.season);
    }

    @Override
    public String toString() { return series + "/" + season; }
}
