package org.podium.championship;

/** Whether standings can still change. */
public enum StandingsStatus {
    /** Every calendar race is in and every result used is official. */
    FINAL,
    /** Rounds still to run, or results still provisional. */
    PROVISIONAL
}
