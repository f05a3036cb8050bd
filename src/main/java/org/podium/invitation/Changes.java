package org.podium.invitation;

import org.podium.championship.InputDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed since an earlier notice of the same invitation: the results documents, the places and
 * figures of the entrants, and who leads.
 *
 * @param since        the notice compared with; null for an invitation's first notice
 * @param documents    documents added, amended or no longer counted, in the order of this notice's inputs
 *                     (calendar order), those no longer counted last
 * @param moves        entrants whose place or figure changed, among those in the first {@value #TOP} places
 *                     then or now, the previous recipient and the recipient now; in their order now,
 *                     those no longer placed last
 * @param leaderBefore the first eligible entrant at the earlier notice; null where there was none or
 *                     the notice did not record its standings
 * @param leaderNow    the first eligible entrant now; null where there is none
 */
public record Changes(NoticeRef since, List<DocumentChange> documents, List<Move> moves, String leaderBefore,
                      String leaderNow) {
    /** How many of the first places the moves look at. */
    public static final int TOP = 5;

    public Changes {
        documents = List.copyOf(documents);
        moves = List.copyOf(moves);
    }

    /** An invitation's first notice: nothing to compare with. */
    public static Changes first(InvitationDecision now) {
        return new Changes(null, List.of(), List.of(), null, now.basis().leader().map(Standing::name).orElse(null));
    }

    /** From the last notice published to the decision now. */
    public static Changes between(PublishedNotice last, InvitationDecision now) {
        Objects.requireNonNull(last, "last");
        return new Changes(last.ref(), documents(last.inputs(), now.inputs()), moves(last, now),
                last.standings().isEmpty() ? null : last.standings().get(0).name(),
                now.basis().leader().map(Standing::name).orElse(null));
    }

    public boolean leaderChanged() {
        return leaderBefore != null && !leaderBefore.equals(leaderNow);
    }

    static List<DocumentChange> documents(List<InputDocument> before, List<InputDocument> now) {
        Map<String, InputDocument> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(d.sessionKey(), d));
        List<DocumentChange> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (InputDocument d : now) {
            seen.add(d.sessionKey());
            InputDocument was = old.get(d.sessionKey());
            if (was == null) {
                out.add(new DocumentChange(DocumentChange.Kind.ADDED, null, d));
            } else if (!Objects.equals(was.sha256(), d.sha256()) || was.status() != d.status()) {
                out.add(new DocumentChange(DocumentChange.Kind.AMENDED, was, d));
            }
        }
        for (InputDocument was : old.values()) {
            if (!seen.contains(was.sessionKey())) out.add(new DocumentChange(DocumentChange.Kind.REMOVED, was, null));
        }
        return out;
    }

    static List<Move> moves(PublishedNotice last, InvitationDecision now) {
        if (last.standings().isEmpty()) return List.of();
        Invitation inv = now.invitation();
        Measure measure = now.basis().measure();
        Map<String, Standing> before = new LinkedHashMap<>();
        last.standings().forEach(s -> before.put(s.key(), s));
        Map<String, Standing> after = new LinkedHashMap<>();
        now.basis().standings().forEach(s -> after.put(s.key(), s));

        Set<String> watched = new LinkedHashSet<>();
        after.values().stream().filter(s -> s.position() <= TOP).forEach(s -> watched.add(s.key()));
        if (now.recipient() != null) watched.add(now.recipient().identity());
        watched.add(last.recipient().identity());
        before.values().stream().filter(s -> s.position() <= TOP).forEach(s -> watched.add(s.key()));

        List<Move> placed = new ArrayList<>();
        List<Move> gone = new ArrayList<>();
        for (String key : watched) {
            Standing b = before.get(key);
            Standing a = after.get(key);
            if (a == null && b == null) continue;
            boolean samePlace = a != null && b != null && a.position() == b.position()
                    && NoticeFigures.printed(inv, measure, a.value()).compareTo(NoticeFigures.printed(inv, measure, b.value())) == 0;
            if (samePlace) continue;
            Move m = new Move(key, a != null ? a.name() : b.name(), b == null ? null : b.position(),
                    a == null ? null : a.position(), b == null ? null : b.value(), a == null ? null : a.value());
            (a == null ? gone : placed).add(m);
        }
        placed.sort(java.util.Comparator.comparingInt(Move::newPosition));
        List<Move> out = new ArrayList<>(placed);
        out.addAll(gone);
        return out;
    }
}
