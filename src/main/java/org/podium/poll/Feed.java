package org.podium.poll;

import org.podium.model.ResultStatus;
import org.quartz.CronExpression;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One feed of {@code config/feeds.yaml}: where to poll, when, what to take, and the limits that apply.
 *
 * @param id              unique, lower case, digits and dashes: it names the feed's route and Quartz job
 * @param series          the series id ({@code config/series/<id>.yaml}); the first inbox folder
 * @param kind            how documents are discovered
 * @param baseUrl         the portal's or results site's root, or for a feed index the index's own URL
 * @param season          the series season the documents belong to ({@code 2023-24}); null for a feed index,
 *                        whose documents carry their own
 * @param sourceSeason    the source's own name for the season: the portal's season value
 *                        ({@code 03_2023-2024}) or the results site's year ({@code 2023}); null for an index
 * @param championship    the championship whose table holds the links on a portal event page
 *                        ({@code ASIAN LE MANS SERIES}); null for other kinds
 * @param events          the rounds to poll; empty for a feed index
 * @param cron            a Quartz cron expression (seconds first)
 * @param timeZone        the zone the cron is read in
 * @param allowedHosts    the only hosts requests, redirects and links may go to (lower case)
 * @param maxBytes        a larger response is dropped while it is read
 * @param connectTimeout  the longest wait for a connection
 * @param responseTimeout the longest a response may take, from sending the request to its last byte
 * @param retries         how failed requests are tried again
 * @param resultStatus    the status written into file names where the source never says (SRO pages);
 *                        null where the source's file names carry it
 * @param enabled         a disabled feed is validated but never polled
 * @param mirror          a podium-index feed whose documents go into the outbox as they are, at their path and
 *                        version, instead of into the inbox; false for every other kind
 * @param tokenFrom       the environment variable (or, failing it, system property) holding the bearer token
 *                        sent to a podium-index feed's host, or null: the name, never the secret, is configured
 */
public record Feed(String id, String series, FeedKind kind, URI baseUrl, String season, String sourceSeason,
                   String championship, List<FeedEvent> events, String cron, ZoneId timeZone,
                   Set<String> allowedHosts, long maxBytes, Duration connectTimeout, Duration responseTimeout,
                   Retries retries, ResultStatus resultStatus, boolean enabled, boolean mirror, String tokenFrom) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Feed {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id \"" + id + "\" must be lower-case letters, digits and dashes (at most 64)");
        }
        if (series == null || series.isBlank()) throw new IllegalArgumentException("series must be given");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was " + baseUrl);
        }
        if (kind != FeedKind.PODIUM_INDEX) {
            if (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty()) baseUrl = baseUrl.resolve("/");
            if (!baseUrl.getRawPath().endsWith("/")) {
                throw new IllegalArgumentException("baseUrl must end with '/' (the portal's folder), was " + baseUrl);
            }
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment, was " + baseUrl);
        }
        events = List.copyOf(events);
        Objects.requireNonNull(cron, "cron");
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("\"" + cron + "\" is not a Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week [year], e.g. \"0 0/10 * * * ?\")");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        Set<String> hosts = new TreeSet<>();
        for (String h : allowedHosts) hosts.add(h.strip().toLowerCase(Locale.ROOT));
        allowedHosts = Set.copyOf(hosts);
        if (!allowedHosts.contains(baseUrl.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("allowedHosts must include the baseUrl's host " + baseUrl.getHost());
        }
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be 1 or more, was " + maxBytes);
        positive(connectTimeout, "connectTimeout");
        positive(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retries, "retries");
        if (mirror && kind != FeedKind.PODIUM_INDEX) throw new IllegalArgumentException("only a podium-index feed can mirror");
        if (tokenFrom != null && kind != FeedKind.PODIUM_INDEX) throw new IllegalArgumentException("only a podium-index feed sends a token");
    }

    /** The bearer token {@code tokenFrom} names, or null when the feed sends none or the name holds nothing. */
    public String token() {
        if (tokenFrom == null) return null;
        String v = System.getenv(tokenFrom);
        if (v == null || v.isBlank()) v = System.getProperty(tokenFrom);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive, was " + d);
    }

    /** The cron, read in the feed's time zone. */
    public CronExpression cronExpression() {
        try {
            CronExpression c = new CronExpression(cron);
            c.setTimeZone(java.util.TimeZone.getTimeZone(timeZone));
            return c;
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("validated on construction", e);
        }
    }

    /** The Al Kamel portal is stateful: every request goes on a new connection. */
    boolean closesConnections() {
        return kind == FeedKind.ALKAMEL_PORTAL;
    }
}
