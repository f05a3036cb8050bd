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

    /** A {@code <select>} of an event page: the values it offers, as the portal takes them, and the one marked selected (or null). */
    public record Select(List<String> values, String selected) {
        public Select {
            values = List.copyOf(values);
        }
    }

    /**
     * What an event page offers besides its links: its {@code <select name="season">} and
     * {@code <select name="evvent">} (empty when the page has none), and the championships its results links
     * for the asked season and event belong to (their {@code <NNN_Championship>} folder without the number).
     */
    public record Offers(Optional<Select> seasons, Optional<Select> events, List<String> championships) {
        public Offers {
            championships = List.copyOf(championships);
        }

        /** True when the season list marks {@code portalSeason} selected, or marks none: its event list is that season's. */
        public boolean forSeason(String portalSeason) {
            return seasons.map(s -> s.selected() == null || s.selected().equals(portalSeason)).orElse(true);
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)_.*");

    /** Reads an event page's offers; see {@link Offers}. */
    public static Offers offers(byte[] page, String portalSeason, String portalEvent) {
        Document doc = parse(page);
        java.util.Set<String> championships = new java.util.TreeSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            int at = href.indexOf("Results/");
            if (at < 0) continue;
            String path = href.substring(at).split("[?#]", 2)[0];
            String[] raw = path.split("/");
            if (raw.length < 4) continue;
            if (!LinkPolicy.decode(raw[1]).equals(portalSeason) || !LinkPolicy.decode(raw[2]).equals(portalEvent)) continue;
            String folder = LinkPolicy.decode(raw[3]).strip();
            Matcher numbered = NUMBERED.matcher(folder);
            String name = numbered.matches() ? folder.substring(folder.indexOf('_') + 1).strip() : folder;
            if (!name.isEmpty()) championships.add(name);
        }
        return new Offers(select(doc, "season"), select(doc, "evvent"), List.copyOf(championships));
    }

    private static Optional<Select> select(Document doc, String name) {
        Element select = doc.selectFirst("select[name=" + name + "]");
        if (select == null) return Optional.empty();
        List<String> values = new ArrayList<>();
        String selected = null;
        for (Element option : select.select("option")) {
            String value = (option.hasAttr("value") ? option.attr("value") : option.text()).replace('\u00A0', ' ').strip();
            if (value.isEmpty()) continue;
            values.add(value);
            if (selected == null && option.hasAttr("selected")) selected = value;
        }
        return Optional.of(new Select(values, selected));
    }

    /**
     * True when the page contradicts a configured season or event value: it offers values, not this one, and
     * already one numbered the same or later. The portal lists a season's events as they come (and seasons as
     * they open), numbered in order: a value numbered after every offered one is not on the portal yet, no
     * error; an unnumbered value the page does not offer is wrong.
     */
    public static boolean contradicts(List<String> offered, String configured) {
        if (offered.isEmpty() || offered.contains(configured)) return false;
        Integer number = number(configured);
        if (number == null) return true;
        return offered.stream().map(AlKamelPortal::number).anyMatch(n -> n != null && n >= number);
    }

    /**
     * True when the page contradicts a configured championship: it lists results of championships for the
     * asked event, and neither a table nor a results folder names this one.
     */
    public static boolean contradictsChampionship(List<String> championships, boolean tableNamesIt, String championship) {
        if (tableNamesIt || championships.isEmpty()) return false;
        String wanted = normal(championship);
        return championships.stream().noneMatch(c -> normal(c).equals(wanted));
    }

    private static Integer number(String value) {
        Matcher m = NUMBERED.matcher(value);
        if (!m.matches()) return null;
        try {
            return Integer.valueOf(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Document parse(byte[] page) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(page), null, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading a page held in memory", e);
        }
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
        return championshipLinks(parse(page), championship);
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
