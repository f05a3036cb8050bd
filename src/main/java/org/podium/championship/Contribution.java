package org.podium.championship;

import org.podium.model.Driver;
import org.podium.model.EntryStatus;
import org.podium.model.SessionType;

import java.util.List;

/**
 * What one car got from one session for one calendar race, within one table's scope: a race
 * result (points, or zero with the reason) or a pole. Rows of every kind are built from these.
 *
 * @param position      place among the scope's classified cars; null when not classified, and for a pole
 * @param reinstatement the adjustment that restored this result, or null
 */
record Contribution(int round, String event, int race, String kind, SessionType type, String sessionKey,
                    String sha256, String carNumber, String team, List<Driver> drivers, String carModel,
                    EntryStatus status, Integer position, double points, String note, Adjustment reinstatement) {

    /** Later rounds, then later races, then the race after its qualifying. */
    int chronology() {
        return (round * 1000 + race) * 2 + (type == SessionType.RACE ? 1 : 0);
    }

    String raceSlot() { return round + "/" + race; }

    SessionScore score() {
        return new SessionScore(sessionKey, type, race, kind, carNumber, status, position, points, note);
    }
}
