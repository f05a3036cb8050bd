package org.podium.app;

import org.podium.delivery.Delivery;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;
import org.podium.store.Database;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code podium deliveries}: the deliveries not yet received by their target, pending or dead, read from the
 * home's store; with {@code --resend}, the dead ones (all, or those named by event id) are queued again, their
 * attempts counted from zero, and a running Podium sends them on its next look at the target.
 */
final class DeliveriesCommand {

    private final Home home;
    private final PrintStream out;
    private final Map<String, String> overrides;

    DeliveriesCommand(Home home, PrintStream out, Map<String, String> overrides) {
        this.home = home;
        this.out = out;
        this.overrides = overrides;
    }

    int run(boolean resend, String target, List<String> eventIds) {
        try (Database db = open()) {
            DeliveryQueue queue = new DeliveryQueue(db.dataSource(), Clock.systemUTC(), Math::random);
            int code = Commands.OK;
            if (resend) {
                if (eventIds.isEmpty()) {
                    int n = queue.resend(target, List.of());
                    out.printf("podium deliveries: %d dead deliver%s queued again%n", n, n == 1 ? "y" : "ies");
                } else {
                    for (String id : eventIds) {
                        int n = queue.resend(target, List.of(id));
                        if (n > 0) {
                            out.printf("podium deliveries: %s queued again (%d target%s)%n", id, n, n == 1 ? "" : "s");
                        } else {
                            out.printf("podium deliveries: %s is not a dead letter%s: nothing to resend%n", id,
                                    target == null ? "" : " of " + target);
                            code = Commands.REJECTED;
                        }
                    }
                }
            }
            list(queue.undelivered(), target);
            return code;
        }
    }

    private void list(List<Delivery> all, String target) {
        List<Delivery> shown = all.stream().filter(d -> target == null || d.targetId().equals(target)).toList();
        long dead = shown.stream().filter(d -> d.state() == DeliveryState.DEAD).count();
        out.printf("podium deliveries: %d pending, %d dead%n", shown.size() - dead, dead);
        for (Delivery d : shown) {
            out.printf("  %-7s %s %s: %d attempt(s)%s%s%n", d.state(), d.targetId(), d.eventId(), d.attempts(),
                    d.state() == DeliveryState.PENDING ? ", next " + d.nextAttemptAt() : "",
                    d.lastError() == null ? "" : ", last error: " + d.lastError());
        }
        if (dead > 0) {
            out.println("  a dead letter holds the later deliveries of its invitation (or document) to its target;"
                    + " queue it again with: podium deliveries --resend [EVENT_ID...] --home " + home.root());
        }
    }

    /** The home's store as run and once open it: its podium.db.* settings, resolved as Camel would. */
    private Database open() {
        String url = setting("podium.db.url");
        try {
            Database db = new Database(url, setting("podium.db.user"), setting("podium.db.password"), 2);
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            throw new ConfigurationException("podium.db.url: cannot open the store at "
                    + url.replaceAll("password=[^&;]*", "password=***") + ": " + e.getMessage()
                    + (url.startsWith("jdbc:h2:file:") ? " (an embedded store is open to one process at a time: stop"
                    + " podium run on this home first)" : ""), e);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    /** A setting's value: an override, else the environment or a system property, else the default; placeholders resolved. */
    String setting(String key) {
        Properties defaults = Settings.defaults();
        String value = key.equals("podium.home") ? home.root().toString() : overrides.get(key);
        if (value == null) value = System.getenv(Settings.environmentName(key));
        if (value == null) value = System.getProperty(key);
        if (value == null) value = defaults.getProperty(key, "");
        Matcher m = PLACEHOLDER.matcher(value.strip());
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(setting(m.group(1).strip())));
        m.appendTail(b);
        return b.toString();
    }
}
