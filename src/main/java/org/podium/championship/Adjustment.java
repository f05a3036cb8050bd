package org.podium.championship;

import java.util.Objects;

/**
 * A steward's or organiser's decision that results files do not carry, from
 * {@code config/adjustments/<series>/<season>.yaml}.
 *
 * @param points    the points deducted (deductions only)
 * @param round     deductions: the round after which it applies (null: after the latest round);
 *                  reinstatements: the round of the race
 * @param session   reinstatements: the race session's name ("Race 2"); null where the round has one race
 * @param position  reinstatements: the overall position the car is restored to; null keeps the
 *                  position the file gives it
 * @param table     a table id ({@code drivers-gt}) to limit a deduction or exclusion to; null for all
 * @param reference the decision it comes from (e.g. "Stewards' decision no. 12")
 */
public record Adjustment(AdjustmentType type, EntrantRef entrant, Double points, Integer round, String session,
                         Integer position, String table, String reason, String reference) {
    public Adjustment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entrant, "entrant");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an adjustment needs a reason");
        if (reference == null || reference.isBlank()) throw new IllegalArgumentException("an adjustment needs a reference");
        switch (type) {
            case DEDUCTION -> {
                if (points == null || points <= 0) throw new IllegalArgumentException("a deduction needs points > 0");
                if (session != null || position != null) throw new IllegalArgumentException("a deduction takes no session or position");
            }
            case EXCLUSION -> {
                if (points != null || round != null || session != null || position != null) {
                    throw new IllegalArgumentException("an exclusion takes no points, round, session or position");
                }
            }
            case REINSTATEMENT -> {
                if (entrant.car() == null || entrant.team() != null) throw new IllegalArgumentException("a reinstatement names a car");
                if (round == null) throw new IllegalArgumentException("a reinstatement needs the round of the race");
                if (points != null || table != null) throw new IllegalArgumentException("a reinstatement takes no points or table");
            }
        }
        if (round != null && round < 1) throw new IllegalArgumentException("round must be 1 or more");
        if (position != null && position < 1) throw new IllegalArgumentException("position must be 1 or more");
    }

    public static Adjustment deduction(EntrantRef who, double points, Integer round, String reason, String reference) {
        return new Adjustment(AdjustmentType.DEDUCTION, who, points, round, null, null, null, reason, reference);
    }

    public static Adjustment exclusion(EntrantRef who, String reason, String reference) {
        return new Adjustment(AdjustmentType.EXCLUSION, who, null, null, null, null, null, reason, reference);
    }

    public static Adjustment reinstatement(String car, int round, String session, Integer position, String reason,
                                           String reference) {
        return new Adjustment(AdjustmentType.REINSTATEMENT, EntrantRef.car(car), null, round, session, position, null,
                reason, reference);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " of " + entrant
                + (round == null ? "" : " in round " + round) + (session == null ? "" : " " + session)
                + " (" + reference + ")";
    }
}
