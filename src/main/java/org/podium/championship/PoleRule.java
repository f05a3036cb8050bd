package org.podium.championship;

/** Points for the fastest car of the scope in the qualifying that set a race's grid; 0 for none. */
public record PoleRule(double points) {
    public PoleRule {
        if (points < 0) throw new IllegalArgumentException("negative pole points");
    }
}
