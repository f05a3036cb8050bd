package org.podium.invitation;

import java.util.Objects;

/** An invitation a competitor holds from elsewhere, counted against the ACO's limit per competitor. */
public record OtherInvitation(String team, String source) {
    public OtherInvitation {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(source, "source");
    }
}
