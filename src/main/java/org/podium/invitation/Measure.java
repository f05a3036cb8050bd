package org.podium.invitation;

import java.util.Locale;

/** What a classification ranks on: a table's points or a combined score. */
public enum Measure {
    POINTS, SCORE;

    public String id() { return name().toLowerCase(Locale.ROOT); }
}
