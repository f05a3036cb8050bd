package org.podium.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.podium.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Readiness: the store answers a trivial query. The query runs on its own thread so that a store
 * that does not answer (a dropped connection waits for the pool's timeout) makes the check DOWN within
 * {@code timeout} instead of holding the health endpoint; while one query is still waiting no other
 * is started.
 */
final class StoreHealthCheck extends AbstractHealthCheck {

    private final Supplier<Database> database;
    private final Duration timeout;
    // One thread at most, gone after a minute without checks.
    private final ExecutorService pinger = new ThreadPoolExecutor(0, 1, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "podium-store-health");
                t.setDaemon(true);
                return t;
            });
    private Future<?> running;

    StoreHealthCheck(Supplier<Database> database, Duration timeout) {
        super("podium", "podium-store");
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Database db;
        try {
            db = database.get();
        } catch (RuntimeException e) {
            builder.down().message("the store could not be opened: " + ConfigurationException.from(e).getMessage());
            return;
        }
        builder.detail("store", db.describe());
        Future<?> ping;
        synchronized (this) {
            if (running == null || running.isDone()) running = pinger.submit(() -> query(db));
            ping = running;
        }
        try {
            ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            builder.down().message("the store at " + db.describe() + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            builder.down().message("the store at " + db.describe() + " is unreachable: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.unknown().message("interrupted");
        }
    }

    private Void query(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute("SELECT 1");
        }
        return null;
    }
}
