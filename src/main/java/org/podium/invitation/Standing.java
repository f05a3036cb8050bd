package org.podium.invitation;

import org.podium.combined.SeriesShare;

import java.util.List;
import java.util.Objects;

/**
 * An eligible entrant's place in an invitation's classification.
 *
 * @param position 1 for the first eligible entrant, then one more for each (entrants that are not
 *                 eligible are not counted; entrants level on every tie-break keep the order the
 *                 classification gives them)
 * @param key      the entrant's identity, as {@link Recipient#identity()}
 * @param name     as people read it: "Harbour Lights Racing #7", "Kaiju Motorsports"
 * @param value    its points or score
 * @param shares   for a combined classification, what each series gives it; empty otherwise
 */
public record Standing(int position, String key, String name, double value, List<SeriesShare> shares) {
    public Standing {
        if (position < 1) throw new IllegalArgumentException("position must be 1 or more, was " + position);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        shares = shares == null ? List.of() : List.copyOf(shares);
    }
}
