package org.podium.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.InputDocument;
import org.podium.combined.Scores;
import org.podium.combined.SeriesShare;
import org.podium.invitation.Basis;
import org.podium.invitation.Changes;
import org.podium.invitation.Condition;
import org.podium.invitation.Conditions;
import org.podium.invitation.DocumentChange;
import org.podium.invitation.Invitation;
import org.podium.invitation.Measure;
import org.podium.invitation.Move;
import org.podium.invitation.NoticeFigures;
import org.podium.invitation.NoticePlanner;
import org.podium.invitation.NoticeRef;
import org.podium.invitation.NoticeState;
import org.podium.invitation.PlannedNotice;
import org.podium.invitation.PublishedNotice;
import org.podium.invitation.Recipient;
import org.podium.invitation.SeriesRemaining;
import org.podium.invitation.Standing;
import org.podium.invitation.Withdrawal;
import org.podium.support.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A planned notice as a document: JSON ({@code "schema": "podium.invitation-notice/1"}) and the same
 * in Markdown for people. The time issued is the caller's, to the second, so that the same notice
 * always gives the same bytes.
 */
public final class NoticeDocument {
    public static final String SCHEMA = PublishedNotice.SCHEMA;
    private static final String COMMITTEE = "A notice states an entitlement to an invitation; the ACO Selection "
            + "Committee decides the entries.";
    private static final DateTimeFormatter PEOPLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private NoticeDocument() {}

    /** {@code notices/<invitation-id>/<nnn>-<state>.<extension>}, relative to the outbox: {@code 001-leader.json}. */
    public static String path(String invitationId, int seq, NoticeState state, String extension) {
        return "notices/" + invitationId + "/" + String.format(Locale.ROOT, "%03d", seq) + "-" + state.id() + "." + extension;
    }

    public static String path(PlannedNotice n, String extension) {
        return path(n.invitation().id(), n.seq(), n.state(), extension);
    }

