package org.podium.championship;

import java.util.Locale;

/** Which cars a table scores together: all of them, one class, or one cup. */
public enum Scope {
    OVERALL, CLASS, CUP;

    public String id() { return name().toLowerCase(Locale.ROOT); }
}
