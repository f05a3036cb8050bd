package org.podium.championship;

import org.podium.model.EntryStatus;
import org.podium.model.SessionType;

/**
 * What one session gave a row: a race result, or a pole from a qualifying session.
 *
 * @param race     the calendar race it counts for
 * @param position place among the classified cars of the table's scope; null when not classified
 *                 (and for a pole)
 * @param note     why the points are what they are, where that is not plain (half points, not
 *                 classified, pole, reinstated); null otherwise
 */
public record SessionScore(String sessionKey, SessionType type, int race, String kind, String carNumber,
                           EntryStatus status, Integer position, double points, String note) {}
