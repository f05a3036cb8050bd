package org.podium.championship;

import java.util.List;

/** A row's points from one round, with the sessions that gave them. */
public record RoundScore(int round, String event, double points, List<SessionScore> sessions) {
    public RoundScore {
        sessions = List.copyOf(sessions);
    }
}
