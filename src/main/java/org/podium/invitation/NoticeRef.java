package org.podium.invitation;

import java.util.Objects;

/**
 * A notice as another notice names it: "notice 6 (CLINCHED, Phoenix Lótus Racing)".
 *
 * @param recipient the recipient as people read it: "Harbour Lights Racing #7"
 */
public record NoticeRef(int seq, NoticeState state, String recipient) {
    public NoticeRef {
        if (seq < 1) throw new IllegalArgumentException("seq must be 1 or more, was " + seq);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recipient, "recipient");
    }

    @Override
    public String toString() { return "notice " + seq + " (" + state + ", " + recipient + ")"; }
}
