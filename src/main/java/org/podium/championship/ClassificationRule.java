package org.podium.championship;

/**
 * Who counts as classified.
 *
 * @param byStatus                 whether the feed's status alone decides where the feed reports one
 * @param minShareOfWinnerDistance where it does not: the share of the scope winner's laps a car must
 *                                 have covered
 */
public record ClassificationRule(boolean byStatus, double minShareOfWinnerDistance) {
    public ClassificationRule {
        if (minShareOfWinnerDistance < 0 || minShareOfWinnerDistance > 1) {
            throw new IllegalArgumentException("minShareOfWinnerDistance must be from 0 to 1");
        }
    }
}
