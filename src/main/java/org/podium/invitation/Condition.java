package org.podium.invitation;

import java.util.Objects;

/**
 * One ACO condition checked on a recipient, and what was found.
 *
 * @param id     the condition's key in {@code config/invitations.yaml} ({@code attendAllEvents})
 * @param name   the condition as people say it ("took part in every event")
 * @param detail what was found, in plain words
 */
public record Condition(String id, String name, boolean met, String detail) {
    public Condition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
