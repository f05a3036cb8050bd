package org.podium.invitation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.InputDocument;
import org.podium.combined.CombinedDocument;
import org.podium.combined.Json;
import org.podium.combined.Scores;
import org.podium.combined.SeriesShare;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A planned notice as a document: JSON ({@code "schema": "podium.invitation-notice/1"}) and the same
 * in Markdown for people. The time issued is the caller's, so that the same notice always gives the
 * same bytes.
 */
public final class NoticeDocument {
    public static final String SCHEMA = "podium.invitation-notice/1";
    private static final String COMMITTEE = "A notice states an entitlement to an invitation; the ACO Selection "
            + "Committee decides the entries.";

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
        root.put("issued", issued.toString());
        ObjectNode recipient = root.putObject("recipient");
        recipient.put("team", n.recipient().team());
        recipient.put("key", n.recipient().identity());
        recipient.put("car", n.recipient().car());
        recipient.set("drivers", Json.strings(n.recipient().drivers()));

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
        putValue(basis, "margin", inv, b.measure(), b.margin());
        ObjectNode rounds = basis.putObject("roundsRemaining");
        ObjectNode still = basis.putObject("maxStillAvailable");
        for (SeriesRemaining r : b.remaining()) {
            rounds.put(r.season().toString(), r.roundsRemaining());
            still.put(r.season().toString(), number(inv, b.measure(), r.maxStillAvailable()));
        }
        if (!b.shares().isEmpty()) basis.set("shares", CombinedDocument.shares(b.shares(), NoticePlanner.decimals(inv)));

        ArrayNode conditions = root.putArray("conditions");
        for (Condition c : n.conditions()) {
            ObjectNode o = conditions.addObject();
            o.put("name", c.name());
            o.put("met", c.met());
            o.put("detail", c.detail());
        }
        root.put("entitled", n.entitled());
        if (n.supersedes() == null) root.putNull("supersedes"); else root.put("supersedes", n.supersedes());
        root.set("inputs", Json.inputs(n.inputs()));
        root.put("reason", n.reason());
        root.set("notes", Json.strings(n.notes()));
        return root;
    }

    /** The JSON document as written to the outbox. */
    public static byte[] bytes(PlannedNotice n, Instant issued) {
        return Json.bytes(json(n, issued));
    }

    public static String markdown(PlannedNotice n, Instant issued) {
        Objects.requireNonNull(issued, "issued");
        Invitation inv = n.invitation();
        Basis b = n.basis();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inv.name()).append(": notice ").append(n.seq()).append(", ").append(n.state().name())
                .append("\n\n");
        md.append("- Invitation: ").append(inv.event()).append(", ").append(inv.entryClass()).append(" (`")
                .append(inv.id()).append("`)\n");
        md.append("- Issued: ").append(issued).append("\n");
        md.append("- Supersedes: ").append(n.supersedes() == null ? "none (first notice)" : "notice " + n.supersedes())
                .append("\n\n");
        md.append(n.reason()).append("\n\n");

        md.append("## Recipient\n\n");
        md.append("- Team: ").append(n.recipient().team()).append("\n");
        if (n.recipient().car() != null) md.append("- Car: #").append(n.recipient().car()).append("\n");
        if (!n.recipient().drivers().isEmpty()) {
            md.append("- Drivers: ").append(String.join(", ", n.recipient().drivers())).append("\n");
        }
        md.append("- Entitled: ").append(n.entitled() ? "yes" : "no").append("\n\n");

        String measure = b.measure().id();
        md.append("## Basis\n\n");
        md.append("- Classification: `").append(b.classification()).append("`\n");
        if (b.value() != null) {
            md.append("- ").append(capitalise(measure)).append(": ").append(text(inv, b.measure(), b.value())).append("\n");
        }
        if (b.runnerUp() != null) {
            md.append("- Runner-up: ").append(b.runnerUp().name()).append(", ")
                    .append(text(inv, b.measure(), b.runnerUp().value())).append("\n");
            md.append("- Margin: ").append(text(inv, b.measure(), b.margin())).append("\n");
        }
        for (SeriesRemaining r : b.remaining()) {
            md.append("- Still to run in the ").append(r.seriesName()).append(" ").append(r.season().season()).append(": ")
                    .append(r.roundsRemaining()).append(r.roundsRemaining() == 1 ? " round" : " rounds")
                    .append(", at most ").append(text(inv, b.measure(), r.maxStillAvailable())).append(" ")
                    .append(measure.equals("score") ? "share" : measure).append("\n");
        }
        if (!b.shares().isEmpty()) {
            int decimals = NoticePlanner.decimals(inv);
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
            md.append("None checked for this notice.\n\n");
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
        md.append("## Inputs\n\n");
        if (n.inputs().isEmpty()) {
            md.append("No results yet.\n");
        } else {
            md.append("| Session | Document | Status | SHA-256 |\n|---|---|---|---|\n");
            for (InputDocument d : n.inputs()) {
                md.append("| ").append(cell(d.sessionKey())).append(" | ").append(cell(d.document())).append(" | ")
                        .append(d.status().name()).append(" | `").append(d.sha256() == null ? "" : d.sha256()).append("` |\n");
            }
        }
        return md.toString();
    }

    private static void putValue(ObjectNode o, String field, Invitation inv, Measure measure, Double v) {
        if (v == null) o.putNull(field); else o.put(field, number(inv, measure, v));
    }

    private static BigDecimal number(Invitation inv, Measure measure, double v) {
        return measure == Measure.POINTS ? Json.points(v) : Scores.round(v, NoticePlanner.decimals(inv));
    }

    private static String text(Invitation inv, Measure measure, double v) {
        return NoticePlanner.value(inv, measure, v);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A Markdown table cell: a pipe would end it, a line break would end the row. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
