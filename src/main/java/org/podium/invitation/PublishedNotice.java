package org.podium.invitation;

import java.util.Objects;

/**
 * The latest notice published for an invitation, as the notice ledger keeps it: what the planner
 * compares the current decision with.
 */
public record PublishedNotice(String invitationId, int seq, NoticeState state, Recipient recipient, boolean entitled) {
    public PublishedNotice {
        Objects.requireNonNull(invitationId, "invitationId");
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** What the ledger records once a planned notice is published. */
    public static PublishedNotice of(PlannedNotice n) {
        return new PublishedNotice(n.invitation().id(), n.seq(), n.state(), n.recipient(), n.entitled());
    }
}
