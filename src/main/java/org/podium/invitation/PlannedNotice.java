package org.podium.invitation;

import org.podium.championship.InputDocument;

import java.util.List;
import java.util.Objects;

/**
 * A notice to publish: one state of one invitation for one recipient.
 *
 * @param seq        1 for an invitation's first notice, then one more for each
 * @param previous   the notice this one replaces; null for the first
 * @param reason     in plain words: why this notice
 * @param changes    what changed since the last notice published before this one (for the notice that
 *                   follows a withdrawal issued with it, the same as the withdrawal's)
 * @param withdrawal for a WITHDRAWN notice, where its recipient stands and who follows; null otherwise
 */
public record PlannedNotice(Invitation invitation, int seq, NoticeState state, Recipient recipient, Basis basis,
                            List<Condition> conditions, boolean entitled, NoticeRef previous,
                            List<InputDocument> inputs, String reason, List<String> notes, Changes changes,
                            Withdrawal withdrawal) {
    public PlannedNotice {
        Objects.requireNonNull(invitation, "invitation");
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(basis, "basis");
        conditions = List.copyOf(conditions);
        if (previous != null && previous.seq() >= seq) throw new IllegalArgumentException("a notice supersedes an earlier one");
        if (state == NoticeState.WITHDRAWN && (previous == null || entitled || withdrawal == null)) {
            throw new IllegalArgumentException("a withdrawal supersedes a notice, says where its recipient stands "
                    + "and entitles no one");
        }
        if (state != NoticeState.WITHDRAWN && withdrawal != null) {
            throw new IllegalArgumentException("only a WITHDRAWN notice withdraws");
        }
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(reason, "reason");
        notes = List.copyOf(notes);
        Objects.requireNonNull(changes, "changes");
    }

    /** The seq of the notice this one replaces; null for the first. */
    public Integer supersedes() { return previous == null ? null : previous.seq(); }

    /** This notice as a later one names it. */
    public NoticeRef ref() { return new NoticeRef(seq, state, recipient.display()); }
}
