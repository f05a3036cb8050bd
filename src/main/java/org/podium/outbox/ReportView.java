package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.podium.outbox.ReportInputs.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the report's templates ({@code src/main/jte/report/}) show, read out of the outbox's JSON documents:
 * each text as it is to be read (the templates escape it), each figure formatted, each link checked. Feed
 * text in table cells is neutralised against spreadsheet formulas ({@link Html#neutralise}) and stripped of
 * control characters here; escaping is the templates' (HTML content type).
 */
public final class ReportView {
    private ReportView() {}

    /** How many entrants the points-progression chart follows. */
    static final int CHART_LINES = 5;
    /** How many rows of its deciding table an invitation shows (and the recipient's, when below them). */
    static final int EXCERPT_ROWS = 5;

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    // ---- what the templates read --------------------------------------------------------------------------

    /** What comes before the body. */
    public record Head(String bodySha256, Time generated) {}

    /** A link from {@code report/index.html}: to an outbox document ({@code ../…}) or to a place on the page. */
    public record Link(String href, String text) {}

    /** A moment: {@code iso} for the {@code datetime} attribute, {@code shown} to read; null when there is none. */
    public record Time(String iso, String shown) {}

    /** A table cell: its text and, muted beside it, a detail (a car's model); either may be empty. */
    public record Cell(String text, String detail) {}

    public record Body(Summary summary, List<Invitation> invitations, List<Combined> combined, List<Link> seasonIndex,
                       Iterable<Season> seasons, List<Feed> feeds, List<Rejection> rejections, int rejectionsLeftOut,
                       List<Target> deliveries) {}

    /** The line under the header: how the feeds are and how many files were rejected. */
    public record Summary(String feeds, boolean feedsFailing, int rejected) {}

    public record Invitation(String anchor, String name, String state, String meta, String id, int seq, Time issued, Link json,
                             String recipientLabel, Recipient recipient, boolean notEntitled, String reason,
                             List<Fact> facts, List<Condition> conditions, List<String> notes, Decided decided,
                             List<HistoryRow> history) {}

    public record Recipient(String team, String car, String drivers) {}

    /** One line of a notice's basis; {@code link}, when there is one, is what the value points to. */
    public record Fact(String name, String value, Link link) {}

    public record Condition(boolean met, String name, String detail) {}

    public record HistoryRow(Link seq, String state, String recipient, Time issued, String why) {}

    /**
     * The table an invitation is decided on, as its card shows it: the first rows, the recipient's row, a
     * chart, and the way to the whole table.
     *
     * @param table     the whole table on this page
     * @param chart     its points after each round (standings), or null
     * @param bars      its scores as each season's share (combined classification), or null
     */
    public record Decided(String title, String status, Link table, Link json, String entrantHeader, String figureHeader,
                          List<ExcerptRow> rows, int rowsInTable, PointsChart.Chart chart, ShareBars bars) {}

    public record ExcerptRow(String rank, String entrant, String detail, String figure, boolean recipient) {}

    /** Horizontal bars: each team's score as the sum of its seasons' shares. Geometry as in {@link PointsChart}. */
    public record ShareBars(String title, int width, int height, List<Bar> bars, List<Legend> legend) {}

    /** {@code labelY}: the name's baseline above the bar; the score is drawn at {@code scoreX}, beside the bar. */
    public record Bar(String label, String labelY, String score, String scoreX, List<Segment> segments) {
        public String barMiddle() {
            return segments.isEmpty() ? labelY : PointsChart.num(Double.parseDouble(segments.get(0).y()) + Double.parseDouble(segments.get(0).height()) / 2);
        }
    }

    public record Segment(String x, String y, String width, String height, String colour, String title) {}

    public record Legend(String colour, String label) {}

    public record Combined(String anchor, String name, String state, String teamScore, String id, Link json,
                           List<Link> decides, List<CombinedSeason> seasons, List<String> shareHeaders,
                           List<CombinedRow> rows, List<NearMiss> nearMisses, List<Ineligible> ineligible,
                           List<String> warnings) {}

    public record CombinedSeason(String series, String season, Link table, String status, String roundsRun,
                                 String roundsToRun, String maxShare) {}

    public record CombinedRow(String rank, String team, String tieBreak, String score, List<Share> shares) {}

    /** A season's share of a team's score; {@code share} null when the team has none there. */
    public record Share(String share, String detail) {}

    public record NearMiss(String teamA, String inA, String teamB, String inB, String message, String distance) {}

    public record Ineligible(String team, String score, String reason) {}

    public record Season(String anchor, String series, String season, String status, String roundsRun, String roundsToRun,
                         int tableCount, PointsChart.Chart chart, String chartTitle, List<Table> tables,
                         List<SessionRound> sessions) {}

    /** A standings table; {@code decides} links to the invitations decided on it. */
    public record Table(String anchor, String name, String status, String ranks, int rowCount, boolean open, List<Link> decides,
                        String caption, Link json, String entrantHeader, List<String> otherHeaders, List<RoundHead> rounds,
                        List<Row> rows, List<String> warnings) {}

    /** A round's column: "R4" and the event, shown (not a tooltip). */
    public record RoundHead(String label, String event) {}

    /**
     * @param under      what the columns a narrow screen hides would say, as a line under the entrant
     * @param others     the other entrant columns (team, car, drivers)
     * @param rounds     points per round, null where the entrant has none
     */
    public record Row(boolean excluded, String rank, Cell entrant, String notes, String under, List<Cell> others,
                      List<String> rounds, String points) {}

    /** A round's session result documents. */
    public record SessionRound(String round, String event, List<SessionLink> sessions) {}

    /** {@code status} is shown when it is not OFFICIAL. */
    public record SessionLink(String href, String text, String status) {}

    public record Feed(String id, String series, String kind, String state, Time lastPoll, String outcome, Time lastSuccess,
                       String problem, Time problemAt, Time nextPoll, String breaker) {}

    /** A webhook target as the report shows it; {@code state} is ok, backlog or dead letters. */
    public record Target(String id, String url, String kinds, String state, long pending, Time oldestPending, long dead,
                         List<DeadLetter> deadLetters, String breaker) {}

    public record DeadLetter(String eventId, int attempts, String lastError, Time lastAttempt) {}

    public record Rejection(String file, String kept, Time rejected, String message, List<String> problems, String whatToDo) {}

    // ---- reading the documents ----------------------------------------------------------------------------

    public static Head head(String bodySha256, Instant generated) {
        return new Head(bodySha256, new Time(generated.toString(), SHOWN.format(generated)));
    }

    /** The body's view; the seasons are read one at a time as the template goes through them. */
    public static Body body(ReportInputs in) {
        Deciders deciders = deciders(in);
        List<Invitation> invitations = invitations(in);
        List<Combined> combined = in.combined().stream().map(d -> combined(d, deciders)).toList();
        List<Link> index = in.seasons().stream()
                .map(s -> new Link("#" + anchor("season-" + s.key()), plain(s.key()))).toList();
        Iterable<Season> seasons = () -> new Iterator<>() {
            private final Iterator<ReportInputs.Season> next = in.seasons().iterator();
            private Season ahead = advance();

            private Season advance() {
                while (next.hasNext()) {
                    ReportInputs.Season s = next.next();
                    List<Document> tables = in.load(s);
                    if (!tables.isEmpty()) return season(s, tables, in.resultFiles(s), deciders);
                }
                return null;
            }

            @Override public boolean hasNext() { return ahead != null; }

            @Override public Season next() {
                if (ahead == null) throw new java.util.NoSuchElementException();
                Season s = ahead;
                ahead = advance();
                return s;
            }
        };
        List<Feed> feeds = in.feeds().stream().map(ReportView::feed).toList();
        List<Rejection> rejections = in.rejections().stream().map(ReportView::rejection).toList();
        return new Body(summary(feeds, in.rejections().size() + in.rejectionsLeftOut()), invitations, combined, index,
                seasons, feeds, rejections, in.rejectionsLeftOut(), in.deliveries().stream().map(ReportView::target).toList());
    }

    private static Summary summary(List<Feed> feeds, int rejected) {
        String text;
        boolean failing = feeds.stream().anyMatch(f -> f.state().equals("failing"));
        if (feeds.isEmpty()) text = "no feed configured";
        else {
            long bad = feeds.stream().filter(f -> f.state().equals("failing")).count();
            text = feeds.size() + (feeds.size() == 1 ? " feed" : " feeds") + ": "
                    + (bad == 0 ? "none failing" : bad + " failing");
        }
        return new Summary(text, failing, rejected);
    }

    // ---- which table decides which invitation ---------------------------------------------------------------

    /**
     * The invitations each classification decides: from each invitation's latest notice
     * ({@code basis.classification}: {@code <series>/<season>/<table>} or {@code combined/<id>}), and the
     * tables each combined classification is made of.
     */
    record Deciders(Map<String, List<Link>> byTable, Map<String, Link> invitationOf) {
        List<Link> of(String key) { return byTable.getOrDefault(key, List.of()); }
    }

    private static Deciders deciders(ReportInputs in) {
        Map<String, List<Link>> byTable = new LinkedHashMap<>();
        Map<String, Link> invitationOf = new LinkedHashMap<>();
        for (List<Document> history : byInvitation(in.notices()).values()) {
            JsonNode latest = history.get(history.size() - 1).json();
            JsonNode inv = latest.path("invitation");
            String classification = latest.path("basis").path("classification").asText("");
            if (classification.isEmpty()) continue;
            Link link = new Link("#" + anchor("inv-" + inv.path("id").asText()), plain(inv.path("name").asText(inv.path("id").asText())));
            byTable.computeIfAbsent(classification, k -> new ArrayList<>()).add(link);
            invitationOf.put(classification, link);
        }
        for (Document d : in.combined()) {
            List<Link> decides = byTable.getOrDefault("combined/" + d.json().path("id").asText(), List.of());
            for (JsonNode se : d.json().path("seasons")) {
                String key = se.path("series").asText() + "/" + se.path("season").asText() + "/" + se.path("table").asText();
                for (Link l : decides) {
                    List<Link> list = byTable.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!list.contains(l)) list.add(l);
                }
            }
        }
        return new Deciders(byTable, invitationOf);
    }

    // ---- invitations ------------------------------------------------------------------------------------

    private static Map<String, List<Document>> byInvitation(List<Document> notices) {
        Map<String, List<Document>> by = new LinkedHashMap<>();
        for (Document d : notices) by.computeIfAbsent(d.json().path("invitation").path("id").asText(), k -> new ArrayList<>()).add(d);
        return by;
    }

    private static List<Invitation> invitations(ReportInputs in) {
        List<Invitation> out = new ArrayList<>();
        for (List<Document> history : byInvitation(in.notices()).values()) out.add(invitation(in, history));
        return out;
    }

    private static Invitation invitation(ReportInputs in, List<Document> history) {
        Document latestDoc = history.get(history.size() - 1);
        JsonNode latest = latestDoc.json();
        JsonNode inv = latest.path("invitation");
        String state = latest.path("state").asText();
        String id = inv.path("id").asText();
        StringBuilder meta = new StringBuilder(plain(inv.path("event").asText()));
        if (inv.hasNonNull("class")) meta.append(" · ").append(plain(inv.path("class").asText()));
        JsonNode r = latest.path("recipient");
        List<String> drivers = texts(r.path("drivers"));
        Recipient recipient = new Recipient(plain(r.path("team").asText()), r.hasNonNull("car") ? plain(r.path("car").asText()) : null,
                drivers.isEmpty() ? null : plain(String.join(", ", drivers)));
        boolean withdrawn = state.equals("WITHDRAWN");
        boolean notEntitled = !withdrawn && latest.has("entitled") && !latest.path("entitled").asBoolean();

        JsonNode basis = latest.path("basis");
        List<Fact> facts = facts(basis);
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : latest.path("conditions")) {
            conditions.add(new Condition(c.path("met").asBoolean(), plain(c.path("name").asText()), plain(c.path("detail").asText())));
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            Document d = history.get(i);
            JsonNode n = d.json();
            JsonNode nr = n.path("recipient");
            rows.add(new HistoryRow(link(d.path(), String.valueOf(n.path("seq").asInt())), n.path("state").asText(),
                    cell(nr.path("team").asText() + (nr.hasNonNull("car") ? " #" + nr.path("car").asText() : "")),
                    time(n.path("issued").asText()), cell(n.path("reason").asText())));
        }
        return new Invitation(anchor("inv-" + id), plain(inv.path("name").asText()), state, meta.toString(), plain(id),
                latest.path("seq").asInt(), time(latest.path("issued").asText()), link(latestDoc.path(), "JSON"), withdrawn ? "Withdrawn from" : "Recipient", recipient, notEntitled,
                latest.hasNonNull("reason") ? plain(latest.path("reason").asText()) : null, facts, conditions,
                texts(latest.path("notes")).stream().map(ReportView::plain).toList(),
                decided(in, basis.path("classification").asText(""), r), rows);
    }

    private static List<Fact> facts(JsonNode b) {
        List<Fact> facts = new ArrayList<>();
        if (b.isMissingNode() || b.isNull()) return facts;
        String classification = b.path("classification").asText();
        facts.add(new Fact("Classification", plain(classification), new Link("#" + tableAnchor(classification), plain(classification))));
        if (b.hasNonNull("score")) facts.add(new Fact("Score", number(b.path("score")), null));
        if (b.hasNonNull("points")) facts.add(new Fact("Points", number(b.path("points")), null));
        JsonNode ru = b.path("runnerUp");
        if (ru.isObject()) {
            JsonNode figure = ru.hasNonNull("score") ? ru.path("score") : ru.path("points");
            facts.add(new Fact("Runner-up", plain(ru.path("name").asText()) + (figure.isNumber() ? ", " + number(figure) : ""), null));
        }
        if (b.hasNonNull("margin")) facts.add(new Fact("Margin", number(b.path("margin")), null));
        JsonNode remaining = b.path("roundsRemaining");
        if (remaining.isObject() && !remaining.isEmpty()) {
            List<String> parts = new ArrayList<>();
            remaining.fields().forEachRemaining(f -> parts.add(plain(f.getKey()) + ": " + f.getValue().asInt()));
            facts.add(new Fact("Rounds to run", String.join(", ", parts), null));
        }
        return facts;
    }

    /** Where a classification named as a notice names it ({@code gtwc-europe/2023/cars-bronze}, {@code combined/<id>}) is on the page. */
    static String tableAnchor(String classification) {
        return classification.startsWith("combined/") ? anchor("combined-" + classification.substring("combined/".length()))
                : anchor("table-" + classification);
    }

    /** The deciding table's excerpt for the invitation card, or null when the outbox does not hold that table. */
    private static Decided decided(ReportInputs in, String classification, JsonNode recipient) {
        if (classification.isEmpty()) return null;
        if (classification.startsWith("combined/")) {
            String id = classification.substring("combined/".length());
            for (Document d : in.combined()) {
                if (d.json().path("id").asText().equals(id)) return decidedCombined(d, classification, recipient);
            }
            return null;
        }
        String[] parts = classification.split("/");
        if (parts.length != 3) return null;
        Document doc = in.table(parts[0], parts[1], parts[2]);
        if (doc == null) return null;
        JsonNode t = doc.json();
        String ranks = t.path("ranks").asText();
        List<ExcerptRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode row : t.path("rows")) {
            n++;
            boolean isRecipient = isRecipient(row.path("entrant"), recipient);
            if (rows.size() < EXCERPT_ROWS || isRecipient) {
                JsonNode e = row.path("entrant");
                String entrant = switch (ranks) {
                    case "cars" -> carNumber(e);
                    default -> e.path("name").asText();
                };
                String detail = switch (ranks) {
                    case "cars", "drivers" -> e.path("team").asText("");
                    default -> "";
                };
                rows.add(new ExcerptRow(row.path("excluded").asBoolean() ? "–" : rank(row), cell(entrant), cell(detail),
                        number(row.path("points")), isRecipient));
            }
            if (rows.size() >= EXCERPT_ROWS && rows.stream().anyMatch(ExcerptRow::recipient)) break;
        }
        List<PointsChart.Line> lines = chartLines(t);
        PointsChart.Chart chart = lines.isEmpty() ? null : PointsChart.chart(
                plain(t.path("series").asText() + " " + t.path("season").asText() + " " + t.path("table").asText())
                        + ": points after each round, the top " + lines.size(), calendar(t), events(t), lines);
        return new Decided(plain(t.path("series").asText() + " " + t.path("season").asText() + " " + t.path("table").asText()),
                t.path("status").asText().toUpperCase(Locale.ROOT), new Link("#" + tableAnchor(classification), "Whole table"),
                link(doc.path(), "JSON"), entrantHeader(ranks), "Points", rows, t.path("rows").size(), chart, null);
    }

    private static Decided decidedCombined(Document doc, String classification, JsonNode recipient) {
        JsonNode c = doc.json();
        int decimals = c.path("rule").path("decimals").asInt(3);
        List<ExcerptRow> rows = new ArrayList<>();
        String team = recipient.path("team").asText(null);
        for (JsonNode row : c.path("classification")) {
            boolean isRecipient = team != null && team.equals(row.path("team").asText());
            if (rows.size() < EXCERPT_ROWS || isRecipient) {
                rows.add(new ExcerptRow(rank(row), cell(row.path("team").asText()), "", fixed(row.path("score"), decimals), isRecipient));
            }
        }
        return new Decided(plain(c.path("name").asText(c.path("id").asText())), c.path("final").asBoolean() ? "FINAL" : "PROVISIONAL",
                new Link("#" + tableAnchor(classification), "Whole classification"), link(doc.path(), "JSON"), "Team", "Score",
                rows, c.path("classification").size(), null, shareBars(c, decimals));
    }

    /** A standings row is the recipient's when the car (if the notice names one) and the team match. */
    private static boolean isRecipient(JsonNode entrant, JsonNode recipient) {
        if (!recipient.isObject()) return false;
        String team = recipient.path("team").asText(null);
        if (team == null || !team.equals(entrant.path("team").asText(null))) return false;
        if (recipient.hasNonNull("car")) return recipient.path("car").asText().equals(entrant.path("carNumber").asText(null));
        return true;
    }

    static final int BARS_WIDTH = 640;
    private static final int BAR_PITCH = 56;
    private static final int BAR_HEIGHT = 18;
    private static final int BAR_RIGHT = BARS_WIDTH - 70;

    /**
     * The first rows of a combined classification as stacked bars, one segment per season's share: each
     * team's name above its bar, its score after it.
     */
    static ShareBars shareBars(JsonNode c, int decimals) {
        List<JsonNode> seasons = list(c.path("seasons"));
        List<JsonNode> rows = list(c.path("classification"));
        rows = rows.subList(0, Math.min(EXCERPT_ROWS, rows.size()));
        if (rows.isEmpty() || seasons.isEmpty() || seasons.size() > PointsChart.PALETTE.size()) return null;
        double max = rows.stream().mapToDouble(r -> r.path("score").asDouble()).max().orElse(0);
        double scale = max <= 0 ? 0 : BAR_RIGHT / max;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int top = i * BAR_PITCH;
            double x = 0;
            List<Segment> segments = new ArrayList<>();
            for (int s = 0; s < seasons.size(); s++) {
                JsonNode share = shareFor(row.path("series"), seasons.get(s));
                if (share == null) continue;
                double w = Math.max(0, share.path("share").asDouble()) * scale;
                segments.add(new Segment(PointsChart.num(x), String.valueOf(top + 30), PointsChart.num(w), String.valueOf(BAR_HEIGHT),
                        PointsChart.PALETTE.get(s), plain(seasonName(seasons.get(s)) + ": " + fixed(share.path("share"), decimals))));
                x += w;
            }
            bars.add(new Bar(plain(rank(row) + " " + row.path("team").asText()), String.valueOf(top + 22),
                    fixed(row.path("score"), decimals), PointsChart.num(x + 6), segments));
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < seasons.size(); s++) legend.add(new Legend(PointsChart.PALETTE.get(s), plain(seasonName(seasons.get(s)))));
        return new ShareBars(plain(c.path("name").asText()) + ": each team's score as the sum of its seasons' shares",
                BARS_WIDTH, rows.size() * BAR_PITCH, bars, legend);
    }

    private static String seasonName(JsonNode se) {
        return se.path("seriesName").asText(se.path("series").asText()) + " " + se.path("season").asText();
    }

    // ---- combined classification -----------------------------------------------------------------------

    private static Combined combined(Document doc, Deciders deciders) {
        JsonNode c = doc.json();
        int decimals = c.path("rule").path("decimals").asInt(3);
        List<JsonNode> seasons = list(c.path("seasons"));
        String id = c.path("id").asText();
        List<CombinedSeason> seasonRows = new ArrayList<>();
        List<String> shareHeaders = new ArrayList<>();
        for (JsonNode se : seasons) {
            String key = se.path("series").asText() + "/" + se.path("season").asText() + "/" + se.path("table").asText();
            seasonRows.add(new CombinedSeason(cell(se.path("seriesName").asText(se.path("series").asText())),
                    cell(se.path("season").asText()), new Link("#" + tableAnchor(key), cell(se.path("table").asText())),
                    se.path("status").asText(), rounds(se.path("roundsComplete")), rounds(se.path("roundsToRun")),
                    fixed(se.path("maxShareStillAvailable"), decimals)));
            shareHeaders.add(plain(seasonName(se)));
        }
        List<CombinedRow> rows = new ArrayList<>();
        for (JsonNode row : c.path("classification")) {
            List<Share> shares = new ArrayList<>();
            for (JsonNode se : seasons) {
                JsonNode share = shareFor(row.path("series"), se);
                shares.add(share == null ? new Share(null, null) : new Share(fixed(share.path("share"), decimals),
                        number(share.path("points")) + " / " + number(share.path("maxPoints")) + " · #"
                                + cell(share.path("car").asText()) + " " + cell(share.path("team").asText())));
            }
            rows.add(new CombinedRow(rank(row), cell(row.path("team").asText()),
                    row.hasNonNull("tieBreak") ? cell(row.path("tieBreak").asText()) : null, fixed(row.path("score"), decimals),
                    shares));
        }
        List<NearMiss> nearMisses = new ArrayList<>();
        for (JsonNode m : c.path("nearMisses")) {
            JsonNode a = m.path("a");
            JsonNode b = m.path("b");
            int distance = m.path("distance").asInt();
            nearMisses.add(new NearMiss(cell(a.path("team").asText()), cell(a.path("series").asText() + " " + a.path("season").asText()),
                    cell(b.path("team").asText()), cell(b.path("series").asText() + " " + b.path("season").asText()),
                    cell(m.path("message").asText()), distance + (distance == 1 ? " letter" : " letters")));
        }
        List<Ineligible> ineligible = new ArrayList<>();
        for (JsonNode t : c.path("ineligible")) {
            ineligible.add(new Ineligible(cell(t.path("team").asText()), fixed(t.path("score"), decimals), cell(t.path("reason").asText())));
        }
        return new Combined(anchor("combined-" + id), plain(c.path("name").asText()), c.path("final").asBoolean() ? "FINAL" : "PROVISIONAL",
                plain(c.path("rule").path("teamScore").asText("")), plain(id), link(doc.path(), "JSON"),
                deciders.of("combined/" + id), seasonRows, shareHeaders, rows, nearMisses, ineligible,
                texts(c.path("warnings")).stream().map(ReportView::plain).toList());
    }

    private static JsonNode shareFor(JsonNode shares, JsonNode season) {
        for (JsonNode sh : shares) {
            if (sh.path("series").asText().equals(season.path("series").asText())
                    && sh.path("season").asText().equals(season.path("season").asText())) return sh;
        }
        return null;
    }

    // ---- standings -------------------------------------------------------------------------------------

    /** Drivers, then teams, then cars; overall before classes and cups. */
    static final Comparator<Document> TABLE_ORDER = Comparator
            .comparingInt((Document d) -> order(List.of("drivers", "teams", "cars"), d.json().path("ranks").asText()))
            .thenComparingInt(d -> order(List.of("overall", "class", "cup"), d.json().path("scope").asText()))
            .thenComparing(d -> d.json().path("table").asText());

    private static int order(List<String> known, String value) {
        int i = known.indexOf(value);
        return i < 0 ? known.size() : i;
    }

    private static String key(JsonNode table) {
        return table.path("series").asText() + "/" + table.path("season").asText() + "/" + table.path("table").asText();
    }

    /**
     * The table a season is summed up by (shown first, open, and charted): the one an invitation is decided
     * on, else drivers overall, else the first drivers' table, else the first.
     */
    static Document mainTable(List<Document> tables, java.util.function.Predicate<Document> decides) {
        List<Document> deciding = tables.stream().filter(decides).sorted(TABLE_ORDER).toList();
        if (!deciding.isEmpty()) return deciding.get(0);
        for (Document d : tables) if (d.json().path("table").asText().equals("drivers-overall")) return d;
        for (Document d : tables) if (d.json().path("ranks").asText().equals("drivers")) return d;
        return tables.get(0);
    }

    private static Season season(ReportInputs.Season s, List<Document> tables, List<String> resultFiles, Deciders deciders) {
        java.util.function.Predicate<Document> decides = d -> !deciders.of(key(d.json())).isEmpty();
        Document main = mainTable(tables, decides);
        JsonNode m = main.json();
        List<PointsChart.Line> lines = chartLines(m);
        String chartTitle = null;
        PointsChart.Chart chart = null;
        if (!lines.isEmpty()) {
            chartTitle = "Points after each round: the top " + lines.size() + " of " + plain(m.path("table").asText());
            chart = PointsChart.chart(plain(m.path("series").asText() + " " + m.path("season").asText()) + ": " + chartTitle,
                    calendar(m), events(m), lines);
        }
        List<Table> out = new ArrayList<>();
        out.add(table(main, true, deciders));
        tables.stream().filter(t -> t != main).sorted(TABLE_ORDER).forEach(t -> out.add(table(t, decides.test(t), deciders)));
        return new Season(anchor("season-" + s.key()), plain(m.path("series").asText()), plain(m.path("season").asText()),
                m.path("status").asText().toUpperCase(Locale.ROOT), rounds(m.path("roundsComplete")), rounds(m.path("roundsToRun")),
                tables.size(), chart, chartTitle, out, sessions(s, resultFiles, m));
    }

    /** The season's calendar: the rounds run and to run. */
    private static List<Integer> calendar(JsonNode t) {
        TreeSet<Integer> rounds = new TreeSet<>(ints(t.path("roundsComplete")));
        rounds.addAll(ints(t.path("roundsToRun")));
        for (JsonNode row : t.path("rows")) for (JsonNode r : row.path("rounds")) rounds.add(r.path("round").asInt());
        return List.copyOf(rounds);
    }

    /** Each round's event as the table's rows name it. */
    static Map<Integer, String> events(JsonNode t) {
        Map<Integer, String> events = new TreeMap<>();
        for (JsonNode row : t.path("rows")) {
            for (JsonNode r : row.path("rounds")) {
                if (r.hasNonNull("event")) events.putIfAbsent(r.path("round").asInt(), plain(r.path("event").asText()));
            }
        }
        return events;
    }

    /**
     * The season's session result documents by round, named as their files are ({@code 04-race-after-6-hours.json}:
     * round 4, "Race after 6 hours"), with the status the standings read them in.
     */
    private static List<SessionRound> sessions(ReportInputs.Season s, List<String> files, JsonNode main) {
        Map<Integer, String> events = events(main);
        Map<String, String> status = new TreeMap<>();
        for (JsonNode i : main.path("inputs")) status.put(i.path("sessionKey").asText(), i.path("status").asText());
        Map<Integer, List<SessionLink>> byRound = new TreeMap<>();
        for (String file : files) {
            java.util.regex.Matcher f = Pattern.compile("(\\d+)-(.+)\\.json").matcher(file);
            if (!f.matches()) continue;
            int round = Integer.parseInt(f.group(1));
            String slug = f.group(2);
            Link link = link("results/" + s.series() + "/" + s.season() + "/" + file, file);
            if (link == null) continue;
            String text = slug.replace('-', ' ');
            text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
            String st = status.getOrDefault(s.series() + "/" + s.season() + "/" + f.group(1) + "/" + slug, "");
            byRound.computeIfAbsent(round, k -> new ArrayList<>())
                    .add(new SessionLink(link.href(), plain(text), st.isEmpty() || st.equals("OFFICIAL") ? null : plain(st)));
        }
        List<SessionRound> out = new ArrayList<>();
        // "Race after 6 hours" before "Race after 12 hours"
        Comparator<SessionLink> natural = Comparator.comparing(l -> Pattern.compile("\\d+").matcher(l.text())
                .replaceAll(m -> String.format("%09d", Long.parseLong(m.group().length() > 9 ? m.group().substring(0, 9) : m.group()))));
        byRound.forEach((round, links) -> out.add(new SessionRound("R" + round, events.getOrDefault(round, ""),
                links.stream().sorted(natural).toList())));
        return out;
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
        return plain(label);
    }

    private static String entrantHeader(String ranks) {
        return switch (ranks) {
            case "drivers" -> "Driver";
            case "cars" -> "Car";
            default -> "Team";
        };
    }

    private static Table table(Document doc, boolean open, Deciders deciders) {
        JsonNode t = doc.json();
        String ranks = t.path("ranks").asText();
        // Rounds run, and any round with a result so far (a 24-hour race scores at 6 and 12 hours too).
        TreeSet<Integer> rounds = new TreeSet<>(ints(t.path("roundsComplete")));
        for (JsonNode row : t.path("rows")) for (JsonNode r : row.path("rounds")) rounds.add(r.path("round").asInt());
        Map<Integer, String> events = events(t);
        List<RoundHead> heads = rounds.stream().map(r -> new RoundHead("R" + r, events.getOrDefault(r, ""))).toList();
        List<String> otherHeaders = switch (ranks) {
            case "drivers" -> List.of("Team", "Car");
            case "cars" -> List.of("Team", "Drivers");
            default -> List.of();
        };
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : t.path("rows")) {
            JsonNode e = row.path("entrant");
            boolean excluded = row.path("excluded").asBoolean();
            Cell entrant;
            List<Cell> others;
            String under;
            switch (ranks) {
                case "drivers" -> {
                    entrant = new Cell(cell(e.path("name").asText()), "");
                    others = List.of(new Cell(cell(e.path("team").asText()), ""), car(e));
                    under = cell(e.path("team").asText()) + (e.hasNonNull("carNumber") ? " " + cell(carNumber(e)) : "");
                }
                case "cars" -> {
                    entrant = car(e);
                    others = List.of(new Cell(cell(e.path("team").asText()), ""), new Cell(cell(String.join(", ", texts(e.path("drivers")))), ""));
                    under = cell(e.path("team").asText());
                }
                default -> {
                    entrant = new Cell(cell(e.path("name").asText()), "");
                    others = List.of();
                    under = "";
                }
            }
            Map<Integer, JsonNode> byRound = new TreeMap<>();
            for (JsonNode r : row.path("rounds")) byRound.put(r.path("round").asInt(), r);
            List<String> points = new ArrayList<>();
            for (int r : rounds) points.add(byRound.containsKey(r) ? number(byRound.get(r).path("points")) : null);
            rows.add(new Row(excluded, excluded ? "–" : rank(row), entrant, notes(row), under, others, points, number(row.path("points"))));
        }
        String caption = plain(t.path("series").asText() + " " + t.path("season").asText() + " " + t.path("table").asText())
                + ": " + plain(t.path("status").asText()) + ", rounds to run: " + rounds(t.path("roundsToRun"));
        return new Table(anchor("table-" + key(t)), plain(t.path("table").asText()), plain(t.path("status").asText()), plain(ranks),
                t.path("rows").size(), open, deciders.of(key(t)), caption, link(doc.path(), "JSON"), entrantHeader(ranks),
                otherHeaders, heads, rows, texts(t.path("warnings")).stream().map(ReportView::plain).toList());
    }

    private static String carNumber(JsonNode e) {
        return e.hasNonNull("carNumber") ? "#" + e.path("carNumber").asText() : e.path("name").asText();
    }

    private static Cell car(JsonNode entrant) {
        if (!entrant.hasNonNull("carNumber")) return new Cell(cell(entrant.path("car").asText("")), "");
        return new Cell(cell("#" + entrant.path("carNumber").asText()), entrant.hasNonNull("car") ? cell(entrant.path("car").asText()) : "");
    }

    /** Why a row reads as it does: a shared place, an adjustment, an exclusion. */
    private static String notes(JsonNode row) {
        List<String> notes = new ArrayList<>();
        if (row.path("excluded").asBoolean()) notes.add("excluded");
        for (JsonNode a : row.path("adjustments")) notes.add(a.path("reason").asText());
        return notes.isEmpty() ? null : cell(String.join("; ", notes));
    }

    // ---- feeds ---------------------------------------------------------------------------------------------

    private static Feed feed(ReportInputs.Feed f) {
        String state;
        if (!f.enabled()) state = "disabled";
        else if (f.failing()) state = "failing";
        else if (f.lastPollAt() == null) state = "not polled";
        else state = "ok";
        String outcome = f.outcome();
        if (f.failing()) {
            outcome = "failed" + (f.consecutiveFailures() > 1 ? " " + f.consecutiveFailures() + " times in a row" : "")
                    + (f.failingSince() != null ? " since " + SHOWN.format(f.failingSince()) : "")
                    + (f.outcome() == null ? "" : " (last poll: " + f.outcome() + ")");
        }
        String breaker = f.breaker() != null ? f.breaker() : f.enabled() ? "no schedule in this run" : "–";
        return new Feed(plain(f.id()), plain(f.series() == null ? "" : f.series()), plain(f.kind() == null ? "" : f.kind()), state,
                time(f.lastPollAt()), outcome == null ? null : plain(outcome), time(f.lastSuccessAt()),
                f.problem() == null ? null : plain(f.problem()), time(f.problemAt()), time(f.nextPollAt()), breaker);
    }

    // ---- deliveries ------------------------------------------------------------------------------------

    private static Target target(ReportInputs.Target t) {
        String state = t.dead() > 0 ? "dead letters" : t.pending() > 0 ? "backlog" : "ok";
        List<DeadLetter> dead = t.deadLetters().stream()
                .map(d -> new DeadLetter(plain(d.eventId()), d.attempts(), d.lastError() == null ? null : cell(d.lastError()),
                        time(d.lastAttemptAt()))).toList();
        return new Target(plain(t.id()), plain(t.url()), plain(String.join(", ", t.kinds())), state, t.pending(),
                time(t.oldestPending()), t.dead(), dead, t.breaker() == null ? "no route in this run" : t.breaker());
    }

    // ---- rejected files --------------------------------------------------------------------------------

    private static Rejection rejection(ReportInputs.Rejection r) {
        JsonNode rep = r.report();
        String file = rep.path("file").asText();
        List<String> problems = new ArrayList<>();
        for (JsonNode p : rep.path("problems")) problems.add(cell(problem(p)));
        return new Rejection(cell(file), r.keptAs().equals(".failed/" + file) ? "kept in inbox/.failed/" : "kept as inbox/" + plain(r.keptAs()),
                time(rep.path("rejectedAt").asText()), cell(rep.path("error").path("message").asText()), problems,
                cell(rep.path("whatToDo").asText()));
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

    /** Feed text to show: control characters, which HTML does not allow, become U+FFFD. */
    static String plain(String s) {
        return Html.plain(s);
    }

    /** Feed text for a table cell: neutralised against spreadsheet formulas, then {@link #plain}. */
    static String cell(String s) {
        return Html.plain(Html.neutralise(s));
    }

    private static String rank(JsonNode row) {
        if (!row.hasNonNull("rank")) return "–";
        return row.path("rank").asInt() + (row.path("shared").asBoolean() ? "=" : "");
    }

    /** A link to an outbox document from {@code report/index.html}; paths that are not plain are not linked. */
    static Link link(String outboxPath, String text) {
        if (outboxPath == null || !SAFE_PATH.matcher(outboxPath).matches() || outboxPath.contains("..")) return null;
        return new Link("../" + outboxPath, plain(text));
    }

    static String anchor(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static Time time(String iso) {
        if (iso == null || iso.isEmpty()) return null;
        try {
            return new Time(iso, SHOWN.format(Instant.parse(iso)));
        } catch (DateTimeParseException e) {
            return new Time(null, plain(iso));
        }
    }

    static Time time(Instant at) {
        return at == null ? null : new Time(at.toString(), SHOWN.format(at));
    }

    static String rounds(JsonNode array) {
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
        if (!n.isNumber()) return plain(n.asText("–"));
        BigDecimal d = n.decimalValue().stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A score or share to the classification's decimals: 0.810. */
    static String fixed(JsonNode n, int decimals) {
        if (!n.isNumber()) return plain(n.asText("–"));
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
}
