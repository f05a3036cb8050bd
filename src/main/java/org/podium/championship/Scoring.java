package org.podium.championship;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a series turns classifications into points. */
public record Scoring(Map<String, PointsScale> kinds, PoleRule pole, ClassificationRule classification,
                      ShortenedRule shortened) {
    public Scoring {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        if (kinds.isEmpty()) throw new IllegalArgumentException("no scoring kinds");
        Objects.requireNonNull(pole, "pole");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(shortened, "shortened");
    }
}
