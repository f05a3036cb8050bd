package org.podium.invitation;

/**
 * The ACO's conditions on an automatic invitation (docs/rules.md, the ACO's conditions).
 *
 * @param attendAllEvents             the competitor took part in every event of its championship(s)
 * @param maxInvitationsPerCompetitor the most invitations one competitor may hold, all classes combined;
 *                                    null where not checked
 */
public record Conditions(boolean attendAllEvents, Integer maxInvitationsPerCompetitor) {
    public static final String ATTEND_ALL_EVENTS = "attendAllEvents";
    public static final String MAX_INVITATIONS = "maxInvitationsPerCompetitor";

    public Conditions {
        if (maxInvitationsPerCompetitor != null && maxInvitationsPerCompetitor < 1) {
            throw new IllegalArgumentException("maxInvitationsPerCompetitor must be 1 or more");
        }
    }
}