    public static ObjectNode json(PlannedNotice n, Instant issued) {
        Objects.requireNonNull(issued, "issued");
        Invitation inv = n.invitation();
        Basis b = n.basis();
        String measure = b.measure().id();
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        ObjectNode invitation = root.putObject("invitation");
        invitation.put("id", inv.id());
        invitation.put("name", inv.name());
        invitation.put("event", inv.event());
        invitation.put("class", inv.entryClass());
        root.put("seq", n.seq());
        root.put("state", n.state().name());
        root.put("issued", issued.truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("recipient", recipient(n.recipient()));

        ObjectNode basis = root.putObject("basis");
        basis.put("classification", b.classification());
        putValue(basis, measure, inv, b.measure(), b.value());
        if (b.runnerUp() == null) {
            basis.putNull("runnerUp");
        } else {
            ObjectNode r = basis.putObject("runnerUp");
            r.put("name", b.runnerUp().name());
            putValue(r, measure, inv, b.measure(), b.runnerUp().value());
        }
        BigDecimal margin = NoticeFigures.margin(inv, b);
        if (margin == null) basis.putNull("margin"); else basis.put("margin", margin);
        ObjectNode rounds = basis.putObject("roundsRemaining");
        ObjectNode still = basis.putObject("maxStillAvailable");
        for (SeriesRemaining r : b.remaining()) {
            rounds.put(r.season().toString(), r.roundsRemaining());
            still.put(r.season().toString(), NoticeFigures.printed(inv, b.measure(), r.maxStillAvailable()));
        }
        if (!b.shares().isEmpty()) basis.set("shares", CombinedDocument.shares(b.shares(), NoticeFigures.decimals(inv)));
        ArrayNode standings = basis.putArray("standings");
        for (Standing s : b.standings()) {
            ObjectNode o = standings.addObject();
            o.put("position", s.position());
            o.put("name", s.name());
            o.put("key", s.key());
            o.put(measure, NoticeFigures.printed(inv, b.measure(), s.value()));
        }

        ArrayNode conditions = root.putArray("conditions");
        for (Condition c : n.conditions()) {
            ObjectNode o = conditions.addObject();
            o.put("id", c.id());
            o.put("name", c.name());
            o.put("met", c.met());
            o.put("detail", c.detail());
        }
        root.put("entitled", n.entitled());
        if (n.supersedes() == null) root.putNull("supersedes"); else root.put("supersedes", n.supersedes());
        root.set("changes", changes(n));
        root.set("withdrawal", withdrawal(n));
        root.set("inputs", CombinedDocument.inputs(n.inputs()));
        root.put("reason", n.reason());
        root.set("notes", Json.strings(n.notes()));
        return root;
    }

    private static ObjectNode recipient(Recipient r) {
        ObjectNode o = Json.object();
        o.put("team", r.team());
        o.put("key", r.identity());
        o.put("car", r.car());
        o.set("drivers", Json.strings(r.drivers()));
        return o;
    }

    private static ObjectNode ref(NoticeRef r) {
        ObjectNode o = Json.object();
        o.put("seq", r.seq());
        o.put("state", r.state().name());
        o.put("recipient", r.recipient());
        return o;
    }

    private static ObjectNode changes(PlannedNotice n) {
        Changes c = n.changes();
        Invitation inv = n.invitation();
        Measure m = n.basis().measure();
        ObjectNode o = Json.object();
        if (c.since() == null) o.putNull("since"); else o.set("since", ref(c.since()));
        ObjectNode leader = o.putObject("leader");
        leader.put("before", c.leaderBefore());
        leader.put("now", c.leaderNow());
        ArrayNode documents = o.putArray("documents");
        for (DocumentChange d : c.documents()) {
            ObjectNode x = documents.addObject();
            x.put("change", d.kind().id());
            x.put("sessionKey", d.sessionKey());
            x.put("event", d.document().event());
            x.put("session", d.document().session());
            x.put("document", d.document().document());
            x.put("oldVersion", d.oldVersion());
            x.put("newVersion", d.newVersion());
            x.put("oldSha256", d.before() == null ? null : d.before().sha256());
            x.put("newSha256", d.after() == null ? null : d.after().sha256());
            x.put("oldStatus", d.oldStatus() == null ? null : d.oldStatus().name());
            x.put("newStatus", d.newStatus() == null ? null : d.newStatus().name());
        }
        ArrayNode moves = o.putArray("moves");
        for (Move mv : c.moves()) {
            ObjectNode x = moves.addObject();
            x.put("name", mv.name());
            x.put("key", mv.key());
            x.put("oldPosition", mv.oldPosition());
            x.put("newPosition", mv.newPosition());
            x.put("old", mv.oldValue() == null ? null : NoticeFigures.printed(inv, m, mv.oldValue()));
            x.put("new", mv.newValue() == null ? null : NoticeFigures.printed(inv, m, mv.newValue()));
            if (mv.oldValue() == null || mv.newValue() == null) x.putNull("difference");
            else x.put("difference", NoticeFigures.difference(inv, m, mv.newValue(), mv.oldValue()));
        }
        return o;
    }

    private static ObjectNode withdrawal(PlannedNotice n) {
        Withdrawal w = n.withdrawal();
        if (w == null) return null;
        Invitation inv = n.invitation();
        Measure m = n.basis().measure();
        ObjectNode o = Json.object();
        o.set("withdraws", ref(w.withdraws()));
        if (w.standing() == null) {
            o.putNull("standing");
        } else {
            ObjectNode s = o.putObject("standing");
            s.put("position", w.standing().position());
            s.put(m.id(), NoticeFigures.printed(inv, m, w.standing().value()));
        }
        if (w.leader() == null || w.standing() == null || w.leader().key().equals(w.standing().key())) {
            o.putNull("behind");
        } else {
            ObjectNode s = o.putObject("behind");
            s.put("name", w.leader().name());
            s.put(m.id(), NoticeFigures.printed(inv, m, w.leader().value()));
            s.put("by", NoticeFigures.difference(inv, m, w.leader().value(), w.standing().value()));
        }
        if (w.newRecipient() == null) o.putNull("newRecipient"); else o.set("newRecipient", recipient(w.newRecipient()));
        if (w.followedBy() == null) o.putNull("followedBy"); else o.set("followedBy", ref(w.followedBy()));
        o.put("cause", NoticePlanner.cause(n.changes(), NoticePlanner.seriesNames(n.basis())));
        return o;
    }

    /** The JSON document as written to the outbox. */
    public static byte[] bytes(PlannedNotice n, Instant issued) {
        return Json.lines(json(n, issued));
    }

    public static String markdown(PlannedNotice n, Instant issued) {
        Objects.requireNonNull(issued, "issued");
        Invitation inv = n.invitation();
        Basis b = n.basis();
        Measure m = b.measure();
        Withdrawal w = n.withdrawal();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inv.name()).append(": notice ").append(n.seq()).append(", ").append(n.state().name())
                .append("\n\n");
        md.append("- Invitation: ").append(inv.event()).append(", ").append(inv.entryClass()).append(" (`")
                .append(inv.id()).append("`)\n");
        md.append("- Issued: ").append(PEOPLE_TIME.format(issued)).append("\n");
        md.append("- Supersedes: ").append(n.previous() == null ? "none (first notice)" : n.previous()).append("\n");
        if (w != null) {
            md.append("- Followed by: ").append(w.followedBy() == null ? "none: no eligible entrant is left"
                    : w.followedBy()).append("\n");
        }
        md.append("\n").append(n.reason()).append("\n\n");

        md.append(w == null ? "## Recipient\n\n" : "## Withdrawn from\n\n");
        md.append("- Team: ").append(n.recipient().team()).append("\n");
        if (n.recipient().car() != null) md.append("- Car: #").append(n.recipient().car()).append("\n");
        if (!n.recipient().drivers().isEmpty()) {
            md.append("- Drivers: ").append(String.join(", ", n.recipient().drivers())).append("\n");
        }
        md.append("- Entitled: ").append(n.entitled() ? "yes" : "no").append("\n");
        if (w != null) {
            md.append("- Standing now: ").append(w.standing() == null ? "not an eligible entrant"
                    : NoticeFigures.ordinal(w.standing().position()) + " with " + NoticeFigures.amount(inv, m, w.standing().value()))
                    .append("\n");
            if (w.leader() != null && w.standing() != null && !w.leader().key().equals(w.standing().key())) {
                md.append("- Behind: ").append(w.leader().name()).append(", first with ")
                        .append(NoticeFigures.amount(inv, m, w.leader().value())).append(", by ")
                        .append(NoticeFigures.text(inv, m, NoticeFigures.difference(inv, m, w.leader().value(),
                                w.standing().value()))).append("\n");
            }
            md.append("- New recipient: ").append(w.newRecipient() == null ? "none"
                    : w.newRecipient().display() + ", in notice " + w.followedBy().seq()).append("\n");
            md.append("- Cause: ").append(NoticePlanner.cause(n.changes(), NoticePlanner.seriesNames(b))).append("\n");
        }
        md.append("\n");

        changes(md, n);

        md.append("## Basis\n\n");
        // the outbox document it is decided on, which a reader can open
        String document = b.classification().startsWith("combined/") ? b.classification() + ".json"
                : "standings/" + b.classification() + ".json";
        md.append("- Decided on: `").append(document).append("` in the outbox\n");
        if (b.value() != null) {
            md.append("- ").append(capitalise(m.id())).append(": ").append(NoticeFigures.text(inv, m, b.value())).append("\n");
        }
        if (b.runnerUp() != null) {
            md.append("- Runner-up: ").append(b.runnerUp().name()).append(", ")
                    .append(NoticeFigures.text(inv, m, b.runnerUp().value())).append("\n");
            md.append("- Margin: ").append(NoticeFigures.text(inv, m, NoticeFigures.margin(inv, b))).append("\n");
        }
        for (SeriesRemaining r : b.remaining()) {
            md.append("- Still to run in the ").append(r.seriesName()).append(" ").append(r.season().season()).append(": ")
                    .append(r.roundsRemaining()).append(r.roundsRemaining() == 1 ? " round" : " rounds")
                    .append(", at most ").append(NoticeFigures.text(inv, m, r.maxStillAvailable())).append(" ")
                    .append(m == Measure.SCORE ? "share" : "points").append("\n");
        }
        if (!b.shares().isEmpty()) {
            int decimals = NoticeFigures.decimals(inv);
            md.append("\n| Series | Season | Team as entered | Best car | Points | Maximum | Share |\n");
            md.append("|---|---|---|---|---:|---:|---:|\n");
            for (SeriesShare s : b.shares()) {
                md.append("| ").append(cell(s.seriesName())).append(" | ").append(cell(s.season().season())).append(" | ")
                        .append(cell(s.team())).append(" | #").append(cell(s.carNumber())).append(" | ")
                        .append(Scores.points(s.points())).append(" | ").append(Scores.points(s.maxPoints())).append(" | ")
                        .append(Scores.format(s.share(), decimals)).append(" |\n");
            }
        }
        md.append("\n");

        md.append("## Conditions\n\n");
        if (n.conditions().isEmpty()) {
            md.append(w == null ? "None checked for this notice.\n\n" : "None checked: a withdrawal entitles no one.\n\n");
        } else {
            md.append("| Condition | Met | Detail |\n|---|---|---|\n");
            for (Condition c : n.conditions()) {
                md.append("| ").append(cell(c.name())).append(" | ").append(c.met() ? "yes" : "no").append(" | ")
                        .append(cell(c.detail())).append(" |\n");
            }
            md.append("\n");
        }
        md.append(COMMITTEE).append("\n\n");

        if (!n.notes().isEmpty()) {
            md.append("## Notes\n\n");
            for (String note : n.notes()) md.append("- ").append(note).append("\n");
            md.append("\n");
        }
        inputs(md, n);
        return md.toString();
    }

