package org.podium.invitation;

import org.podium.championship.InputDocument;

import java.util.List;
import java.util.Objects;

/**
 * A notice to publish: one state of one invitation for one recipient.
 *
 * @param seq        1 for an invitation's first notice, then one more for each
 * @param supersedes the seq of the notice this one replaces; null for the first
 * @param reason     one sentence in plain words: why this notice
 */
public record PlannedNotice(Invitation invitation, int seq, NoticeState state, Recipient recipient, Basis basis,
                            List<Condition> conditions, boolean entitled, Integer supersedes,
                            List<InputDocument> inputs, String reason, List<String> notes) {
    public PlannedNotice {
        Objects.requireNonNull(invitation, "invitation");
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(basis, "basis");
        conditions = List.copyOf(conditions);
        if (supersedes != null && supersedes >= seq) throw new IllegalArgumentException("a notice supersedes an earlier one");
        if (state == NoticeState.WITHDRAWN && (supersedes == null || entitled)) {
            throw new IllegalArgumentException("a withdrawal supersedes a notice and entitles no one");
        }
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(reason, "reason");
        notes = List.copyOf(notes);
    }
}
