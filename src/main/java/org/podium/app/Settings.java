package org.podium.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Podium's own settings ({@code podium.*}), checked once at start-up so that a bad value stops Podium
 * with a message naming the key, instead of failing later in whatever first reads it. A setting whose
 * default in {@code application.properties} is a whole number must be a whole number of at least its
 * minimum (0 unless listed in {@link #MINIMUM}), one whose default is true or false must be one of them;
 * the store URL must be a JDBC URL. Camel's own keys
 * ({@code camel.*}) are checked by Camel, which fails on an unknown or malformed one.
 */
final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger("podium.config");

    static final String PREFIX = "podium.";

    /** Settings where 0 makes no sense. */
    static final Map<String, Long> MINIMUM = Map.ofEntries(
            Map.entry("podium.db.pool-size", 1L),
            Map.entry("podium.inbox.max-file-size", 1L),
            Map.entry("podium.inbox.poll-delay", 1L),
            Map.entry("podium.inbox.read-lock-check-interval", 1L),
            Map.entry("podium.recompute.check-interval", 1L),
            Map.entry("podium.recompute.max-seasons", 1L),
            Map.entry("podium.recompute.max-sessions", 1L),
            Map.entry("podium.once.max-seconds", 1L),
            Map.entry("podium.shutdown-timeout", 1L),
            Map.entry("podium.poll.breaker.window", 1L),
            Map.entry("podium.poll.breaker.minimum-polls", 1L),
            Map.entry("podium.poll.breaker.half-open-polls", 1L),
            Map.entry("podium.deliver.interval", 1L),
            Map.entry("podium.deliver.batch", 1L),
            Map.entry("podium.deliver.breaker.window", 1L),
            Map.entry("podium.deliver.breaker.minimum-calls", 1L),
            Map.entry("podium.deliver.breaker.half-open-calls", 1L));

    /** Set by the command line (and the demo's log file), not in application.properties. */
    static final Set<String> COMMAND_LINE = Set.of("podium.home", "podium.log.format", LogFile.PROPERTY);

    private Settings() {}

    /** The defaults shipped in the jar: every known {@code podium.*} key. */
    static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) throw new IllegalStateException("application.properties is missing from the build");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Checks every known setting's effective value (after environment variables, system properties and
     * overrides).
     *
     * @param resolve a key's effective value, placeholders resolved
     * @throws ConfigurationException naming every bad key, its value and what it should be
     */
    static void check(Function<String, Optional<String>> resolve) {
        Properties defaults = defaults();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
            if (!key.startsWith(PREFIX)) continue;
            String value = resolve.apply(key).orElse("").strip();
            String problem = problem(key, defaults.getProperty(key).strip(), value);
            if (problem != null) problems.add(problem);
        }
        if (!problems.isEmpty()) throw new ConfigurationException(String.join("; ", problems), null);
    }

    /**
     * The outbox API ({@code camel.server.enabled}, in run) off the loopback interface must have a token:
     * the outbox would otherwise be open to the network.
     *
     * @throws ConfigurationException naming podium.serve.token and the host
     */
    static void checkServe(Function<String, Optional<String>> resolve) {
        if (!resolve.apply("camel.server.enabled").orElse("false").strip().equals("true")) return;
        String host = resolve.apply("podium.serve.host").orElse("").strip();
        String token = resolve.apply("podium.serve.token").orElse("").strip();
        if (!token.isEmpty() || loopback(host)) return;
        throw new ConfigurationException("podium.serve.token (environment " + environmentName("podium.serve.token")
                + ") is not set, and podium.serve.host (environment " + environmentName("podium.serve.host") + ") is \""
                + host + "\", not the loopback interface: set a token (readers then send \"Authorization: Bearer <token>\"), "
                + "or serve on 127.0.0.1", null);
    }

    /** True for a loopback address or a name that resolves only to loopback addresses ({@code localhost}). */
    static boolean loopback(String host) {
        if (host.isEmpty()) return false;
        try {
            java.net.InetAddress[] all = java.net.InetAddress.getAllByName(host);
            for (java.net.InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** What is wrong with {@code value} for {@code key}, or null. */
    static String problem(String key, String defaultValue, String value) {
        if (key.equals("podium.db.url")) {
            return value.startsWith("jdbc:") ? null
                    : where(key, value) + ": not a JDBC URL (jdbc:h2:file:… or jdbc:postgresql://host:5432/db)";
        }
        if (defaultValue.equals("true") || defaultValue.equals("false")) {
            return value.equals("true") || value.equals("false") ? null
                    : where(key, value) + ": must be true or false (default " + defaultValue + ")";
        }
        if (!defaultValue.matches("\\d+")) return null;
        long min = MINIMUM.getOrDefault(key, 0L);
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return where(key, value) + ": not a whole number (default " + defaultValue + ")";
        }
        return n < min ? where(key, value) + ": must be " + min + " or more (default " + defaultValue + ")" : null;
    }

    private static String where(String key, String value) {
        return key + " (environment " + environmentName(key) + ") is \"" + value + "\"";
    }

    /** {@code podium.inbox.max-file-size} → {@code PODIUM_INBOX_MAX_FILE_SIZE}, as Camel maps them. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Logs a warning for each {@code PODIUM_*} environment variable and {@code podium.*} system property
     * that no setting reads: a misspelt name would otherwise be ignored without a word.
     */
    static void warnUnknown(Map<String, String> environment, Properties system) {
        Properties defaults = defaults();
        Set<String> known = new TreeSet<>(COMMAND_LINE);
        for (String k : defaults.stringPropertyNames()) if (k.startsWith(PREFIX)) known.add(k);
        Set<String> knownEnv = new TreeSet<>();
        for (String k : known) knownEnv.add(environmentName(k));
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith("PODIUM_") && !knownEnv.contains(name)) {
                LOG.warn("environment variable {} is not a Podium setting and is ignored", name);
            }
        }
        for (String name : new TreeSet<>(system.stringPropertyNames())) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                LOG.warn("system property {} is not a Podium setting and is ignored", name);
            }
        }
    }
}
