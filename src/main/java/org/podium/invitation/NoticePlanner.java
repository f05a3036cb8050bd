package org.podium.invitation;

import org.podium.championship.InputDocument;
import org.podium.model.SessionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *   <li>A LEADER decision while the classification counts no race result yet (qualifying alone): no
 *       notice, where the invitation says so ({@link Invitation#leaderAfterFirstRace()}).</li>
 * </ul>
 * The entitlement counts as a change: a recipient that stops meeting a condition must be told, even
 * with the state unchanged. Every notice says what changed since the last one published
 * ({@link Changes}); a withdrawal and the notice that follows it share theirs.
 */
public final class NoticePlanner {
    private NoticePlanner() {}

    public static List<PlannedNotice> plan(Optional<PublishedNotice> last, InvitationDecision now) {
        Objects.requireNonNull(now, "now");
        if (last.isPresent() && !last.get().invitationId().equals(now.invitation().id())) {
            throw new IllegalArgumentException("the last notice is of invitation " + last.get().invitationId()
                    + ", the decision of " + now.invitation().id());
        }
        boolean quiet = waitsForARace(now);
        if (last.isEmpty()) {
            return now.recipient() == null || quiet ? List.of() : List.of(notice(now, 1, null, Changes.first(now)));
        }
        PublishedNotice l = last.get();
        boolean settled = l.state() == NoticeState.CLINCHED || l.state() == NoticeState.CONFIRMED;
        Changes changes = Changes.between(l, now);
        if (now.recipient() == null) {
            return settled ? List.of(withdrawal(l, now, changes, null)) : List.of();
        }
        if (quiet && !settled) return List.of();
        if (l.state() == NoticeState.WITHDRAWN) return List.of(notice(now, l.seq() + 1, l.ref(), changes));
        boolean sameRecipient = l.recipient().identity().equals(now.recipient().identity());
        if (sameRecipient) {
            if (l.state() == now.state() && l.entitled() == now.entitled()) return List.of();
            return List.of(notice(now, l.seq() + 1, l.ref(), changes));
        }
        if (settled) {
            NoticeRef next = new NoticeRef(l.seq() + 2, now.state(), now.recipient().display());
            PlannedNotice withdrawn = withdrawal(l, now, changes, next);
            return List.of(withdrawn, notice(now, withdrawn.seq() + 1, withdrawn.ref(), changes));
        }
        return List.of(notice(now, l.seq() + 1, l.ref(), changes));
    }

    /**
     * Whether a LEADER decision waits for a race result before it is published: the invitation says
     * so and its classification counts qualifying results alone.
     */
    public static boolean waitsForARace(InvitationDecision d) {
        return d.state() == NoticeState.LEADER && d.invitation().leaderAfterFirstRace()
                && d.inputs().stream().noneMatch(i -> i.type() == SessionType.RACE);
    }

    private static PlannedNotice notice(InvitationDecision d, int seq, NoticeRef previous, Changes changes) {
        return new PlannedNotice(d.invitation(), seq, d.state(), d.recipient(), d.basis(), d.conditions(), d.entitled(),
                previous, d.inputs(), reason(d), d.notes(), changes, null);
    }

    /**
     * The withdrawal of the last notice: its recipient, with its figures and shares as they are now,
     * the entrant now first, and the notice that follows.
     */
    private static PlannedNotice withdrawal(PublishedNotice l, InvitationDecision now, Changes changes, NoticeRef next) {
        Basis b = now.basis();
        Standing own = b.standingOf(l.recipient().identity()).orElse(null);
        Standing leader = b.leader().orElse(null);
        Withdrawal w = new Withdrawal(l.ref(), own, leader, now.recipient(), next);
        Basis basis = new Basis(b.classification(), b.measure(), own == null ? null : own.value(), null, null,
                b.remaining(), own == null ? List.of() : own.shares(), b.standings());
        return new PlannedNotice(now.invitation(), l.seq() + 1, NoticeState.WITHDRAWN, l.recipient(), basis,
                List.of(), false, l.ref(), now.inputs(), withdrawalReason(now, w, changes), List.of(), changes, w);
    }

    /**
     * "Notice 6 (CLINCHED) to Phoenix Lótus Racing is withdrawn: after the amended Abu Dhabi Race 2 of the
     * Asian Le Mans Series 2023-24 (…), Kaiju Motorsports leads with a score of 1.541 and Phoenix Lótus
     * Racing is 2nd with a score of 1.457, 0.084 behind. Notice 8 (CONFIRMED) names Kaiju Motorsports."
     */
    static String withdrawalReason(InvitationDecision now, Withdrawal w, Changes changes) {
        Invitation inv = now.invitation();
        Measure m = now.basis().measure();
        String old = w.withdraws().recipient();
        StringBuilder s = new StringBuilder("Notice ").append(w.withdraws().seq()).append(" (")
                .append(w.withdraws().state()).append(") to ").append(old).append(" is withdrawn: after ")
                .append(cause(changes, seriesNames(now.basis()))).append(", ");
        Standing own = w.standing();
        Standing leader = w.leader();
        if (leader == null) {
            s.append("no eligible entrant is left.");
        } else if (own == null) {
            s.append(leader.name()).append(" leads with ").append(NoticeFigures.amount(inv, m, leader.value()))
                    .append(" and ").append(old).append(" is no longer an eligible entrant.");
        } else if (own.position() == 1) {
            s.append(old).append(" is still first with ").append(NoticeFigures.amount(inv, m, own.value()))
                    .append(" but is no longer the recipient.");
        } else {
            s.append(leader.name()).append(" leads with ").append(NoticeFigures.amount(inv, m, leader.value()))
                    .append(" and ").append(old).append(" is ").append(NoticeFigures.ordinal(own.position()))
                    .append(" with ").append(NoticeFigures.amount(inv, m, own.value())).append(", ")
                    .append(NoticeFigures.text(inv, m, NoticeFigures.difference(inv, m, leader.value(), own.value())))
                    .append(" behind.");
        }
        if (w.followedBy() != null) {
            s.append(" Notice ").append(w.followedBy().seq()).append(" (").append(w.followedBy().state())
                    .append(") names ").append(w.followedBy().recipient()).append(".");
        }
        return s.toString();
    }

    /**
     * What brought a change about, in words: "the amended Abu Dhabi Race 2 of the Asian Le Mans Series
     * 2023-24 (version 2, OFFICIAL, replacing version 1, PROVISIONAL)", new results, results no longer
     * counted; or, with the same documents, an adjustment or a change of configuration.
     */
    public static String cause(Changes changes, Map<String, String> seriesNames) {
        List<String> parts = new ArrayList<>();
        List<DocumentChange> amended = changes.documents().stream()
                .filter(c -> c.kind() == DocumentChange.Kind.AMENDED).toList();
        for (DocumentChange c : amended) {
            parts.add("the amended " + label(c.after(), seriesNames) + " (" + versions(c) + ")");
        }
        List<DocumentChange> added = changes.documents().stream()
                .filter(c -> c.kind() == DocumentChange.Kind.ADDED).toList();
        if (!added.isEmpty()) {
            List<String> names = added.stream().limit(3).map(c -> label(c.after(), seriesNames)).toList();
            parts.add((added.size() == 1 ? "the new result of " : "the new results of ") + String.join(", ", names)
                    + (added.size() > 3 ? " and " + (added.size() - 3) + " more" : ""));
        }
        for (DocumentChange c : changes.documents()) {
            if (c.kind() == DocumentChange.Kind.REMOVED) parts.add(label(c.before(), seriesNames) + " no longer counted");
        }
        if (parts.isEmpty()) return "a recomputation with the same results (an adjustment or a change of configuration)";
        return String.join(" and ", parts);
    }

    /** "version 2, OFFICIAL, replacing version 1, PROVISIONAL"; without versions where they are not known. */
    static String versions(DocumentChange c) {
        return side(c.newVersion(), c.after()) + ", replacing " + side(c.oldVersion(), c.before());
    }

    private static String side(Integer version, InputDocument d) {
        return (version == null ? "" : "version " + version + ", ") + d.status().name();
    }

    /** "Abu Dhabi Race 2 of the Asian Le Mans Series 2023-24"; the session key where the names are not known. */
    public static String label(InputDocument d, Map<String, String> seriesNames) {
        if (d.event() == null || d.session() == null) return d.sessionKey();
        String series = seriesNames.get(d.seasonPath());
        return d.event() + " " + d.session() + (series == null ? "" : " of the " + series);
    }

    /** The deciding seasons' names by {@code series/season}: "Asian Le Mans Series 2023-24". */
    public static Map<String, String> seriesNames(Basis b) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (SeriesRemaining r : b.remaining()) out.put(r.season().toString(), r.seriesName() + " " + r.season().season());
        return out;
    }

    private static String reason(InvitationDecision d) {
        Basis b = d.basis();
        Invitation inv = d.invitation();
        String who = d.recipient().display();
        String what = inv.name();
        BigDecimal margin = NoticeFigures.margin(inv, b);
        String lead = b.runnerUp() == null ? "the only eligible entrant"
                : NoticeFigures.text(inv, b.measure(), margin) + " ahead of " + b.runnerUp().name();
        String sentence = switch (d.state()) {
            case LEADER -> who + " leads for the " + what + " with " + NoticeFigures.amount(inv, b.measure(), b.value())
                    + ", " + lead
                    + (rounds(b).isEmpty() ? ", with every round run" : ", with " + rounds(b) + " still to run");
            case CLINCHED -> who + " can no longer be caught for the " + what + ": " + lead
                    + (b.maxStillAvailable() > 0
                    ? ", with at most " + (b.measure() == Measure.POINTS
                    ? NoticeFigures.amount(inv, b.measure(), b.maxStillAvailable())
                    : NoticeFigures.text(inv, b.measure(), b.maxStillAvailable())) + " still available"
                    : ", with every round run, to be confirmed when every result is official");
            case CONFIRMED -> who + " wins the " + what + " with " + NoticeFigures.amount(inv, b.measure(), b.value())
                    + (b.runnerUp() == null ? "" : ", " + lead) + ": every round is run and every result used is official";
            case WITHDRAWN -> throw new IllegalStateException("a decision is never WITHDRAWN");
        };
        if (!d.entitled()) {
            sentence += ", but is not entitled to the invitation: it "
                    + d.conditions().stream().filter(c -> !c.met()).map(c -> Conditions.unmet(c) + " (" + c.detail() + ")")
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
}