    /** What changed since the notice compared with: who leads, the documents, the places and figures. */
    private static void changes(StringBuilder md, PlannedNotice n) {
        Changes c = n.changes();
        Invitation inv = n.invitation();
        Measure m = n.basis().measure();
        Map<String, String> series = NoticePlanner.seriesNames(n.basis());
        if (c.since() == null) {
            md.append("## What changed\n\nFirst notice for this invitation: nothing to compare with.\n\n");
            return;
        }
        md.append("## What changed since notice ").append(c.since().seq()).append("\n\n");
        if (n.previous() != null && n.previous().seq() != c.since().seq()) {
            md.append("Notice ").append(n.previous().seq()).append(" withdrew notice ").append(c.since().seq())
                    .append(" for the same change; this notice is compared with notice ").append(c.since().seq())
                    .append(" (").append(c.since().state()).append(", ").append(c.since().recipient()).append(").\n\n");
        }
        if (c.leaderBefore() != null) {
            md.append("- Leader: ").append(c.leaderChanged()
                    ? c.leaderBefore() + " → " + (c.leaderNow() == null ? "none" : c.leaderNow())
                    : c.leaderNow() + ", unchanged").append("\n");
        } else if (c.leaderNow() != null) {
            md.append("- Leader now: ").append(c.leaderNow()).append("\n");
        }
        if (!c.since().recipient().equals(n.recipient().display()) && n.withdrawal() == null) {
            md.append("- Recipient: ").append(c.since().recipient()).append(" → ").append(n.recipient().display()).append("\n");
        }
        if (c.since().state() != n.state() && n.withdrawal() == null) {
            md.append("- State: ").append(c.since().state()).append(" → ").append(n.state()).append("\n");
        }
        md.append("\n");
        if (c.documents().isEmpty()) {
            md.append("No results document changed.\n\n");
        } else {
            md.append("| Session | Change | Version | Status | SHA-256 before | SHA-256 after |\n|---|---|---|---|---|---|\n");
            for (DocumentChange d : c.documents()) {
                md.append("| ").append(cell(NoticePlanner.label(d.document(), series))).append(" | ").append(d.kind().id())
                        .append(" | ").append(arrow(d.oldVersion() == null ? null : d.oldVersion().toString(),
                                d.newVersion() == null ? null : d.newVersion().toString(), d))
                        .append(" | ").append(arrow(d.oldStatus() == null ? null : d.oldStatus().name(),
                                d.newStatus() == null ? null : d.newStatus().name(), d))
                        .append(" | ").append(hash(d.before())).append(" | ").append(hash(d.after())).append(" |\n");
            }
            md.append("\n");
        }
        if (c.moves().isEmpty()) {
            md.append(c.leaderBefore() == null ? "" : "No place or figure changed among the first " + Changes.TOP
                    + " entrants.\n\n");
        } else {
            md.append("| ").append(n.recipient().car() == null ? "Team" : "Car").append(" | Position | ")
                    .append(capitalise(m.id())).append(" |\n|---|---|---|\n");
            for (Move mv : c.moves()) {
                String before = mv.oldPosition() == null ? "not eligible" : NoticeFigures.ordinal(mv.oldPosition());
                String after = mv.newPosition() == null ? "not eligible" : NoticeFigures.ordinal(mv.newPosition());
                String figure;
                if (mv.oldValue() == null) {
                    figure = NoticeFigures.text(inv, m, mv.newValue());
                } else if (mv.newValue() == null) {
                    figure = NoticeFigures.text(inv, m, mv.oldValue()) + " → none";
                } else {
                    figure = NoticeFigures.text(inv, m, mv.oldValue()) + " → " + NoticeFigures.text(inv, m, mv.newValue())
                            + " (" + NoticeFigures.signed(inv, m, NoticeFigures.difference(inv, m, mv.newValue(), mv.oldValue()))
                            + ")";
                }
                md.append("| ").append(cell(mv.name())).append(" | ")
                        .append(before.equals(after) ? after : before + " → " + after).append(" | ").append(figure)
                        .append(" |\n");
            }
            md.append("\n");
        }
    }

