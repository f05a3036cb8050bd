package org.podium.store;

/** A series' season, the unit that standings are computed for. */
public record SeasonRef(String series, String season) implements Comparable<SeasonRef> {
    @Override
    public int compareTo(SeasonRef o) {
        int c = series.compareTo(o.series);
        return c != 0 ? c : season.compareTo(o.season);
    }

    @Override
    public String toString() { return series + "/" + season; }
}
