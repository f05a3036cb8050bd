package org.podium.championship;

/** A decision that changes standings without a new results file. */
public enum AdjustmentType {
    /** Points taken off an entrant's total. */
    DEDUCTION,
    /** The entrant is removed from the championship: shown, but not ranked. */
    EXCLUSION,
    /** A car the file shows as not classified or disqualified counts as classified again. */
    REINSTATEMENT
}
