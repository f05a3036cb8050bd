package org.podium.invitation;

import java.util.Objects;

/**
 * An entrant whose place or figure changed between two notices.
 *
 * @param oldPosition its place at the earlier notice; null where it was not an eligible entrant then
 * @param newPosition its place now; null where it is no longer an eligible entrant
 * @param oldValue    its points or score at the earlier notice, as printed there; null with no place
 * @param newValue    its points or score now; null with no place
 */
public record Move(String key, String name, Integer oldPosition, Integer newPosition, Double oldValue,
                   Double newValue) {
    public Move {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
