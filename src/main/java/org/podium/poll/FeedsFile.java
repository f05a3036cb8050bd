package org.podium.poll;

import org.podium.support.ConfigNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.podium.championship.CalendarRace;
import org.podium.championship.CalendarRound;
import org.podium.support.ConfigException;
import org.podium.championship.SeasonCalendar;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.model.ResultStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code config/feeds.yaml}. Every problem names the file, the key and what is wrong;
 * a feed's season and rounds must exist in its series' calendar ({@code config/series/<id>.yaml}), so a feed
 * can never write files the rules do not know.
 */
public final class FeedsFile {
    private FeedsFile() {}

    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    /** Keys every feed may give, also under {@code defaults:}. */
    private static final Set<String> LIMIT_KEYS = Set.of("timeZone", "maxBytes", "connectTimeout", "responseTimeout", "retries");
    private static final Set<String> COMMON_KEYS = union(LIMIT_KEYS,
            Set.of("id", "series", "kind", "enabled", "baseUrl", "allowedHosts", "cron"));
    private static final Map<FeedKind, Set<String>> KIND_KEYS = Map.of(
            FeedKind.ALKAMEL_PORTAL, Set.of("season", "portalSeason", "championship", "events"),
            FeedKind.SRO_RESULTS, Set.of("season", "year", "events", "resultStatus"),
            FeedKind.PODIUM_INDEX, Set.of("mirror", "tokenFrom"));
    private static final Map<FeedKind, String> EVENT_SOURCE_KEY = Map.of(
            FeedKind.ALKAMEL_PORTAL, "portalEvent", FeedKind.SRO_RESULTS, "slug");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> RETRY_KEYS = Set.of("attempts", "initialDelay", "multiplier", "maxDelay");

    /** Podium's defaults where neither a feed nor {@code defaults:} says: polite to the sources, short enough to notice an outage. */
    private static final String DEFAULT_TIME_ZONE = "UTC";
    private static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Retries DEFAULT_RETRIES = new Retries(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(30));

