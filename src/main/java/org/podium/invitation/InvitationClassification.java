package org.podium.invitation;

/** What an invitation is decided on: one series' table, or a combined classification of several. */
public sealed interface InvitationClassification permits TableClassification, CombinedTeamsClassification {

    /** How the basis names it: {@code gtwc-europe/2023/cars-bronze}, {@code combined/<id>}. */
    String id();
}
