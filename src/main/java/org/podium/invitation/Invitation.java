package org.podium.invitation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One automatic invitation and how it is decided.
 *
 * @param id         lower-case letters, digits and hyphens: it names the notices' folder
 * @param entryClass the class the invitation is for (LMGT3)
 * @param passDown   when the top entrant fails a condition, the next entrant who meets them all is
 *                   the recipient; otherwise the top entrant stays, not entitled
 * @param leaderAfterFirstRace no LEADER notice until the classification counts a race result: points
 *                   from a qualifying alone name no leader worth a notice
 */
public record Invitation(String id, String name, String event, String entryClass,
                         InvitationClassification classification, boolean passDown, Conditions conditions,
                         boolean leaderAfterFirstRace) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Invitation {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and single hyphens, was \"" + id + "\"");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(entryClass, "entryClass");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(conditions, "conditions");
    }

    public Invitation(String id, String name, String event, String entryClass, InvitationClassification classification,
                      boolean passDown, Conditions conditions) {
        this(id, name, event, entryClass, classification, passDown, conditions, true);
    }

    static boolean validId(String id) { return ID.matcher(id).matches(); }
}
