package org.podium.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One recompute-and-publish at a time, across every instance sharing the store: on PostgreSQL a
 * session-level advisory lock held on a connection of its own; on an embedded H2 database (one
 * instance by nature) a lock in this JVM.
 */
public final class PublicationLock {

    /** An arbitrary constant naming Podium's publication lock among the database's advisory locks. */
    static final long KEY = 727_002L;

    private final DataSource db;
    private final boolean postgres;
    private final ReentrantLock local = new ReentrantLock();
    private Connection held;

    public PublicationLock(Database database) {
        this.db = database.dataSource();
        this.postgres = database.isPostgres();
    }

    /** Waits until this instance holds the lock. */
    public void acquire() throws SQLException {
        local.lock();
        if (!postgres) return;
        try {
            Connection c = db.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            held = c;
        } catch (SQLException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** Whether this instance is recomputing and publishing now. */
    public boolean publishing() { return local.isLocked(); }

    public void release() {
        if (!local.isHeldByCurrentThread()) return;
        try {
            if (held != null) {
                try (Connection c = held; Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
                } catch (SQLException e) {
                    // Closing the connection ends the session, which releases the lock anyway.
                }
                held = null;
            }
        } finally {
            local.unlock();
        }
    }
}
