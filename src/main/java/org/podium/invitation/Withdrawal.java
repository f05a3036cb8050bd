package org.podium.invitation;

import java.util.Objects;

/**
 * What a WITHDRAWN notice says besides its recipient: where the withdrawn recipient stands now, who
 * leads, who the invitation goes to instead and in which notice.
 *
 * @param withdraws    the notice withdrawn
 * @param standing     the withdrawn recipient's place now; null where it is no longer an eligible entrant
 * @param leader       the first eligible entrant now; null where there is none
 * @param newRecipient the recipient now; null where no eligible entrant is left
 * @param followedBy   the notice issued with this one to the new recipient; null where none is
 */
public record Withdrawal(NoticeRef withdraws, Standing standing, Standing leader, Recipient newRecipient,
                         NoticeRef followedBy) {
    public Withdrawal {
        Objects.requireNonNull(withdraws, "withdraws");
        if ((newRecipient == null) != (followedBy == null)) {
            throw new IllegalArgumentException("a new recipient is named in the notice that follows");
        }
    }
}
