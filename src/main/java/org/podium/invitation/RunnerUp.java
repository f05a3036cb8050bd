package org.podium.invitation;

import java.util.Objects;

/** The next eligible entrant after the recipient, with its points or score. */
public record RunnerUp(String name, double value) {
    public RunnerUp {
        Objects.requireNonNull(name, "name");
    }
}
