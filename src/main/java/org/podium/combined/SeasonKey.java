package org.podium.combined;

import java.util.Objects;

/** One season of one series, e.g. {@code alms/2023-24}. */
public record SeasonKey(String series, String season) {
    public SeasonKey {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(season, "season");
        if (series.isBlank() || season.isBlank()) throw new IllegalArgumentException("series and season must not be blank");
    }

    @Override
    public String toString() { return series + "/" + season; }
}
