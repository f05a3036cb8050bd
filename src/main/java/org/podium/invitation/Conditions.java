package org.podium.invitation;

/**
 * The ACO's conditions on an automatic invitation (docs/rules.md, the ACO's conditions).
 *
 * @param attendAllEvents             the competitor took part in every event of its championship(s)
 * @param maxInvitationsPerCompetitor the most invitations one competitor may hold, all classes combined;
 *                                    null where not checked
 */
public record Conditions(boolean attendAllEvents, Integer maxInvitationsPerCompetitor) {
    /** The keys of {@code config/invitations.yaml}, which also identify a condition in a notice. */
    public static final String ATTEND_ALL_EVENTS = "attendAllEvents";
    public static final String MAX_INVITATIONS = "maxInvitationsPerCompetitor";

    public Conditions {
        if (maxInvitationsPerCompetitor != null && maxInvitationsPerCompetitor < 1) {
            throw new IllegalArgumentException("maxInvitationsPerCompetitor must be 1 or more");
        }
    }

    /** A condition as people say it: "took part in every event". */
    public static String name(String id, Integer max) {
        return switch (id) {
            case ATTEND_ALL_EVENTS -> "took part in every event";
            case MAX_INVITATIONS -> "holds no more than " + (max == null ? "the allowed number of" : max)
                    + (max != null && max == 1 ? " invitation" : " invitations") + ", all classes combined";
            default -> id;
        };
    }

    /** What a competitor that fails the condition did: "did not take part in every event". */
    public static String unmet(Condition c) {
        return switch (c.id()) {
            case ATTEND_ALL_EVENTS -> "did not take part in every event";
            case MAX_INVITATIONS -> "would hold more invitations than allowed";
            default -> "does not meet the condition \"" + c.name() + "\"";
        };
    }
}
