package org.podium.championship;

import java.util.Locale;

/** What a standings table ranks. */
public enum Ranks {
    DRIVERS, TEAMS, CARS;

    /** The word used in config files and table ids: {@code drivers}, {@code teams}, {@code cars}. */
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