    /**
     * @param file    {@code config/feeds.yaml}; a missing file means no feeds
     * @param catalog the series rules, whose calendars the feeds' seasons and rounds must match
     */
    public static Feeds load(Path file, SeriesCatalog catalog) {
        if (!Files.exists(file)) return Feeds.none();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), catalog);
    }

    public static Feeds parse(String yaml, String fileName, SeriesCatalog catalog) {
        JsonNode root;
        try {
            org.podium.support.ConfigNode.strictBooleans(yaml, fileName);
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw ConfigException.notYaml(fileName, e);
        }
        Reader r = new Reader(fileName, catalog);
        if (root == null || root.isMissingNode() || root.isNull()) return Feeds.none();
        if (!root.isObject()) throw r.fail("", "the file is a map with \"feeds:\" (and optionally \"defaults:\")");
        r.onlyKeys(root, "", Set.of("defaults", "feeds"));
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isNull()) {
            if (!defaults.isObject()) throw r.fail("defaults", "must be a map of " + new TreeSet<>(LIMIT_KEYS));
            r.onlyKeys(defaults, "defaults", LIMIT_KEYS);
        } else {
            defaults = YAML.createObjectNode();
        }
        JsonNode feeds = root.path("feeds");
        if (feeds.isMissingNode() || feeds.isNull()) return Feeds.none();
        if (!feeds.isArray()) throw r.fail("feeds", "must be a list of feeds, each starting with \"- id: …\"");
        List<Feed> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < feeds.size(); i++) {
            Feed f = r.feed(feeds.get(i), "feeds[" + i + "]", defaults);
            if (!ids.add(f.id())) throw r.fail("feeds[" + i + "].id", "feed id \"" + f.id() + "\" is used twice");
            out.add(f);
        }
        return new Feeds(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    /** Reads one file, knowing its name for the messages. */
    private static final class Reader {
        private final String file;
        private final SeriesCatalog catalog;

        Reader(String file, SeriesCatalog catalog) {
            this.file = file;
            this.catalog = catalog;
        }

        ConfigException fail(String key, String problem) {
            return new ConfigException(file, key, problem);
        }

        void onlyKeys(JsonNode node, String path, Set<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!allowed.contains(k)) {
                    throw fail(join(path, k), "unknown key; the keys here are " + new TreeSet<>(allowed));
                }
            }
        }

        Feed feed(JsonNode n, String path, JsonNode defaults) {
            if (!n.isObject()) throw fail(path, "a feed is a map starting with \"id:\"");
            String id = text(n, path, "id", true);
            String series = text(n, path, "series", true);
            String kindName = text(n, path, "kind", true);
            FeedKind kind = FeedKind.byId(kindName)
                    .orElseThrow(() -> fail(join(path, "kind"), "\"" + kindName + "\" is not a feed kind; the kinds are " + FeedKind.names()));
            onlyKeys(n, path, union(COMMON_KEYS, KIND_KEYS.get(kind)));
            SeriesRules rules = catalog.get(series).orElseThrow(() -> fail(join(path, "series"),
                    "unknown series \"" + series + "\"; known series are " + new TreeSet<>(catalog.ids())
                            + " (config/series/<id>.yaml)"));

            boolean enabled = bool(n, path, "enabled");
            URI baseUrl = url(n, path, "baseUrl");
            Set<String> hosts = hosts(n, path);
            String cron = text(n, path, "cron", true);

            String season = null;
            String sourceSeason = null;
            String championship = null;
            List<FeedEvent> events = List.of();
            ResultStatus status = null;
            boolean mirror = false;
            String tokenFrom = null;
            switch (kind) {
                case ALKAMEL_PORTAL -> {
                    season = season(n, path);
                    sourceSeason = text(n, path, "portalSeason", true);
                    championship = text(n, path, "championship", true);
                    events = events(n, path, kind, rules, season);
                }
                case SRO_RESULTS -> {
                    season = season(n, path);
                    sourceSeason = text(n, path, "year", false);
                    if (sourceSeason == null) {
                        if (!season.matches("\\d{4}")) {
                            throw fail(join(path, "year"), "give the results site's year (the season \"" + season + "\" is not one)");
                        }
                        sourceSeason = season;
                    }
                    if (!sourceSeason.matches("\\d{4}")) throw fail(join(path, "year"), "must be a year such as 2023, was \"" + sourceSeason + "\"");
                    events = events(n, path, kind, rules, season);
                    String s = text(n, path, "resultStatus", true);
                    try {
                        status = ResultStatus.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw fail(join(path, "resultStatus"), "\"" + s + "\" is not PROVISIONAL or OFFICIAL");
                    }
                }
                // the documents carry their own season, event and status
                case PODIUM_INDEX -> {
                    mirror = n.has("mirror") && bool(n, path, "mirror");
                    tokenFrom = text(n, path, "tokenFrom", false);
                    if (tokenFrom != null && !tokenFrom.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                        throw fail(join(path, "tokenFrom"), "the name of an environment variable such as RELAY_TOKEN, was \"" + tokenFrom + "\"");
                    }
                }
                default -> throw new IllegalStateException(kind.toString());
            }

            String zoneName = limitText(n, defaults, path, "timeZone", DEFAULT_TIME_ZONE);
            ZoneId zone;
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                throw fail(keyOf(n, path, "timeZone"), "\"" + zoneName + "\" is not a time zone such as Europe/Brussels or UTC");
            }
            long maxBytes = bytes(n, defaults, path);
            Duration connect = duration(n, defaults, path, "connectTimeout", DEFAULT_CONNECT_TIMEOUT);
            Duration response = duration(n, defaults, path, "responseTimeout", DEFAULT_RESPONSE_TIMEOUT);
            Retries retries = retries(n, defaults, path);
            Feed feed;
            try {
                feed = new Feed(id, series, kind, baseUrl, season, sourceSeason, championship, events, cron, zone,
                        hosts, maxBytes, connect, response, retries, status, enabled, mirror, tokenFrom);
            } catch (IllegalArgumentException e) {
                throw fail(path + " (" + id + ")", e.getMessage());
            }
            if (enabled && tokenFrom != null && feed.token() == null) {
                throw fail(join(path, "tokenFrom"), "neither the environment variable " + tokenFrom + " nor the system property "
                        + tokenFrom + " holds the token to send: set it, or remove tokenFrom");
            }
            return feed;
        }

        private List<FeedEvent> events(JsonNode n, String path, FeedKind kind, SeriesRules rules, String season) {
            SeasonCalendar calendar = rules.calendar(season).orElseThrow(() -> fail(join(path, "season"),
                    "series " + rules.id() + " has no season \"" + season + "\" in its calendar (config/series/"
                            + rules.id() + ".yaml)"));
            String sourceKey = EVENT_SOURCE_KEY.get(kind);
            JsonNode list = n.path("events");
            String p = join(path, "events");
            if (!list.isArray() || list.isEmpty()) {
                throw fail(p, "list the rounds to poll, e.g. - { round: 1, event: Sepang, " + sourceKey + ": … }");
            }
            List<FeedEvent> out = new ArrayList<>();
            Set<Integer> rounds = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String ep = p + "[" + i + "]";
                if (!e.isObject()) throw fail(ep, "an event is a map { round, event, " + sourceKey + " }");
                onlyKeys(e, ep, Set.of("round", "event", sourceKey));
                JsonNode roundNode = e.path("round");
                if (!roundNode.isIntegralNumber()) throw fail(join(ep, "round"), "must be a round number of the calendar");
                int round = roundNode.intValue();
                String event = text(e, ep, "event", true);
                String source = text(e, ep, sourceKey, true);
                if (kind == FeedKind.SRO_RESULTS && !SLUG.matcher(source).matches()) {
                    throw fail(join(ep, sourceKey), "a slug is letters, digits, '.', '_' and '-' as in /results/<year>/<slug>; was \"" + source + "\"");
                }
                if (source.contains("/") || source.contains("\\") || source.chars().anyMatch(Character::isISOControl)) {
                    throw fail(join(ep, sourceKey), "must not contain '/', '\\' or control characters; was \"" + source + "\"");
                }
                if (!rounds.add(round)) throw fail(join(ep, "round"), "round " + round + " is listed twice");
                CalendarRound cal = calendar.round(round).orElseThrow(() -> fail(join(ep, "round"),
                        "the " + season + " calendar of " + rules.id() + " has no round " + round));
                if (!normal(cal.event()).equals(normal(event))) {
                    throw fail(join(ep, "event"), "round " + round + " of the " + season + " calendar is \"" + cal.event()
                            + "\", not \"" + event + "\"");
                }
                Set<String> named = new LinkedHashSet<>();
                for (CalendarRace race : cal.races()) if (race.session() != null) named.add(race.session());
                try {
                    out.add(new FeedEvent(round, cal.event(), source, named));
                } catch (IllegalArgumentException ex) {
                    throw fail(ep, ex.getMessage());
                }
            }
            return out;
        }

        private static String normal(String s) {
            return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

        private String text(JsonNode n, String path, String key, boolean required) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) {
                if (required) throw fail(join(path, key), "missing");
                return null;
            }
            if (!v.isValueNode() || v.isBoolean()) throw fail(join(path, key), "must be a text, was " + v);
            String s = v.asText().strip();
            if (s.isEmpty()) {
                if (required) throw fail(join(path, key), "must not be empty");
                return null;
            }
            return s;
        }

        /** A season names a calendar entry of the series file: text, as it is written there ("2023", "2023-24"). */
        private String season(JsonNode n, String path) {
            JsonNode v = n.path("season");
            if (v.isNumber()) {
                throw fail(join(path, "season"), "must be text in quotes, as the series file names it: season: \"" + v.asText()
                        + "\" (was the number " + v.asText() + ")");
            }
            return text(n, path, "season", true);
        }

        private boolean bool(JsonNode n, String path, String key) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) throw fail(join(path, key), "missing: say true or false");
            if (!v.isBoolean()) throw fail(join(path, key), "must be true or false, was " + v);
            return v.booleanValue();
        }

        private URI url(JsonNode n, String path, String key) {
            String s = text(n, path, key, true);
            try {
                URI u = new URI(s);
                if (!u.isAbsolute() || u.getHost() == null) throw fail(join(path, key), "must be an absolute http(s) URL, was \"" + s + "\"");
                return u;
            } catch (URISyntaxException e) {
                throw fail(join(path, key), "not a URL: " + e.getMessage());
            }
        }

        private Set<String> hosts(JsonNode n, String path) {
            JsonNode v = n.path("allowedHosts");
            String p = join(path, "allowedHosts");
            if (!v.isArray() || v.isEmpty()) throw fail(p, "list the hosts the feed may fetch from, e.g. [alms.alkamelsystems.com]");
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode h = v.get(i);
                if (!h.isTextual() || h.asText().isBlank()) throw fail(p + "[" + i + "]", "must be a host name");
                String host = h.asText().strip();
                if (host.contains("/") || host.contains(":") || host.contains("*")) {
                    throw fail(p + "[" + i + "]", "a host name only, without scheme, port, path or wildcard; was \"" + host + "\"");
                }
                out.add(host);
            }
            return out;
        }

        /** A limit from the feed, else from {@code defaults:}. */
        private JsonNode limit(JsonNode n, JsonNode defaults, String key) {
            JsonNode v = n.path(key);
            return v.isMissingNode() || v.isNull() ? defaults.path(key) : v;
        }

        private String keyOf(JsonNode n, String path, String key) {
            JsonNode v = n.path(key);
            return v.isMissingNode() || v.isNull() ? "defaults." + key : join(path, key);
        }

        private String limitText(JsonNode n, JsonNode defaults, String path, String key, String fallback) {
            JsonNode v = limit(n, defaults, key);
            if (v.isMissingNode() || v.isNull()) return fallback;
            if (!v.isTextual()) throw fail(keyOf(n, path, key), "must be a text, was " + v);
            return v.asText().strip();
        }

        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);

        private long bytes(JsonNode n, JsonNode defaults, String path) {
            JsonNode v = limit(n, defaults, "maxBytes");
            if (v.isMissingNode() || v.isNull()) return DEFAULT_MAX_BYTES;
            String where = keyOf(n, path, "maxBytes");
            if (v.isIntegralNumber()) return v.longValue();
            Matcher m = v.isTextual() ? SIZE.matcher(v.asText().strip()) : null;
            if (m == null || !m.matches()) throw fail(where, "must be a number of bytes, or e.g. 512KB or 5MB; was " + v);
            long k = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
                case "KB" -> 1024L;
                case "MB" -> 1024L * 1024;
                default -> 1L;
            };
            return Long.parseLong(m.group(1)) * k;
        }

        private Duration duration(JsonNode n, JsonNode defaults, String path, String key, Duration fallback) {
            JsonNode v = limit(n, defaults, key);
            if (v.isMissingNode() || v.isNull()) return fallback;
            return parseDuration(v, keyOf(n, path, key));
        }

        private Duration parseDuration(JsonNode v, String where) {
            try {
                return org.podium.support.Durations.parse(v.isValueNode() ? v.asText() : "");
            } catch (IllegalArgumentException e) {
                throw fail(where, "must be a duration such as 500ms, 30s, 2m or PT30S; was " + v);
            }
        }

        private Retries retries(JsonNode n, JsonNode defaults, String path) {
            JsonNode v = limit(n, defaults, "retries");
            if (v.isMissingNode() || v.isNull()) return DEFAULT_RETRIES;
            String where = keyOf(n, path, "retries");
            if (!v.isObject()) throw fail(where, "must be a map { attempts, initialDelay, multiplier, maxDelay }");
            onlyKeys(v, where, RETRY_KEYS);
            JsonNode attempts = v.path("attempts");
            if (!attempts.isIntegralNumber()) throw fail(join(where, "attempts"), "must be a whole number (0 for no retries)");
            Duration initial = v.has("initialDelay") ? parseDuration(v.get("initialDelay"), join(where, "initialDelay")) : DEFAULT_RETRIES.initialDelay();
            JsonNode mult = v.path("multiplier");
            if (!mult.isMissingNode() && !mult.isNumber()) throw fail(join(where, "multiplier"), "must be a number of 1 or more");
            double multiplier = mult.isNumber() ? mult.doubleValue() : DEFAULT_RETRIES.multiplier();
            Duration max = v.has("maxDelay") ? parseDuration(v.get("maxDelay"), join(where, "maxDelay"))
                    : (initial.compareTo(DEFAULT_RETRIES.maxDelay()) > 0 ? initial : DEFAULT_RETRIES.maxDelay());
            try {
                return new Retries(attempts.intValue(), initial, multiplier, max);
            } catch (IllegalArgumentException e) {
                throw fail(where, e.getMessage());
            }
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
