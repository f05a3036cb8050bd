package org.podium.poll;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading SRO results pages (docs/formats.md, SRO results pages): which events a season page lists, which races an event page
 * lists, which of those are results Podium takes and under which session name, and whether a race page
 * holds a results table. Plain functions over the pages; fetching is the adapter's.
 */
public final class SroPages {
    private SroPages() {}

    /** {@code Race}, {@code Main Race}, {@code Race 2}. */
    private static final Pattern RACE = Pattern.compile("(?i)(?:main\\s+)?race(?:\\s+(\\d{1,2}))?");
    /** {@code Main Race after 6 hours}, {@code Main Race after 5.30 hours}: checkpoints of an endurance race. */
    private static final Pattern CHECKPOINT = Pattern.compile("(?i)(?:main\\s+)?race(?:\\s+(\\d{1,2}))?\\s+after\\s+(\\d+(?:[.,]\\d+)?)\\s+hours?");
    /** {@code Qualifying}, {@code Qualifying 1}, {@code Qualifying Q2}. */
    private static final Pattern QUALIFYING = Pattern.compile("(?i)qualifying(?:\\s.*)?");
    private static final Pattern RACE_ID = Pattern.compile("\\d{1,12}");

    /** A race of an event page's {@code <select id="filter_race_id">}. */
    public record Race(String id, String name) {
        public Race {
            if (id == null || !RACE_ID.matcher(id).matches()) throw new IllegalArgumentException("a race id is digits, was " + id);
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a race has a name");
        }
    }

    public static URI seasonPage(URI base, String year) {
        return base.resolve("results/" + year);
    }

    public static URI eventPage(URI base, String year, String slug) {
        return base.resolve("results/" + year + "/" + slug);
    }

    public static URI racePage(URI eventPage, String raceId) {
        return URI.create(eventPage + "?filter_race_id=" + raceId);
    }

    /**
     * The hrefs of a season page's event links ({@code /results/<year>/<slug>}), as written.
     *
     * @return empty when the page has neither the event list nor such links: it is not a season page
     */
    public static Optional<List<String>> eventLinks(byte[] page, String year) {
        Document doc = parse(page);
        Pattern link = Pattern.compile("(?:^|/)results/" + Pattern.quote(year) + "/[^/?#]+/?(?:[?#].*)?$");
        List<String> hrefs = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href").strip();
            if (link.matcher(href).find()) hrefs.add(href);
        }
        if (hrefs.isEmpty() && doc.selectFirst("select#filter_meeting_id") == null) return Optional.empty();
        return Optional.of(hrefs);
    }

    /**
     * The slug an event link names as written ({@code /results/<year>/<slug>}, on whatever host), or null: what
     * the season page lists, whether or not Podium may follow the link.
     */
    public static String slugOfHref(String href, String year) {
        Matcher m = Pattern.compile("(?:^|/)results/" + Pattern.quote(year) + "/([^/?#]+)/?(?:[?#].*)?$").matcher(href.strip());
        return m.find() ? LinkPolicy.decode(m.group(1)) : null;
    }

    /** The slug of an event link's resolved URI ({@code …/results/<year>/<slug>}), or null. */
    public static String slugOf(List<String> segments, String year) {
        int n = segments.size();
        if (n < 3 || !segments.get(n - 3).equals("results") || !segments.get(n - 2).equals(year)) return null;
        return segments.get(n - 1);
    }

    /**
     * The races an event page lists.
     *
     * @return empty when the page has no race list: it is not an event page
     */
    public static Optional<List<Race>> races(byte[] page) {
        Element select = parse(page).selectFirst("select#filter_race_id");
        if (select == null) return Optional.empty();
        List<Race> out = new ArrayList<>();
        for (Element option : select.select("option")) {
            String id = option.attr("value").strip();
            String name = option.text().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
            if (RACE_ID.matcher(id).matches() && !id.equals("0") && !name.isEmpty()) out.add(new Race(id, name));
        }
        return Optional.of(out);
    }

    /**
     * The session a listed race is filed under, as the series calendar names sessions: {@code Race},
     * {@code Race 1}, {@code Qualifying 2}, {@code Race after 6 hours}. Empty for what is not a result:
     * practice, and intermediate checkpoints — except those the event's calendar names (the 24 Hours'
     * scoring stages).
     */
    public static Optional<String> session(String listed, FeedEvent event) {
        String name = listed.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        Matcher m = RACE.matcher(name);
        if (m.matches()) return Optional.of(m.group(1) == null ? "Race" : "Race " + m.group(1));
        m = CHECKPOINT.matcher(name);
        if (m.matches()) {
            String stage = "Race" + (m.group(1) == null ? "" : " " + m.group(1)) + " after " + m.group(2) + " hours";
            return event.namesSession(stage) ? Optional.of(stage) : Optional.empty();
        }
        if (QUALIFYING.matcher(name).matches()) return Optional.of(name);
        return Optional.empty();
    }

    /** Null when a race page holds a results table, else why it is not kept. */
    public static String notResults(byte[] page) {
        for (Element table : parse(page).select("table")) {
            if (table.selectFirst("th") != null && table.selectFirst("td") != null) return null;
        }
        return "the page holds no results table";
    }

    private static Document parse(byte[] page) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a page held in memory", e);
        }
    }
}
