/**
 * Le Mans invitations: {@code config/invitations.yaml} ({@link org.podium.invitation.Invitations}),
 * the decision after every recompute ({@link org.podium.invitation.InvitationDecider}: recipient,
 * LEADER / CLINCHED / CONFIRMED, the ACO conditions, pass-down), which notices a decision calls for
 * given the last one published ({@link org.podium.invitation.NoticePlanner}) and what a notice says.
 * The notice documents are written by {@code org.podium.outbox.NoticeDocument}. Pure functions: the
 * time a notice is issued is passed in, never read from a clock, so notices are reproducible. No Camel.
 */
package org.podium.invitation;
