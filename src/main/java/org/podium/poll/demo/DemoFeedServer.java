package org.podium.poll.demo;

import org.podium.support.Sha256;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A demo and test fixture, not a product feature: a small HTTP server on 127.0.0.1 that publishes a
 * season of inbox-shaped files ({@code <step>/<series>/<season>/<NN>_<event>/<session>/<file>}) the way
 * the real sources do, one step at a time, so that the demo exercises the whole path from feed to outbox.
 * Series whose files are Al Kamel CSVs are served as an Al Kamel results portal ({@code /<series>/?season=…&evvent=…}
 * listing {@code Results/…} links in the championship's table, hourly snapshots in {@code Hour N} folders);
 * series whose files are HTML pages are served as SRO results pages ({@code /<series>/results/<year>},
 * event pages with their race list, {@code ?filter_race_id=} race pages). Every answer carries an ETag and a
 * matching {@code If-None-Match} is answered 304, as a well-behaved source would.
 */
public final class DemoFeedServer implements AutoCloseable {

    /** How each series is served, by the kind of its files. */
    private enum Style { PORTAL, SRO }

    /** One file of the season, where it belongs and in which step it is published. */
    private record Doc(String step, String series, String season, String event, String session, String name, Path file) {}

    private static final Pattern STEP_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern HOUR = Pattern.compile("(?i)_(Hour \\d{1,3})(?=[_.])");

    private final HttpServer server;
    private final List<String> steps;
    private final List<Doc> docs;
    private final Map<String, Style> styles = new TreeMap<>();
    private final Map<String, String> championships;
    private final Map<String, String> stamps = new HashMap<>();
    private final Map<String, String> raceIds = new HashMap<>();
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private int next;

    private DemoFeedServer(Path tree, List<String> steps, Map<String, String> seriesNames) throws IOException {
        this.steps = List.copyOf(steps);
        this.docs = catalog(tree, steps);
        this.championships = Map.copyOf(seriesNames);
        for (Doc d : docs) {
            Style s = d.name().toLowerCase(Locale.ROOT).endsWith(".csv") ? Style.PORTAL : Style.SRO;
            Style before = styles.putIfAbsent(d.series(), s);
            if (before != null && before != s) throw new IllegalArgumentException("series " + d.series() + " mixes CSV and HTML files");
            // A session keeps the time stamp of its first publication, as on the portal.
            stamps.putIfAbsent(sessionKey(d), stamp(d.step()));
            raceIds.putIfAbsent(sessionKey(d), String.valueOf(1001 + raceIds.size()));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving nothing yet; {@link #publishNext()} reveals the steps in order.
     *
     * @param tree        a folder holding one sub-folder per step
     * @param steps       the step folders in publication order
     * @param seriesNames each series' name, whose upper case names its table on a portal page
     */
    public static DemoFeedServer start(Path tree, List<String> steps, Map<String, String> seriesNames) throws IOException {
        return new DemoFeedServer(tree, steps, seriesNames);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Publishes the next step's files; returns the step, or null when all are published. */
    public String publishNext() {
        if (next >= steps.size()) return null;
        String step = steps.get(next++);
        published.add(step);
        return step;
    }

    /** The feed id the demo's feeds.yaml gives a series. */
    public static String feedId(String series) {
        return series + "-demo";
    }

    /**
     * {@code config/feeds.yaml} for every series served, each feed pointing here. Their cron never fires
     * during a demo (the demo polls after each step itself).
     */
    public String feedsYaml() {
        StringBuilder y = new StringBuilder("# Written by `podium demo`: the demo season served over HTTP by its feed server at "
                + url() + "\nfeeds:\n");
        for (Map.Entry<String, Style> e : styles.entrySet()) {
            String series = e.getKey();
            Map<String, Doc> events = new TreeMap<>();
            for (Doc d : docs) if (d.series().equals(series)) events.putIfAbsent(d.event(), d);
            String season = events.values().iterator().next().season();
            y.append("  - id: ").append(feedId(series)).append('\n')
                    .append("    series: ").append(series).append('\n')
                    .append("    enabled: true\n")
                    .append("    baseUrl: \"").append(url()).append(series).append("/\"\n")
                    .append("    allowedHosts: [127.0.0.1]\n")
                    .append("    season: \"").append(season).append("\"\n")
                    .append("    cron: \"0 0 0 1 1 ? 2099\"\n")
                    .append("    connectTimeout: 5s\n    responseTimeout: 30s\n")
                    .append("    retries: { attempts: 2, initialDelay: 100ms }\n");
            if (e.getValue() == Style.PORTAL) {
                y.append("    kind: alkamel-portal\n")
                        .append("    portalSeason: \"").append(portalSeason(season)).append("\"\n")
                        .append("    championship: \"").append(championship(series)).append("\"\n")
                        .append("    events:\n");
                for (String event : events.keySet()) {
                    y.append("      - { round: ").append(round(event)).append(", event: \"").append(eventName(event))
                            .append("\", portalEvent: \"").append(event).append("\" }\n");
                }
            } else {
                y.append("    kind: sro-results\n    resultStatus: OFFICIAL\n    events:\n");
                for (String event : events.keySet()) {
                    y.append("      - { round: ").append(round(event)).append(", event: \"").append(eventName(event))
                            .append("\", slug: ").append(slug(event)).append(" }\n");
                }
            }
        }
        return y.toString();
    }

    // ------------------------------------------------------------------ serving

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!"GET".equals(x.getRequestMethod())) {
                send(x, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = x.getRequestURI().getRawPath();
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            String[] parts = path.substring(1).split("/", -1);
            String series = decode(parts[0]);
            Style style = styles.get(series);
            byte[] body = null;
            String type = "text/html; charset=utf-8";
            if (style == Style.PORTAL) {
                if (parts.length == 2 && parts[1].isEmpty() && query.containsKey("season") && query.containsKey("evvent")) {
                    body = portalPage(series, query.get("season"), query.get("evvent"));
                } else if (parts.length > 2 && parts[1].equals("Results")) {
                    Doc d = portalFile(series, parts);
                    if (d != null) {
                        body = Files.readAllBytes(d.file());
                        type = "text/csv";
                    }
                }
            } else if (style == Style.SRO && parts.length >= 3 && parts[1].equals("results")) {
                if (parts.length == 3) body = sroSeason(series, decode(parts[2]));
                else if (parts.length == 4 && query.containsKey("filter_race_id")) body = sroRace(series, decode(parts[3]), query.get("filter_race_id"));
                else if (parts.length == 4) body = sroEvent(series, decode(parts[3]));
            }
            if (body == null) {
                send(x, 404, "text/plain", "not published".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String etag = "\"" + Sha256.hex(body).substring(0, 16) + "\"";
            x.getResponseHeaders().set("ETag", etag);
            if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                return;
            }
            send(x, 200, type, body);
        } catch (RuntimeException e) {
            send(x, 500, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) { out.write(body); }
        }
    }

    private List<Doc> visible(String series) {
        return docs.stream().filter(d -> d.series().equals(series) && published.contains(d.step())).toList();
    }

    // Al Kamel portal: Results/<season>/<event>/<NN_Championship>/<stamp_Session>/[Hour N/]<file>

    private byte[] portalPage(String series, String season, String event) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Results</title></head><body>\n")
                .append("<form><select name=\"season\"><option Value=\"").append(esc(season)).append("\" selected>")
                .append(esc(season)).append("</option></select>\n<select name=\"evvent\"><option Value=\"").append(esc(event))
                .append("\" selected>").append(esc(event)).append("</option></select></form>\n");
        List<Doc> files = visible(series).stream()
                .filter(d -> portalSeason(d.season()).equals(season) && d.event().equals(event))
                .sorted(Comparator.comparing(Doc::session).thenComparing(Doc::name)).toList();
        if (!files.isEmpty()) {
            html.append("<table class=\"championship\">\n<tr><th colspan=\"2\">").append(esc(championship(series))).append("</th></tr>\n");
            for (Doc d : files) {
                html.append("<tr><td>").append(esc(d.session())).append("</td><td><a href=\"")
                        .append(esc(String.join("/", linkParts(d)))).append("\">").append(esc(d.name())).append("</a></td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> linkParts(Doc d) {
        List<String> parts = new ArrayList<>(List.of("Results", portalSeason(d.season()), d.event(),
                "01_" + championship(d.series()), stamps.get(sessionKey(d)) + "_" + d.session()));
        Matcher hour = HOUR.matcher(d.name());
        if (hour.find()) parts.add(hour.group(1));
        parts.add(d.name());
        List<String> encoded = new ArrayList<>();
        for (String p : parts) encoded.add(p.replace(" ", "%20"));
        return encoded;
    }

    private Doc portalFile(String series, String[] parts) {
        String asked = String.join("/", List.of(parts).subList(1, parts.length));
        for (Doc d : visible(series)) if (String.join("/", linkParts(d)).equals(asked)) return d;
        return null;
    }

    // SRO results pages

    /** The season page lists the whole season, events to come included, as the SRO sites do. */
    private byte[] sroSeason(String series, String year) {
        Map<String, Doc> events = new TreeMap<>();
        for (Doc d : docs) if (d.series().equals(series) && d.season().equals(year)) events.putIfAbsent(d.event(), d);
        if (events.isEmpty()) return null;
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Results | ").append(esc(championship(series)))
                .append(" | SRO</title></head><body>\n<select id=\"filter_meeting_id\" name=\"filter_meeting_id\">\n<option value=\"0\">Select event</option>\n");
        for (String event : events.keySet()) {
            html.append("<option value=\"").append(round(event)).append("\">").append(esc(eventName(event))).append("</option>\n");
        }
        html.append("</select>\n<ul>\n");
        for (String event : events.keySet()) {
            html.append("<li><a href=\"/").append(series).append("/results/").append(year).append('/').append(slug(event))
                    .append("\">").append(esc(eventName(event))).append("</a></li>\n");
        }
        return html.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<Doc> sroSessions(String series, String slug) {
        Map<String, Doc> sessions = new LinkedHashMap<>();
        for (Doc d : visible(series)) if (slug(d.event()).equals(slug)) sessions.put(d.session(), d);
        return List.copyOf(sessions.values());
    }

    /** An event of the season has its page from the start; its race list grows as results are published. */
    private byte[] sroEvent(String series, String slug) {
        if (docs.stream().noneMatch(d -> d.series().equals(series) && slug(d.event()).equals(slug))) return null;
        List<Doc> sessions = sroSessions(series, slug);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Results | ").append(esc(championship(series)))
                .append(" | SRO</title></head><body>\n<form class=\"results-filter\"><select id=\"filter_race_id\" name=\"filter_race_id\">\n");
        for (Doc d : sessions) {
            html.append("<option value=\"").append(raceIds.get(sessionKey(d))).append("\">").append(esc(listed(d.session()))).append("</option>\n");
        }
        return html.append("</select></form></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sroRace(String series, String slug, String raceId) {
        for (Doc d : sroSessions(series, slug)) {
            if (raceIds.get(sessionKey(d)).equals(raceId)) {
                try {
                    return Files.readAllBytes(d.file());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** SRO lists an endurance race as "Main Race", its stages as "Main Race after N hours". */
    private static String listed(String session) {
        return session.equals("Race") || session.startsWith("Race after ") ? "Main " + session : session;
    }

    // ------------------------------------------------------------------ names

    private static List<Doc> catalog(Path tree, List<String> steps) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (String step : steps) {
            Path dir = tree.resolve(step);
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no step folder " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    Path rel = dir.relativize(f);
                    if (rel.getNameCount() != 5) throw new IllegalArgumentException("not <series>/<season>/<NN>_<event>/<session>/<file>: " + rel);
                    out.add(new Doc(step, rel.getName(0).toString(), rel.getName(1).toString(), rel.getName(2).toString(),
                            rel.getName(3).toString(), rel.getName(4).toString(), f));
                }
            }
        }
        return out;
    }

    private static String sessionKey(Doc d) {
        return d.series() + "/" + d.season() + "/" + d.event() + "/" + d.session();
    }

    private String championship(String series) {
        return championships.getOrDefault(series, series).toUpperCase(Locale.ROOT);
    }

    private static String portalSeason(String season) {
        return "01_" + season;
    }

    /** {@code 2023-12-02} in the step's name → {@code 202312021000}; the portal's session folders start so. */
    private static String stamp(String step) {
        Matcher m = STEP_DATE.matcher(step);
        return m.find() ? m.group(1) + m.group(2) + m.group(3) + "1000" : "000000000000";
    }

    private static int round(String eventFolder) {
        return Integer.parseInt(eventFolder.substring(0, eventFolder.indexOf('_')));
    }

    private static String eventName(String eventFolder) {
        return eventFolder.substring(eventFolder.indexOf('_') + 1);
    }

    private static String slug(String eventFolder) {
        return eventName(eventFolder).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
