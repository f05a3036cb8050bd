package org.podium.invitation;

import org.podium.championship.InputDocument;

import java.util.List;
import java.util.Objects;

/**
 * An invitation as the current standings decide it.
 *
 * @param state      LEADER, CLINCHED or CONFIRMED; null exactly when there is no recipient (no
 *                   eligible entrant yet). WITHDRAWN comes only from {@link NoticePlanner}.
 * @param entitled   whether the recipient meets every condition; a notice is an entitlement, the
 *                   Selection Committee decides the entry
 * @param conditions the ACO conditions checked on the recipient
 * @param notes      what else a reader should know: pass-down, entrants ahead that are not eligible,
 *                   a shared first place, names that may be one team
 * @param inputs     the documents every deciding season was computed from
 */
public record InvitationDecision(Invitation invitation, NoticeState state, Recipient recipient, boolean entitled,
                                 List<Condition> conditions, Basis basis, List<String> notes,
                                 List<InputDocument> inputs) {
    public InvitationDecision {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(basis, "basis");
        if ((state == null) != (recipient == null)) {
            throw new IllegalArgumentException("a decision has a state exactly when it has a recipient");
        }
        if (state == NoticeState.WITHDRAWN) throw new IllegalArgumentException("WITHDRAWN is the planner's, not a decision");
        if (recipient == null && entitled) throw new IllegalArgumentException("no recipient, no entitlement");
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
        inputs = List.copyOf(inputs);
    }
}
