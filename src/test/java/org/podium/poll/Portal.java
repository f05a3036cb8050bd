package org.podium.poll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Pages shaped like the real sources (docs/formats.md), for the feed server fixtures: an Al Kamel event
 * page listing each championship in its own table, SRO season and event pages.
 */
public final class Portal {
    private Portal() {}

    public static final String ALMS = "ASIAN LE MANS SERIES";
    public static final String SEASON = "03_2023-2024";
    public static final String SEPANG = "01_Sepang";
    /** The championship folder of the portal's links. */
    public static final String ALMS_FOLDER = "01_ASIAN%20LE%20MANS%20SERIES";

    /** A link as the portal writes it, spaces encoded: {@code Results/<season>/<event>/<champ>/<session>/<file>}. */
    public static String link(String season, String event, String sessionFolder, String file) {
        return "Results/" + season + "/" + event + "/" + ALMS_FOLDER + "/" + sessionFolder.replace(" ", "%20") + "/"
                + file.replace(" ", "%20");
    }

    /** The portal's URL path for a link (what the server is asked for). */
    public static String path(String link) {
        return "/" + link;
    }

    /** An event page: the season and event selectors, then one table per championship with its links. */
    public static String eventPage(Map<String, List<String>> linksByChampionship) {
        return eventPage(List.of(SEASON), SEASON, List.of(SEPANG, "02_Dubai Autodrome"), SEPANG, linksByChampionship);
    }

    /**
     * An event page as the portal writes it: its season and event selectors (values as {@code <option Value=…>},
     * the selected ones marked {@code SELECTED}), then one table per championship with its links.
     */
    public static String eventPage(List<String> seasons, String selectedSeason, List<String> events, String selectedEvent,
                                   Map<String, List<String>> linksByChampionship) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Results</title></head><body>
                <form>""");
        sb.append("<select name=\"season\" onchange=\"changeSeason()\">");
        for (String v : seasons) sb.append(option(v, v.equals(selectedSeason)));
        sb.append("</select>\n<select name=\"evvent\" onchange=\"changeEvent()\">");
        for (String v : events) sb.append(option(v, v.equals(selectedEvent)));
        sb.append("</select></form>\n<table class=\"layout\"><tr><td>\n");
        for (Map.Entry<String, List<String>> e : linksByChampionship.entrySet()) {
            sb.append("<table class=\"championship\">\n<tr><th colspan=\"2\">").append(e.getKey()).append("</th></tr>\n");
            for (String href : e.getValue()) {
                String name = href.substring(href.lastIndexOf('/') + 1).replace("%20", " ");
                sb.append("<tr><td>").append(name).append("</td><td><a href=\"").append(href).append("\">CSV</a></td></tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.append("</td></tr></table></body></html>\n").toString();
    }

    private static String option(String value, boolean selected) {
        return "<option Value=\"" + value + "\"" + (selected ? " SELECTED" : "") + ">" + value.substring(value.indexOf('_') + 1)
                + "</option>";
    }

    /** An SRO season page listing events by selector and by link. */
    public static String sroSeasonPage(String year, Map<String, String> slugToName, String linkPrefix) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Results | GT World Challenge Europe | SRO</title></head><body>\n"
                + "<select id=\"filter_meeting_id\" name=\"filter_meeting_id\"><option value=\"0\">Select event</option>\n");
        int id = 400;
        for (String name : slugToName.values()) sb.append("<option value=\"").append(id++).append("\">").append(name).append("</option>\n");
        sb.append("</select>\n<ul>\n");
        for (Map.Entry<String, String> e : slugToName.entrySet()) {
            sb.append("<li><a href=\"").append(linkPrefix).append("results/").append(year).append('/').append(e.getKey())
                    .append("\">").append(e.getValue()).append("</a></li>\n");
        }
        return sb.append("</ul></body></html>\n").toString();
    }

    /** An SRO event page: the race selector (id → name), no results table of its own. */
    public static String sroEventPage(Map<String, String> races) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Results | GT World Challenge Europe | SRO</title></head><body>\n"
                + "<form class=\"results-filter\"><select id=\"filter_race_id\" name=\"filter_race_id\">\n");
        races.forEach((id, name) -> sb.append("<option value=\"").append(id).append("\">").append(name).append("</option>\n"));
        return sb.append("</select></form></body></html>\n").toString();
    }

    /**
     * A {@code config/feeds.yaml} with one enabled {@code alkamel-portal} feed of {@code alms} on the portal at
     * {@code 127.0.0.1:port}: season 2023-24, round 1 at Sepang. {@code settings} are more of the feed's keys,
     * one per line, such as {@code "responseTimeout: 5s"}.
     */
    public static String feedsYaml(String id, int port, String cron, String... settings) {
        StringBuilder yaml = new StringBuilder("""
                feeds:
                  - id: %s
                    series: alms
                    kind: alkamel-portal
                    enabled: true
                    baseUrl: "http://127.0.0.1:%d/"
                    allowedHosts: [127.0.0.1]
                    season: "2023-24"
                    portalSeason: "03_2023-2024"
                    championship: ASIAN LE MANS SERIES
                    events:
                      - { round: 1, event: Sepang, portalEvent: "01_Sepang" }
                    cron: "%s"
                """.formatted(id, port, cron));
        for (String setting : settings) yaml.append("    ").append(setting).append('\n');
        return yaml.toString();
    }

    /** A real sample file of src/test/resources/samples/. */
    public static byte[] sample(String name) {
        try (InputStream in = Portal.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) throw new IllegalStateException("no sample " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
