package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.podium.outbox.ReportInputs.Document;
import org.podium.outbox.ReportInputs.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human-readable report ({@code outbox/report/index.html}): one static page with inline CSS and inline
 * SVG, no scripts and nothing loaded from anywhere, made from the outbox's JSON documents alone. Every text
 * from a feed is escaped; in tables it is also neutralised against spreadsheet formulas ({@link Html}).
 * The body depends only on the documents; the page around it carries the generated time and the body's
 * SHA-256, so an unchanged report need not be rewritten.
 */
public final class ReportPage {
    private ReportPage() {}

    /** How many entrants the points-progression chart follows. */
    static final int CHART_LINES = 5;

    private static final String HASH_META = "podium-content-sha256";
    private static final Pattern HASH = Pattern.compile("<meta name=\"" + HASH_META + "\" content=\"([0-9a-f]{64})\">");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The whole page. */
    public static String html(ReportInputs in, Instant generated) {
        String body = body(in);
        return document(body, Json.sha256(body.getBytes(StandardCharsets.UTF_8)), generated);
    }

    /** The page around a body: head, style, the header with the generated time. */
    public static String document(String body, String bodySha256, Instant generated) {
        return head(bodySha256, generated) + body + tail();
    }

    /** What comes before the body: head, style, the header with the generated time. */
    static String head(String bodySha256, Instant generated) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                // Even if some text slipped through unescaped, the page may run nothing and fetch nothing.
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "base-uri 'none'; form-action 'none'\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"" + HASH_META + "\" content=\"" + bodySha256 + "\">\n"
                + "<title>Podium report</title>\n<style>\n" + CSS + palette() + "</style>\n</head>\n<body>\n"
                + "<header class=\"top\"><div class=\"wrap\"><h1>Podium report</h1>\n"
                + "<p>Generated <time datetime=\"" + generated + "\">" + SHOWN.format(generated) + "</time>"
                + " from the outbox. The JSON documents it links to are the reference.</p>\n"
                + "<nav><a href=\"#invitations\">Invitations</a><a href=\"#combined\">Combined classification</a>"
                + "<a href=\"#standings\">Standings</a><a href=\"#rejected\">Rejected files</a></nav></div></header>\n";
    }

    /** What comes after the body. */
    static String tail() {
        return "<footer class=\"wrap\"><p>Podium writes this page after every publish. Team and driver names are shown "
                + "as the feeds spell them.</p></footer>\n</body>\n</html>\n";
    }

    /** The SHA-256 of the body of the report at {@code file}, or null when there is none. */
    public static String bodySha256(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            // the hash is in the head: the first few kilobytes, whatever the size of the page
            String head = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            Matcher m = HASH.matcher(head);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Everything that depends on the documents: the same inputs always give the same body. */
    public static String body(ReportInputs in) {
        StringBuilder out = new StringBuilder(64 * 1024);
        try {
            body(in, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the body to {@code out} a section and a season at a time: only one season's standings are in
     * memory at once, however many the outbox holds.
     */
    public static void body(ReportInputs in, Appendable out) throws IOException {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<main class=\"wrap\">\n");
        invitations(s, in.notices());
        combined(s, in.combined());
        standings(s, in, out);
        rejected(s, in.rejections(), in.rejectionsLeftOut());
        s.append("</main>\n");
        out.append(s);
    }

    // ---- invitations ------------------------------------------------------------------------------------

    private static void invitations(StringBuilder s, List<Document> notices) {
        s.append("<section id=\"invitations\"><h2>Le Mans invitations</h2>\n");
        Map<String, List<Document>> byInvitation = new LinkedHashMap<>();
        for (Document d : notices) {
            byInvitation.computeIfAbsent(d.json().path("invitation").path("id").asText(), k -> new ArrayList<>()).add(d);
        }
        if (byInvitation.isEmpty()) s.append("<p class=\"empty\">No invitation notice has been published yet.</p>\n");
        for (List<Document> history : byInvitation.values()) invitation(s, history);
        s.append("</section>\n");
    }

    private static void invitation(StringBuilder s, List<Document> history) {
        Document latestDoc = history.get(history.size() - 1);
        JsonNode latest = latestDoc.json();
        JsonNode inv = latest.path("invitation");
        String state = latest.path("state").asText();
        s.append("<article class=\"card\" id=\"").append(anchor("inv-" + inv.path("id").asText())).append("\">\n");
        s.append("<div class=\"card-head\"><h3>").append(Html.text(inv.path("name").asText())).append("</h3>")
                .append(badge(state)).append("</div>\n");
        s.append("<p class=\"meta\">").append(Html.text(inv.path("event").asText()));
        if (inv.hasNonNull("class")) s.append(" · ").append(Html.text(inv.path("class").asText()));
        s.append(" · <code>").append(Html.text(inv.path("id").asText())).append("</code> · latest notice ")
                .append(latest.path("seq").asInt()).append(", issued ").append(time(latest.path("issued").asText()))
                .append(" · ").append(link(latestDoc.path(), "JSON")).append("</p>\n");

        s.append("<p class=\"recipient\"><span class=\"label\">")
                .append(state.equals("WITHDRAWN") ? "Withdrawn from" : "Recipient").append("</span> ")
                .append(recipient(latest.path("recipient")));
        if (!state.equals("WITHDRAWN") && latest.has("entitled")) {
            s.append(latest.path("entitled").asBoolean() ? "" : " <span class=\"state s-withdrawn\">NOT ENTITLED</span>");
        }
        s.append("</p>\n");
        if (latest.hasNonNull("reason")) s.append("<p>").append(Html.text(latest.path("reason").asText())).append("</p>\n");
        basis(s, latest.path("basis"));

        JsonNode conditions = latest.path("conditions");
        if (conditions.isArray() && !conditions.isEmpty()) {
            s.append("<ul class=\"conditions\">");
            for (JsonNode c : conditions) {
                s.append("<li class=\"").append(c.path("met").asBoolean() ? "met" : "unmet").append("\"><strong>")
                        .append(Html.text(c.path("name").asText())).append("</strong>: ")
                        .append(Html.text(c.path("detail").asText())).append("</li>");
            }
            s.append("</ul>\n");
        }
        for (JsonNode note : latest.path("notes")) {
            s.append("<p class=\"note\">").append(Html.text(note.asText())).append("</p>\n");
        }

        s.append("<h4>Notice history</h4>\n<div class=\"scroll\"><table class=\"history stack\"><thead><tr><th class=\"n\">No.</th><th>State</th>"
                + "<th>Recipient</th><th>Issued</th><th>Why</th></tr></thead><tbody>\n");
        for (int i = history.size() - 1; i >= 0; i--) {
            Document d = history.get(i);
            JsonNode n = d.json();
            s.append("<tr><td class=\"n\">").append(link(d.path(), String.valueOf(n.path("seq").asInt()))).append("</td><td>")
                    .append(badge(n.path("state").asText())).append("</td><td>")
                    .append(recipientCell(n.path("recipient"))).append("</td><td>")
                    .append(time(n.path("issued").asText())).append("</td><td class=\"prose\">")
                    .append(Html.cell(n.path("reason").asText())).append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n</article>\n");
    }

    private static String recipient(JsonNode r) {
        StringBuilder s = new StringBuilder("<strong>").append(Html.text(r.path("team").asText())).append("</strong>");
        if (r.hasNonNull("car")) s.append(" #").append(Html.text(r.path("car").asText()));
        List<String> drivers = texts(r.path("drivers"));
        if (!drivers.isEmpty()) s.append(" <span class=\"muted\">(").append(Html.text(String.join(", ", drivers))).append(")</span>");
        return s.toString();
    }

    private static String recipientCell(JsonNode r) {
        String car = r.hasNonNull("car") ? " #" + r.path("car").asText() : "";
        return Html.cell(r.path("team").asText() + car);
    }

    private static void basis(StringBuilder s, JsonNode b) {
        if (b.isMissingNode() || b.isNull()) return;
        s.append("<dl class=\"facts\">");
        fact(s, "Classification", "<code>" + Html.text(b.path("classification").asText()) + "</code>");
        if (b.hasNonNull("score")) fact(s, "Score", number(b.path("score")));
        if (b.hasNonNull("points")) fact(s, "Points", number(b.path("points")));
        JsonNode ru = b.path("runnerUp");
        if (ru.isObject()) {
            JsonNode figure = ru.hasNonNull("score") ? ru.path("score") : ru.path("points");
            fact(s, "Runner-up", Html.text(ru.path("name").asText()) + (figure.isNumber() ? ", " + number(figure) : ""));
        }
        if (b.hasNonNull("margin")) fact(s, "Margin", number(b.path("margin")));
        JsonNode remaining = b.path("roundsRemaining");
        if (remaining.isObject() && !remaining.isEmpty()) {
            List<String> parts = new ArrayList<>();
            remaining.fields().forEachRemaining(f -> parts.add(Html.text(f.getKey()) + ": " + f.getValue().asInt()));
            fact(s, "Rounds to run", String.join(", ", parts));
        }
        s.append("</dl>\n");
    }

    private static void fact(StringBuilder s, String name, String valueHtml) {
        s.append("<dt>").append(name).append("</dt><dd>").append(valueHtml).append("</dd>");
    }

    // ---- combined classification -----------------------------------------------------------------------

    private static void combined(StringBuilder s, List<Document> docs) {
        s.append("<section id=\"combined\"><h2>Combined classification</h2>\n");
        if (docs.isEmpty()) s.append("<p class=\"empty\">No combined classification has been published yet.</p>\n");
        for (Document d : docs) combinedOne(s, d);
        s.append("</section>\n");
    }

    private static void combinedOne(StringBuilder s, Document doc) {
        JsonNode c = doc.json();
        int decimals = c.path("rule").path("decimals").asInt(3);
        List<JsonNode> seasons = list(c.path("seasons"));
        s.append("<article class=\"card\" id=\"").append(anchor("combined-" + c.path("id").asText())).append("\">\n");
        s.append("<div class=\"card-head\"><h3>").append(Html.text(c.path("name").asText())).append("</h3>")
                .append(badge(c.path("final").asBoolean() ? "FINAL" : "PROVISIONAL")).append("</div>\n");
        s.append("<p class=\"meta\">").append(Html.text(c.path("rule").path("teamScore").asText("")));
        s.append(" · <code>").append(Html.text(c.path("id").asText())).append("</code> · ").append(link(doc.path(), "JSON"))
                .append("</p>\n");

        s.append("<div class=\"scroll\"><table><thead><tr><th>Series</th><th>Season</th><th>Table</th><th>Status</th>"
                + "<th>Rounds run</th><th>Rounds to run</th><th class=\"n\">Max share still available</th></tr></thead><tbody>\n");
        for (JsonNode se : seasons) {
            s.append("<tr><td>").append(Html.cell(se.path("seriesName").asText(se.path("series").asText())))
                    .append("</td><td>").append(Html.cell(se.path("season").asText()))
                    .append("</td><td>").append(Html.cell(se.path("table").asText()))
                    .append("</td><td>").append(badge(se.path("status").asText()))
                    .append("</td><td>").append(rounds(se.path("roundsComplete")))
                    .append("</td><td>").append(rounds(se.path("roundsToRun")))
                    .append("</td><td class=\"n\">").append(fixed(se.path("maxShareStillAvailable"), decimals)).append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");

        s.append("<div class=\"scroll\"><table class=\"combined\"><thead><tr><th class=\"n\">Rank</th><th>Team</th>"
                + "<th class=\"n\">Score</th>");
        for (JsonNode se : seasons) {
            s.append("<th class=\"n\">").append(Html.text(se.path("seriesName").asText(se.path("series").asText())))
                    .append(" ").append(Html.text(se.path("season").asText())).append("</th>");
        }
        s.append("</tr></thead><tbody>\n");
        for (JsonNode row : c.path("classification")) {
            s.append("<tr><td class=\"n\">").append(rank(row)).append("</td><td>").append(Html.cell(row.path("team").asText()));
            if (row.hasNonNull("tieBreak")) s.append("<span class=\"sub\">").append(Html.cell(row.path("tieBreak").asText())).append("</span>");
            s.append("</td><td class=\"n\"><strong>").append(fixed(row.path("score"), decimals)).append("</strong></td>");
            for (JsonNode se : seasons) {
                JsonNode share = shareFor(row.path("series"), se);
                s.append("<td class=\"n\">");
                if (share == null) {
                    s.append("–");
                } else {
                    s.append(fixed(share.path("share"), decimals)).append("<span class=\"sub\">")
                            .append(number(share.path("points"))).append(" / ").append(number(share.path("maxPoints")))
                            .append(" · #").append(Html.cell(share.path("car").asText())).append(" ")
                            .append(Html.cell(share.path("team").asText())).append("</span>");
                }
                s.append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div>\n");

        List<JsonNode> nearMisses = list(c.path("nearMisses"));
        if (!nearMisses.isEmpty()) {
            s.append("<h4>Possibly the same entrant: add an alias</h4>\n<div class=\"scroll\"><table class=\"stack\"><thead><tr>"
                    + "<th>Team</th><th>In</th><th>Team</th><th>In</th><th>What to do</th></tr></thead><tbody>\n");
            for (JsonNode m : nearMisses) {
                JsonNode a = m.path("a");
                JsonNode b = m.path("b");
                s.append("<tr><td>").append(Html.cell(a.path("team").asText())).append("</td><td>")
                        .append(Html.cell(a.path("series").asText() + " " + a.path("season").asText())).append("</td><td>")
                        .append(Html.cell(b.path("team").asText())).append("</td><td>")
                        .append(Html.cell(b.path("series").asText() + " " + b.path("season").asText())).append("</td><td class=\"prose\">")
                        .append(Html.cell(m.path("message").asText())).append(": if they are one team, name both spellings in "
                                + "<code>config/aliases.yaml</code> (they differ by ").append(m.path("distance").asInt())
                        .append(m.path("distance").asInt() == 1 ? " letter)" : " letters)").append("</td></tr>\n");
            }
            s.append("</tbody></table></div>\n");
        }

        List<JsonNode> ineligible = list(c.path("ineligible"));
        if (!ineligible.isEmpty()) {
            s.append("<h4>Not eligible</h4>\n<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Team</th><th class=\"n\">Score</th>"
                    + "<th>Reason</th></tr></thead><tbody>\n");
            for (JsonNode t : ineligible) {
                s.append("<tr><td>").append(Html.cell(t.path("team").asText())).append("</td><td class=\"n\">")
                        .append(fixed(t.path("score"), decimals)).append("</td><td class=\"prose\">")
                        .append(Html.cell(t.path("reason").asText())).append("</td></tr>\n");
            }
            s.append("</tbody></table></div>\n");
        }
        warnings(s, c.path("warnings"));
        s.append("</article>\n");
    }

    private static JsonNode shareFor(JsonNode shares, JsonNode season) {
        for (JsonNode sh : shares) {
            if (sh.path("series").asText().equals(season.path("series").asText())
                    && sh.path("season").asText().equals(season.path("season").asText())) return sh;
        }
        return null;
    }

    // ---- standings -------------------------------------------------------------------------------------

    /** Writes what {@code s} holds so far, then each season as it is read; {@code s} is empty afterwards. */
    private static void standings(StringBuilder s, ReportInputs in, Appendable out) throws IOException {
        s.append("<section id=\"standings\"><h2>Standings</h2>\n");
        List<ReportInputs.Season> seasons = in.seasons();
        if (seasons.isEmpty()) s.append("<p class=\"empty\">No standings have been published yet.</p>\n");
        else {
            s.append("<p class=\"toc\">");
            for (ReportInputs.Season season : seasons) {
                s.append("<a href=\"#").append(anchor("season-" + season.key())).append("\">").append(Html.text(season.key())).append("</a>");
            }
            s.append("</p>\n");
        }
        out.append(s);
        s.setLength(0);
        for (ReportInputs.Season season : seasons) {
            List<Document> tables = in.load(season);
            if (tables.isEmpty()) continue;
            season(s, season.key(), tables);
            out.append(s);
            s.setLength(0);
        }
        s.append("</section>\n");
    }

    /** Drivers, then teams, then cars; overall before classes and cups. */
    private static final java.util.Comparator<Document> TABLE_ORDER = java.util.Comparator
            .comparingInt((Document d) -> order(List.of("drivers", "teams", "cars"), d.json().path("ranks").asText()))
            .thenComparingInt(d -> order(List.of("overall", "class", "cup"), d.json().path("scope").asText()))
            .thenComparing(d -> d.json().path("table").asText());

    private static int order(List<String> known, String value) {
        int i = known.indexOf(value);
        return i < 0 ? known.size() : i;
    }

    /** The table a season is summed up by: drivers overall, else the first drivers' table, else the first. */
    static Document mainTable(List<Document> tables) {
        for (Document d : tables) if (d.json().path("table").asText().equals("drivers-overall")) return d;
        for (Document d : tables) if (d.json().path("ranks").asText().equals("drivers")) return d;
        return tables.get(0);
    }

    private static void season(StringBuilder s, String key, List<Document> tables) {
        Document main = mainTable(tables);
        JsonNode m = main.json();
        TreeSet<Integer> rounds = new TreeSet<>(ints(m.path("roundsComplete")));
        rounds.addAll(ints(m.path("roundsToRun")));
        List<Integer> calendar = List.copyOf(rounds);

        s.append("<article class=\"card\" id=\"").append(anchor("season-" + key)).append("\">\n");
        s.append("<div class=\"card-head\"><h3>").append(Html.text(m.path("series").asText())).append(" <span class=\"muted\">")
                .append(Html.text(m.path("season").asText())).append("</span></h3>")
                .append(badge(m.path("status").asText().toUpperCase(java.util.Locale.ROOT))).append("</div>\n");
        s.append("<p class=\"meta\">Rounds run: ").append(rounds(m.path("roundsComplete"))).append(" · rounds to run: ")
                .append(rounds(m.path("roundsToRun"))).append(" · ").append(tables.size()).append(" table(s)</p>\n");

        List<PointsChart.Line> lines = chartLines(m);
        if (!lines.isEmpty()) {
            String title = "Points after each round: the top " + lines.size() + " of " + m.path("table").asText();
            s.append("<figure>").append(PointsChart.svg(m.path("series").asText() + " " + m.path("season").asText() + ": "
                    + title, calendar, lines));
            s.append("<figcaption><ul class=\"legend\">");
            for (int i = 0; i < lines.size(); i++) {
                s.append("<li><span class=\"sw c").append(i).append("\"></span>").append(Html.text(lines.get(i).label())).append("</li>");
            }
            s.append("</ul>").append(Html.text(title)).append("</figcaption></figure>\n");
        }

        table(s, main, true);
        tables.stream().filter(t -> t != main).sorted(TABLE_ORDER).forEach(t -> table(s, t, false));
        s.append("</article>\n");
    }

    /**
     * The first {@link #CHART_LINES} entrants of a table with their points after each round. A crew shares
     * a car and so a history: in a drivers' table, consecutive rows of one car with one history are one line.
     */
    static List<PointsChart.Line> chartLines(JsonNode table) {
        boolean drivers = table.path("ranks").asText().equals("drivers");
        List<PointsChart.Line> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode previous = null;
        List<PointsChart.Point> previousPoints = null;
        for (JsonNode row : table.path("rows")) {
            if (row.path("excluded").asBoolean()) continue;
            List<PointsChart.Point> points = new ArrayList<>();
            for (JsonNode h : row.path("history")) points.add(new PointsChart.Point(h.path("round").asInt(), h.path("points").asDouble()));
            JsonNode entrant = row.path("entrant");
            if (drivers && previous != null && points.equals(previousPoints)
                    && entrant.path("carNumber").asText("").equals(previous.path("carNumber").asText(""))
                    && entrant.path("team").asText("").equals(previous.path("team").asText(""))) {
                names.add(entrant.path("name").asText());
                lines.set(lines.size() - 1, new PointsChart.Line(label(names, previous, drivers), points));
                continue;
            }
            if (lines.size() == CHART_LINES) break;
            names = new ArrayList<>(List.of(entrant.path("name").asText()));
            lines.add(new PointsChart.Line(label(names, entrant, drivers), points));
            previous = entrant;
            previousPoints = points;
        }
        return lines;
    }

    private static String label(List<String> names, JsonNode entrant, boolean drivers) {
        String label = String.join(" / ", names);
        if (drivers && entrant.hasNonNull("team")) {
            label += " (" + (entrant.hasNonNull("carNumber") ? "#" + entrant.path("carNumber").asText() + " " : "")
                    + entrant.path("team").asText() + ")";
        } else if (!drivers && entrant.hasNonNull("carNumber") && entrant.hasNonNull("team")) {
            label += " " + entrant.path("team").asText();
        }
        return label;
    }

    private static void table(StringBuilder s, Document doc, boolean open) {
        JsonNode t = doc.json();
        String ranks = t.path("ranks").asText();
        // Rounds run, and any round with a result so far (a 24-hour race scores at 6 and 12 hours too).
        TreeSet<Integer> rounds = new TreeSet<>(ints(t.path("roundsComplete")));
        Map<Integer, String> events = new TreeMap<>();
        for (JsonNode row : t.path("rows")) {
            for (JsonNode r : row.path("rounds")) {
                rounds.add(r.path("round").asInt());
                if (r.hasNonNull("event")) events.putIfAbsent(r.path("round").asInt(), r.path("event").asText());
            }
        }

        s.append("<details").append(open ? " open" : "").append("><summary>").append(Html.text(t.path("table").asText()))
                .append(" <span class=\"muted\">").append(Html.text(t.path("status").asText())).append(", ")
                .append(t.path("rows").size()).append(" ").append(Html.text(ranks)).append("</span></summary>\n");
        s.append("<div class=\"scroll\"><table class=\"standings\"><caption>").append(Html.text(t.path("series").asText()))
                .append(" ").append(Html.text(t.path("season").asText())).append(" ").append(Html.text(t.path("table").asText()))
                .append(": ").append(Html.text(t.path("status").asText())).append(", rounds to run: ").append(rounds(t.path("roundsToRun")))
                .append(" · ").append(link(doc.path(), "JSON")).append("</caption>\n<thead><tr><th class=\"n\">Pos</th>");
        switch (ranks) {
            case "drivers" -> s.append("<th>Driver</th><th>Team</th><th>Car</th>");
            case "cars" -> s.append("<th>Car</th><th>Team</th><th>Drivers</th>");
            default -> s.append("<th>Team</th>");
        }
        for (int r : rounds) {
            s.append("<th class=\"n\"");
            if (events.containsKey(r)) s.append(" title=\"").append(Html.text(events.get(r))).append("\"");
            s.append(">R").append(r).append("</th>");
        }
        s.append("<th class=\"n\">Points</th></tr></thead><tbody>\n");
        for (JsonNode row : t.path("rows")) {
            JsonNode e = row.path("entrant");
            boolean excluded = row.path("excluded").asBoolean();
            s.append(excluded ? "<tr class=\"excluded\">" : "<tr>").append("<td class=\"n\">")
                    .append(excluded ? "–" : rank(row)).append("</td>");
            switch (ranks) {
                case "drivers" -> s.append("<td>").append(Html.cell(e.path("name").asText())).append(notes(row)).append("</td><td>")
                        .append(Html.cell(e.path("team").asText())).append("</td><td>").append(car(e)).append("</td>");
                case "cars" -> s.append("<td>").append(car(e)).append(notes(row)).append("</td><td>")
                        .append(Html.cell(e.path("team").asText())).append("</td><td>")
                        .append(Html.cell(String.join(", ", texts(e.path("drivers"))))).append("</td>");
                default -> s.append("<td>").append(Html.cell(e.path("name").asText())).append(notes(row)).append("</td>");
            }
            Map<Integer, JsonNode> byRound = new TreeMap<>();
            for (JsonNode r : row.path("rounds")) byRound.put(r.path("round").asInt(), r);
            for (int r : rounds) {
                JsonNode rd = byRound.get(r);
                s.append("<td class=\"n\">").append(rd == null ? "<span class=\"muted\">–</span>" : number(rd.path("points"))).append("</td>");
            }
            s.append("<td class=\"n\"><strong>").append(number(row.path("points"))).append("</strong></td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
        warnings(s, t.path("warnings"));
        s.append("</details>\n");
    }

    private static String car(JsonNode entrant) {
        if (!entrant.hasNonNull("carNumber")) return Html.cell(entrant.path("car").asText(""));
        String number = "#" + entrant.path("carNumber").asText();
        return Html.cell(number) + (entrant.hasNonNull("car") ? " <span class=\"muted model\">" + Html.cell(entrant.path("car").asText()) + "</span>" : "");
    }

    /** Why a row reads as it does: a shared place, an adjustment, an exclusion. */
    private static String notes(JsonNode row) {
        List<String> notes = new ArrayList<>();
        if (row.path("excluded").asBoolean()) notes.add("excluded");
        for (JsonNode a : row.path("adjustments")) notes.add(a.path("reason").asText());
        if (notes.isEmpty()) return "";
        return "<span class=\"sub\">" + Html.cell(String.join("; ", notes)) + "</span>";
    }

    // ---- rejected files --------------------------------------------------------------------------------

    private static void rejected(StringBuilder s, List<Rejection> rejections, int leftOut) {
        s.append("<section id=\"rejected\"><h2>Rejected files</h2>\n");
        if (rejections.isEmpty()) {
            s.append("<p class=\"empty\">No file has been rejected.</p>\n</section>\n");
            return;
        }
        s.append("<p class=\"meta\">Each file is kept unchanged in <code>inbox/.failed/</code> with a report beside it "
                + "(<code>&lt;file&gt;.error.json</code>). Newest first.</p>\n");
        s.append("<div class=\"scroll\"><table class=\"rejected stack\"><thead><tr><th>File</th><th>Rejected</th><th>What failed</th>"
                + "<th>What to do</th></tr></thead><tbody>\n");
        for (Rejection r : rejections) {
            JsonNode rep = r.report();
            String file = rep.path("file").asText();
            s.append("<tr><td class=\"prose file\">").append(Html.cell(file)).append("<span class=\"sub\">")
                    .append(r.keptAs().equals(".failed/" + file) ? "kept in inbox/.failed/" : "kept as inbox/" + Html.text(r.keptAs()))
                    .append("</span></td><td>")
                    .append(time(rep.path("rejectedAt").asText())).append("</td><td class=\"prose\" data-label=\"What failed\">")
                    .append(Html.cell(rep.path("error").path("message").asText()));
            List<JsonNode> problems = list(rep.path("problems"));
            if (!problems.isEmpty()) {
                s.append("<ul class=\"problems\">");
                for (JsonNode p : problems) s.append("<li>").append(Html.cell(problem(p))).append("</li>");
                s.append("</ul>");
            }
            s.append("</td><td class=\"prose\" data-label=\"What to do\">").append(Html.cell(rep.path("whatToDo").asText()))
                    .append("</td></tr>\n");
        }
        s.append("</tbody></table></div>\n");
        if (leftOut > 0) {
            s.append("<p class=\"meta\">").append(leftOut).append(" older rejected file(s) are not listed here; their reports are in "
                    + "<code>inbox/.failed/</code>.</p>\n");
        }
        s.append("</section>\n");
    }

    private static String problem(JsonNode p) {
        List<String> where = new ArrayList<>();
        if (p.hasNonNull("line")) where.add("line " + p.path("line").asInt());
        if (p.hasNonNull("column")) where.add("column " + p.path("column").asInt());
        if (p.hasNonNull("field")) where.add("field " + p.path("field").asText());
        String message = p.path("message").asText();
        return where.isEmpty() ? message : String.join(", ", where) + ": " + message;
    }

    // ---- small pieces ----------------------------------------------------------------------------------

    private static void warnings(StringBuilder s, JsonNode warnings) {
        List<String> w = texts(warnings);
        if (w.isEmpty()) return;
        s.append("<ul class=\"warnings\">");
        for (String text : w) s.append("<li>").append(Html.text(text)).append("</li>");
        s.append("</ul>\n");
    }

    private static String badge(String state) {
        String css = state.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        return "<span class=\"state s-" + css + "\">" + Html.text(state) + "</span>";
    }

    private static String rank(JsonNode row) {
        if (!row.hasNonNull("rank")) return "–";
        return row.path("rank").asInt() + (row.path("shared").asBoolean() ? "=" : "");
    }

    /** A link to an outbox document from {@code report/index.html}; paths that are not plain are not linked. */
    private static String link(String outboxPath, String text) {
        if (outboxPath == null || !SAFE_PATH.matcher(outboxPath).matches() || outboxPath.contains("..")) return "";
        return "<a href=\"../" + Html.text(outboxPath) + "\">" + Html.text(text) + "</a>";
    }

    private static String anchor(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String time(String iso) {
        try {
            return "<time datetime=\"" + Html.text(iso) + "\">" + SHOWN.format(Instant.parse(iso)) + "</time>";
        } catch (DateTimeParseException e) {
            return Html.text(iso);
        }
    }

    private static String rounds(JsonNode array) {
        List<Integer> r = ints(array);
        if (r.isEmpty()) return "none";
        StringBuilder s = new StringBuilder();
        // Runs of consecutive rounds read better as ranges: 1–4, 6.
        for (int i = 0; i < r.size(); ) {
            int j = i;
            while (j + 1 < r.size() && r.get(j + 1) == r.get(j) + 1) j++;
            if (!s.isEmpty()) s.append(", ");
            s.append(r.get(i));
            if (j > i) s.append(j == i + 1 ? ", " : "–").append(r.get(j));
            i = j + 1;
        }
        return s.toString();
    }

    /** A number as the document gives it, without trailing zeros: 166, 107.5. */
    static String number(JsonNode n) {
        if (!n.isNumber()) return Html.text(n.asText("–"));
        BigDecimal d = n.decimalValue().stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A score or share to the classification's decimals: 0.810. */
    static String fixed(JsonNode n, int decimals) {
        if (!n.isNumber()) return Html.text(n.asText("–"));
        return n.decimalValue().setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asInt());
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n);
        return out;
    }

    private static String palette() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < PointsChart.PALETTE.size(); i++) {
            s.append(".c").append(i).append("{background:").append(PointsChart.PALETTE.get(i)).append("}");
        }
        return s.append('\n').toString();
    }

    private static final String CSS = """
            :root{--fg:#1d232a;--muted:#5b6570;--line:#dde2e7;--bg:#f4f6f8;--card:#fff;--head:#14213d}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
            .wrap{max-width:1120px;margin:0 auto;padding:0 16px}
            header.top{background:var(--head);color:#fff;padding:20px 0 14px}
            header.top h1{margin:0 0 4px;font-size:1.6rem;letter-spacing:.01em}
            header.top p{margin:0;color:#c9d3e0;font-size:.9rem}
            nav{margin-top:12px;display:flex;flex-wrap:wrap;gap:6px 18px}
            nav a{color:#fff;font-weight:600;text-decoration:none;border-bottom:2px solid #fca311}
            h2{margin:32px 0 12px;font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:4px}
            h3{margin:0;font-size:1.1rem}
            h4{margin:18px 0 6px;font-size:.95rem}
            a{color:#0b5cad}
            code{font-size:.85em;background:#eef1f4;padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
            .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
            .card-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;justify-content:space-between}
            .meta{color:var(--muted);font-size:.85rem;margin:4px 0 10px}
            .muted{color:var(--muted);font-weight:normal}
            .label{display:inline-block;min-width:6em;color:var(--muted)}
            .recipient{font-size:1.05rem;margin:8px 0}
            .note{background:#fff8e6;border-left:3px solid #e6a700;padding:6px 10px;font-size:.9rem}
            .state{display:inline-block;padding:2px 10px;border-radius:999px;font-size:.72rem;font-weight:700;letter-spacing:.05em;background:#e6e9ed;color:#333;white-space:nowrap}
            .s-confirmed,.s-final{background:#dff3e4;color:#11612b}
            .s-clinched{background:#dcecf9;color:#0b4f8a}
            .s-leader,.s-provisional{background:#fff1d6;color:#7a4b00}
            .s-withdrawn{background:#fbe3e1;color:#9b1c1c}
            .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:6px 0}
            table{border-collapse:collapse;width:100%;font-size:.86rem;font-variant-numeric:tabular-nums}
            caption{text-align:left;color:var(--muted);font-size:.8rem;padding:2px 0 6px}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top;white-space:nowrap}
            td.prose{white-space:normal;min-width:16em}
            td.file{overflow-wrap:anywhere;min-width:14em}
            th{font-weight:600;color:var(--muted);white-space:nowrap;border-bottom-width:2px}
            td.n,th.n{text-align:right;white-space:nowrap}
            tbody tr:nth-child(even){background:#f9fafb}
            tr.excluded td{color:var(--muted)}
            .sub{display:block;color:var(--muted);font-size:.78rem;font-weight:normal}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0;font-size:.9rem}
            dt{color:var(--muted)}
            dd{margin:0}
            ul.conditions,ul.problems,ul.warnings{padding-left:0;list-style:none;margin:8px 0;font-size:.88rem}
            ul.problems{margin:4px 0 0;color:var(--muted)}
            ul.warnings li{color:#7a4b00}
            .met::before{content:"\\2713  ";color:#11612b;font-weight:700}
            .unmet::before{content:"\\2717  ";color:#9b1c1c;font-weight:700}
            .toc{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9rem}
            figure{margin:10px 0 14px}
            svg.chart{width:100%;height:auto;max-height:340px;display:block}
            svg.chart .grid{stroke:#e3e7eb;stroke-width:1}
            svg.chart text{font-size:12px;fill:#5b6570}
            figcaption{font-size:.8rem;color:var(--muted)}
            ul.legend{list-style:none;padding:0;margin:6px 0 4px;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.85rem;color:var(--fg)}
            .sw{display:inline-block;width:16px;height:4px;border-radius:2px;margin-right:6px;vertical-align:middle}
            details{margin:10px 0 0;border-top:1px solid var(--line);padding-top:8px}
            summary{cursor:pointer;font-weight:600}
            .empty{color:var(--muted);font-style:italic}
            footer p{color:var(--muted);font-size:.8rem;margin:24px 0 32px}
            @media (max-width:640px){
            body{font-size:14px}
            .wrap{padding:0 10px}
            .card{padding:12px 10px;border-radius:6px}
            th,td{padding:5px 6px}
            .model{display:none}
            table.stack thead{display:none}
            table.stack tr{display:block;padding:6px 0;border-bottom:1px solid var(--line)}
            table.stack td{display:inline-block;border:0;padding:2px 10px 2px 0;white-space:normal}
            table.stack td.prose{display:block;min-width:0}
            table.stack td.n{text-align:left}
            table.stack td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
            svg.chart text{font-size:22px}
            svg.chart polyline{stroke-width:4}
            svg.chart circle{r:5}
            header.top h1{font-size:1.35rem}
            }
            """;
}
