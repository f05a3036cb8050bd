package org.podium.delivery;

import org.podium.support.ConfigNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code config/deliveries.yaml}. Every problem names the file, the key and what to
 * change; a secret is never printed.
 */
public final class DeliveriesFile {
    private DeliveriesFile() {}

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Where neither the target nor {@code defaults:} says. */
    static final double DEFAULT_TIMEOUT_SECONDS = 10;
    static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(10, Duration.ofSeconds(5), 2, Duration.ofMinutes(10), 0.2);

    /**
     * @param file a missing file means no targets
     * @param env  a variable's value (the environment's, else the system property's), for {@code secretFrom: NAME}
     */
    public static Targets load(Path file, Function<String, String> env) {
        if (!Files.exists(file)) return Targets.none();
        return read(ConfigNode.read(file), env);
    }

    public static Targets parse(String yaml, String fileName, Function<String, String> env) {
        return read(ConfigNode.parse(yaml, fileName), env);
    }

    private static Targets read(ConfigNode root, Function<String, String> env) {
        if (root.missing()) return Targets.none();
        root.onlyKeys("defaults", "targets");
        ConfigNode defaults = root.get("defaults");
        if (!defaults.missing()) defaults.onlyKeys("timeoutSeconds", "retry");
        List<Target> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode t : root.get("targets").listOrEmpty()) {
            Target target = target(t, defaults, env);
            if (!ids.add(target.id())) throw t.get("id").fail("target id \"" + target.id() + "\" is used twice: give each target its own id");
            out.add(target);
        }
        return new Targets(out);
    }

    private static Target target(ConfigNode t, ConfigNode defaults, Function<String, String> env) {
        t.onlyKeys("id", "url", "kinds", "secret", "secretFrom", "timeoutSeconds", "retry");
        String id = t.get("id").text();
        if (!ID.matcher(id).matches()) {
            throw t.get("id").fail("must be lower case letters, digits and dashes (it names the target's route), was " + t.get("id").was());
        }
        URI url = url(t.get("url"));
        Set<DocumentKind> kinds = kinds(t.get("kinds"));
        String secret = secret(t, env);
        ConfigNode timeoutNode = t.get("timeoutSeconds").missing() ? defaults.get("timeoutSeconds") : t.get("timeoutSeconds");
        double seconds = timeoutNode.numberOr(DEFAULT_TIMEOUT_SECONDS, 0.001, 3600);
        ConfigNode retryNode = t.get("retry").missing() ? defaults.get("retry") : t.get("retry");
        RetryPolicy retry = retryNode.missing() ? DEFAULT_RETRY : retry(retryNode);
        return new Target(id, url, kinds, secret, Duration.ofMillis(Math.round(seconds * 1000)), retry);
    }

    private static URI url(ConfigNode n) {
        String text = n.text();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw n.fail("is not a URL (" + e.getReason() + "): write it as https://host/path");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw n.fail("must be an http:// or https:// URL with a host, such as https://results.example.org/podium/hooks; was " + n.was());
        }
        if (url.getUserInfo() != null) throw n.fail("must not carry a user or password: the requests are signed with the secret instead");
        if (url.getFragment() != null) throw n.fail("must not have a #fragment, was " + n.was());
        return url;
    }

    private static Set<DocumentKind> kinds(ConfigNode n) {
        Set<DocumentKind> out = EnumSet.noneOf(DocumentKind.class);
        List<ConfigNode> list = n.list();
        if (list.isEmpty()) throw n.fail("list the documents the target wants, some of: " + DocumentKind.names());
        for (ConfigNode k : list) {
            String name = k.text();
            out.add(DocumentKind.byId(name).orElseThrow(() -> k.fail("\"" + name + "\" is not a document kind; the kinds are "
                    + DocumentKind.names())));
        }
        return out;
    }

    private static String secret(ConfigNode t, Function<String, String> env) {
        ConfigNode literal = t.get("secret");
        ConfigNode from = t.get("secretFrom");
        if (literal.missing() && from.missing()) {
            throw literal.fail("is required: the shared secret the requests are signed with; write secretFrom: NAME to take"
                    + " it from the environment variable NAME (or the system property NAME), or secret: \"…\" in this file");
        }
        if (!literal.missing() && !from.missing()) throw from.fail("give secret or secretFrom, not both");
        if (!literal.missing()) {
            String s = literal.text();
            if (s.length() < 16) throw literal.fail("must be at least 16 characters long (a random string, shared with the receiver)");
            return s;
        }
        String name = from.text();
        if (!ENV.matcher(name).matches()) throw from.fail("the name of an environment variable such as RESULTS_HUB_SECRET, was " + from.was());
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw from.fail("neither the environment variable " + name + " nor the system property " + name
                    + " is set: set it to the shared secret before starting Podium");
        }
        if (value.strip().length() < 16) {
            throw from.fail("the secret in " + name + " has fewer than 16 characters: it must be longer");
        }
        return value.strip();
    }

    private static RetryPolicy retry(ConfigNode n) {
        n.onlyKeys("attempts", "firstDelay", "multiplier", "maxDelay", "jitter");
        int attempts = n.get("attempts").missing() ? DEFAULT_RETRY.attempts() : n.get("attempts").integer(1);
        Duration first = n.get("firstDelay").missing() ? DEFAULT_RETRY.firstDelay() : duration(n.get("firstDelay"));
        double multiplier = n.get("multiplier").numberOr(DEFAULT_RETRY.multiplier(), 1, 100);
        Duration max = n.get("maxDelay").missing() ? (first.compareTo(DEFAULT_RETRY.maxDelay()) > 0 ? first : DEFAULT_RETRY.maxDelay())
                : duration(n.get("maxDelay"));
        double jitter = n.get("jitter").numberOr(DEFAULT_RETRY.jitter(), 0, 1);
        try {
            return new RetryPolicy(attempts, first, multiplier, max, jitter);
        } catch (IllegalArgumentException e) {
            throw n.fail(e.getMessage());
        }
    }

    private static Duration duration(ConfigNode n) {
        try {
            return org.podium.support.Durations.parse(n.text());
        } catch (IllegalArgumentException e) {
            throw n.fail("must be a duration such as 500ms, 30s, 10m or PT30S; was " + n.was());
        }
    }
}
