package org.podium.championship;

/** An adjustment as it shows on a row: what was done, how much, and on whose authority. */
public record AppliedAdjustment(AdjustmentType type, Double points, Integer round, String session, String reason,
                                String reference) {
    static AppliedAdjustment of(Adjustment a) {
        return new AppliedAdjustment(a.type(), a.points(), a.round(), a.session(), a.reason(), a.reference());
    }
}
