package org.podium.poll;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.podium.feed.MetadataResolver;
import org.podium.model.SessionType;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading an Al Kamel results portal (docs/formats.md, the Al Kamel results portal): the event page's links, which of them are the
 * classifications Podium takes, and where each goes in the inbox. Plain functions over the page and the
 * link paths; fetching is the adapter's.
 *
 * <p>Links look like {@code Results/<NN_season>/<NN_Event>/<NNN_Championship>/<YYYYMMDDHHMM_Session>/[<Hour N>/]<file>}.
 */
public final class AlKamelPortal {
    private AlKamelPortal() {}

    /** Files that are not classifications, as the portal names them (docs/formats.md; "Analsysis" is the portal's spelling). */
    private static final List<String> NOT_CLASSIFICATIONS = List.of("analysis", "analsysis", "weather", "meteo",
            "time cards", "timecards", "grid", "lap chart", "best sectors", "pit stop", "points");

    private static final Pattern STAMP = Pattern.compile("^\\d{12}[_ ](.+)$");
    private static final Pattern HOUR = Pattern.compile("(?i)(?<![a-z])hour[ _]?(\\d{1,3})(?!\\d)");

    /** The event page: {@code <base>?season=…&evvent=…} (the parameter really is spelt {@code evvent}). */
    public static URI eventPage(URI base, String portalSeason, String portalEvent) {
        return URI.create(base + "?season=" + query(portalSeason) + "&evvent=" + query(portalEvent));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The {@code Results/…} links of one championship's table on an event page: the innermost table(s) whose
     * text names the championship (other championships of the weekend have tables of their own).
     *
     * @return the links' {@code href} values as written; empty when no table names the championship
     */
    public static Optional<List<String>> championshipLinks(String html, String championship) {
        return championshipLinks(Jsoup.parse(html), championship);
    }

    /** As {@link #championshipLinks(String, String)}, for the page's bytes (its charset as the page declares it). */
    public static Optional<List<String>> championshipLinks(byte[] page, String championship) {
        try {
            return championshipLinks(Jsoup.parse(new java.io.ByteArrayInputStream(page), null, ""), championship);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading a page held in memory", e);
        }
    }

    private static Optional<List<String>> championshipLinks(Document doc, String championship) {
        String wanted = normal(championship);
        List<Element> naming = new ArrayList<>();
        for (Element table : doc.select("table")) {
            if (normal(table.text()).contains(wanted)) naming.add(table);
        }
        List<Element> innermost = naming.stream()
                .filter(t -> naming.stream().noneMatch(other -> other != t && isAncestor(t, other)))
                .toList();
        if (innermost.isEmpty()) return Optional.empty();
        List<String> hrefs = new ArrayList<>();
        for (Element table : innermost) {
            for (Element a : table.select("a[href]")) {
                String href = a.attr("href");
                if (href.contains("Results/")) hrefs.add(href);
            }
        }
        return Optional.of(hrefs);
    }

    private static boolean isAncestor(Element ancestor, Element node) {
        for (Element p = node.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    private static String normal(String s) {
        return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * True when a link's path (decoded, below the portal's folder) belongs to the season and event asked for.
     * The portal is stateful and sometimes answers for another one.
     */
    public static boolean sameEvent(List<String> segments, String portalSeason, String portalEvent) {
        return segments.size() >= 3 && segments.get(0).equals("Results")
                && segments.get(1).equals(portalSeason) && segments.get(2).equals(portalEvent);
    }

    /**
     * A results file on the portal.
     *
     * @param session the session folder without Al Kamel's 12-digit time stamp ({@code Race 1})
     * @param hour    the hourly snapshot ({@code Hour 4} folder or {@code _Hour 4} in the name), null for a finish
     * @param hourFolder the hour folder the file sits in, or null
     */
    public record PortalFile(URI uri, String session, Integer hour, String hourFolder, String fileName) {
        public PortalFile {
            java.util.Objects.requireNonNull(uri, "uri");
            if (session == null || session.isBlank()) throw new IllegalArgumentException("a portal file belongs to a session");
            if (fileName == null || fileName.isBlank()) throw new IllegalArgumentException("a portal file has a name");
        }

        /** Race or qualifying by the session's name, null for practice and anything unknown. */
        public SessionType sessionType() {
            return MetadataResolver.sessionTypeOf(session);
        }

        public boolean classification() {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".csv") || !lower.contains("classification")) return false;
            for (String word : NOT_CLASSIFICATIONS) if (lower.contains(word)) return false;
            return true;
        }

        /** Final files count as official, as the store ranks them. */
        boolean official() { return hasToken("official") || hasToken("final"); }

        boolean finalResult() { return hasToken("final"); }

        private boolean hasToken(String word) {
            for (String t : fileName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (t.equals(word)) return true;
            return false;
        }

        /**
         * Where it goes under the inbox: {@code <session>/<file>}. The time stamp is dropped (the inbox
         * metadata drops it too); an hour folder is kept only when the file name does not carry the hour.
         */
        public List<String> inboxParts() {
            if (hourFolder != null && hourIn(fileName) == null) return List.of(session, hourFolder, fileName);
            return List.of(session, fileName);
        }
    }

    /** Reads a link's decoded path segments below the portal's folder, or empty when it is not a results file. */
    public static Optional<PortalFile> file(URI uri, List<String> segments) {
        if (segments.size() < 6 || segments.size() > 7 || !segments.get(0).equals("Results")) return Optional.empty();
        String sessionFolder = segments.get(4);
        Matcher stamp = STAMP.matcher(sessionFolder);
        String session = (stamp.matches() ? stamp.group(1) : sessionFolder).strip();
        String hourFolder = segments.size() == 7 ? segments.get(5) : null;
        String fileName = segments.get(segments.size() - 1);
        Integer hour = hourIn(fileName);
        if (hour == null && hourFolder != null) hour = hourIn(hourFolder);
        if (hourFolder != null && hourIn(hourFolder) == null) return Optional.empty();
        return Optional.of(new PortalFile(uri, session, hour, hourFolder, fileName));
    }

    static Integer hourIn(String name) {
        Matcher m = HOUR.matcher(name);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Final over Official over Provisional, then the latest snapshot (a file without an hour is the finish). */
    static final Comparator<PortalFile> PREFERENCE = Comparator
            .comparing(PortalFile::official)
            .thenComparing(PortalFile::finalResult)
            .thenComparing(f -> f.hour() == null ? Integer.MAX_VALUE : f.hour())
            .thenComparing(PortalFile::fileName, Comparator.reverseOrder());

    /**
     * The classification Podium takes for each race and qualifying session: one file per session, the
     * most final and latest one.
     */
    public static List<PortalFile> choose(Collection<PortalFile> files) {
        Map<String, PortalFile> best = new LinkedHashMap<>();
        for (PortalFile f : files) {
            SessionType type = f.sessionType();
            if (type != SessionType.RACE && type != SessionType.QUALIFYING) continue;
            if (!f.classification()) continue;
            best.merge(f.session(), f, (a, b) -> PREFERENCE.compare(a, b) >= 0 ? a : b);
        }
        return List.copyOf(best.values());
    }
}
