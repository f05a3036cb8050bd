package org.podium.invitation;

import java.util.Locale;

/** Where an invitation stands, as its notices say (README, "The Le Mans invitations"). */
public enum NoticeState {
    /** The deciding season(s) still running and the lead not yet safe. */
    LEADER,
    /** No result in the remaining rounds can change the recipient. */
    CLINCHED,
    /** The seasons are complete and every result used is official. */
    CONFIRMED,
    /** An amendment changed the recipient: this notice withdraws the one before; a new one follows. */
    WITHDRAWN;

    /** As in file names: {@code leader}, {@code clinched}… */
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
