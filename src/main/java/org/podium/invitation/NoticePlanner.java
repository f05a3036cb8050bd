package org.podium.invitation;

import org.podium.combined.CombinedRule;
import org.podium.combined.Scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which notices a decision calls for, given the last one published: a pure function, so that a
 * restart, a rebuild or the same file dropped again publishes nothing new.
 * <ul>
 *   <li>Same recipient, same state, same entitlement: nothing (points changing alone is no news).</li>
 *   <li>Same recipient, new state or entitlement: one notice superseding the last.</li>
 *   <li>New recipient after a LEADER notice: the new notice supersedes it (a leader changing during
 *       a season is not a withdrawal).</li>
 *   <li>New recipient (or none) after a CLINCHED or CONFIRMED notice: a WITHDRAWN notice for the old
 *       recipient superseding it, then the new recipient's notice superseding the withdrawal.</li>
 *   <li>After a WITHDRAWN notice: the decision's notice, superseding it.</li>
 * </ul>
 * The entitlement counts as a change: a recipient that stops meeting a condition must be told, even
 * with the state unchanged.
 */
public final class NoticePlanner {
    private NoticePlanner() {}

    public static List<PlannedNotice> plan(Optional<PublishedNotice> last, InvitationDecision now) {
        Objects.requireNonNull(now, "now");
        if (last.isPresent() && !last.get().invitationId().equals(now.invitation().id())) {
            throw new IllegalArgumentException("the last notice is of invitation " + last.get().invitationId()
                    + ", the decision of " + now.invitation().id());
        }
        if (last.isEmpty()) {
            return now.recipient() == null ? List.of() : List.of(notice(now, 1, null));
        }
        PublishedNotice l = last.get();
        boolean settled = l.state() == NoticeState.CLINCHED || l.state() == NoticeState.CONFIRMED;
        if (now.recipient() == null) {
            return settled ? List.of(withdrawal(l, now)) : List.of();
        }
        if (l.state() == NoticeState.WITHDRAWN) return List.of(notice(now, l.seq() + 1, l.seq()));
        boolean sameRecipient = l.recipient().identity().equals(now.recipient().identity());
        if (sameRecipient) {
            if (l.state() == now.state() && l.entitled() == now.entitled()) return List.of();
            return List.of(notice(now, l.seq() + 1, l.seq()));
        }
        if (settled) {
            PlannedNotice withdrawn = withdrawal(l, now);
            return List.of(withdrawn, notice(now, withdrawn.seq() + 1, withdrawn.seq()));
        }
        return List.of(notice(now, l.seq() + 1, l.seq()));
    }

    private static PlannedNotice notice(InvitationDecision d, int seq, Integer supersedes) {
        return new PlannedNotice(d.invitation(), seq, d.state(), d.recipient(), d.basis(), d.conditions(), d.entitled(),
                supersedes, d.inputs(), reason(d), d.notes());
    }

    private static PlannedNotice withdrawal(PublishedNotice l, InvitationDecision now) {
        String old = l.recipient().display();
        String why = now.recipient() == null
                ? "An amended result leaves no eligible entrant, so notice " + l.seq() + " to " + old + " is withdrawn."
                : "An amended result changed the recipient: " + now.recipient().display() + " is now ahead, so notice "
                + l.seq() + " to " + old + " is withdrawn.";
        return new PlannedNotice(now.invitation(), l.seq() + 1, NoticeState.WITHDRAWN, l.recipient(), now.basis(),
                List.of(), false, l.seq(), now.inputs(), why, List.of());
    }

    private static String reason(InvitationDecision d) {
        Basis b = d.basis();
        String who = d.recipient().display();
        String what = d.invitation().name();
        String lead = b.runnerUp() == null ? "the only eligible entrant"
                : value(d, b.margin()) + " ahead of " + b.runnerUp().name();
        String sentence = switch (d.state()) {
            case LEADER -> who + " leads for the " + what + " with " + amount(d, b.value()) + ", " + lead
                    + (rounds(b).isEmpty() ? ", with every round run" : ", with " + rounds(b) + " still to run");
            case CLINCHED -> who + " can no longer be caught for the " + what + ": " + lead
                    + (b.maxStillAvailable() > 0
                    ? ", with at most " + (b.measure() == Measure.POINTS ? amount(d, b.maxStillAvailable())
                    : value(d, b.maxStillAvailable())) + " still available"
                    : ", with every round run, to be confirmed when every result is official");
            case CONFIRMED -> who + " wins the " + what + " with " + amount(d, b.value())
                    + ": every round is run and every result used is official";
            case WITHDRAWN -> throw new IllegalStateException("a decision is never WITHDRAWN");
        };
        if (!d.entitled()) {
            sentence += ", but is not entitled to the invitation: it does not meet "
                    + d.conditions().stream().filter(c -> !c.met()).map(c -> c.name() + " (" + c.detail() + ")")
                    .collect(Collectors.joining(" and "));
        }
        return sentence + ".";
    }

    private static String rounds(Basis b) {
        List<String> parts = new ArrayList<>();
        for (SeriesRemaining r : b.remaining()) {
            if (r.roundsRemaining() == 0) continue;
            parts.add(r.roundsRemaining() + (r.roundsRemaining() == 1 ? " round" : " rounds") + " of the "
                    + r.seriesName() + " " + r.season().season());
        }
        return String.join(" and ", parts);
    }

    /** "140 points", "a score of 1.541". */
    private static String amount(InvitationDecision d, double v) {
        if (d.basis().measure() == Measure.SCORE) return "a score of " + value(d, v);
        return value(d, v) + (v == 1 ? " point" : " points");
    }

    /** Points as published (146, 105.5), a score to the configured decimals. */
    static String value(InvitationDecision d, double v) {
        return value(d.invitation(), d.basis().measure(), v);
    }

    static String value(Invitation inv, Measure measure, double v) {
        if (measure == Measure.POINTS) return Scores.points(v);
        return Scores.format(v, decimals(inv));
    }

    static int decimals(Invitation inv) {
        if (inv.classification() instanceof CombinedTeamsClassification c) {
            CombinedRule rule = c.rule();
            return rule.decimals();
        }
        return 3;
    }
}