    private static String arrow(String before, String after, DocumentChange d) {
        return switch (d.kind()) {
            case ADDED -> after == null ? "" : after;
            case REMOVED -> before == null ? "" : before;
            case AMENDED -> Objects.equals(before, after) ? (after == null ? "" : after)
                    : (before == null ? "?" : before) + " → " + (after == null ? "?" : after);
        };
    }

    private static String hash(InputDocument d) {
        return d == null || d.sha256() == null ? "" : "`" + d.sha256() + "`";
    }

    /** The documents the notice was computed from, per deciding season, in calendar order. */
    private static void inputs(StringBuilder md, PlannedNotice n) {
        md.append("## Inputs\n\n");
        if (n.inputs().isEmpty()) {
            md.append("No results yet.\n");
            return;
        }
        Map<String, String> series = NoticePlanner.seriesNames(n.basis());
        Map<String, List<InputDocument>> bySeason = new LinkedHashMap<>();
        for (InputDocument d : n.inputs()) bySeason.computeIfAbsent(d.seasonPath(), k -> new ArrayList<>()).add(d);
        boolean first = true;
        for (Map.Entry<String, List<InputDocument>> e : bySeason.entrySet()) {
            if (!first) md.append("\n");
            first = false;
            md.append("### ").append(series.getOrDefault(e.getKey(), e.getKey())).append("\n\n");
            md.append("| Round | Session | Document | Version | Status | SHA-256 |\n|---|---|---|---:|---|---|\n");
            for (InputDocument d : e.getValue()) {
                String round = d.round() == 0 ? "" : d.round() + (d.event() == null ? "" : " " + d.event());
                md.append("| ").append(cell(round)).append(" | ").append(cell(d.session() == null ? d.sessionKey() : d.session()))
                        .append(" | ").append(cell(d.document())).append(" | ")
                        .append(d.version() == null ? "" : d.version()).append(" | ").append(d.status().name())
                        .append(" | ").append(hash(d)).append(" |\n");
            }
        }
    }

    private static void putValue(ObjectNode o, String field, Invitation inv, Measure measure, Double v) {
        if (v == null) o.putNull(field); else o.put(field, NoticeFigures.printed(inv, measure, v));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A Markdown table cell: a pipe would end it, a line break would end the row. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
