package org.podium.invitation;

import java.util.Objects;

/** One ACO condition checked on a recipient, and what was found. */
public record Condition(String name, boolean met, String detail) {
    public Condition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
