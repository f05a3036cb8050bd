package org.podium.ingest;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.podium.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The inbox read lock shared by every instance: Camel's JDBC idempotent repository, where a file's
 * row is its lock, with locks that expire when their instance dies.
 *
 * <p>Camel's own orphan-aware variant (JdbcOrphanLockAwareIdempotentRepository, 4.18) is not
 * exclusive: when two instances try the same key at once, the one whose insert finds the other's row
 * takes it over by refreshing its time, so both process the file (measured here: 19 of 300
 * simultaneous attempts). Here a lock is only ever taken by an INSERT, which the primary key lets
 * exactly one instance win; an orphan (a row its instance stopped renewing) is first deleted by a
 * statement whose condition the database checks, so two instances cannot both take it over either.
 *
 * <p>Each row names the instance that took it, and only that instance releases or renews it. Camel
 * removes keys it does not hold: its file consumer removes the key of every file a scan found but could
 * not begin (another instance holds it) or left for the next scan, and a release delayed past the
 * move can arrive after the row was taken over. Removing by key alone let a third instance take a file
 * the first was still working on; here such a removal leaves the row alone.
 */
public final class InboxLockRepository extends JdbcMessageIdRepository {

    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    private static final String TABLE = "CAMEL_MESSAGEPROCESSED";

    private final String owner = UUID.randomUUID().toString();
    private final long maxAgeMillis;
    private final long keepAliveMillis;
    private ScheduledExecutorService keepAlive;

    public InboxLockRepository(DataSource dataSource, String processorName, long keepAliveMillis, long maxAgeMillis) {
        super(dataSource, processorName);
        if (maxAgeMillis <= keepAliveMillis) {
            throw new IllegalArgumentException("podium.inbox.lock-max-age must be longer than podium.inbox.lock-keep-alive");
        }
        this.maxAgeMillis = maxAgeMillis;
        this.keepAliveMillis = keepAliveMillis;
        setCreateTableIfNotExists(false);   // created by the store's migrations, with room for long paths
    }

    /** This instance's name in the lock table: a new one every time the application starts. */
    public String owner() { return owner; }

    /** Counts only live locks: an orphan does not hold its file. */
    @Override
    protected int queryForInt(String key) {
        Integer n = jdbcTemplate.queryForObject(getQueryString() + " AND createdAt >= ?", Integer.class,
                processorName, key, cutoff());
        return n == null ? 0 : n;
    }

    @Override
    protected int insert(String key) {
        int orphans = jdbcTemplate.update(getDeleteString() + " AND createdAt < ?", processorName, key, cutoff());
        if (orphans > 0) LOG.info("{}: its lock had expired (the instance holding it stopped): taken over", key);
        // a second instance inserting the same key fails on the primary key
        return jdbcTemplate.update("INSERT INTO " + TABLE + " (processorName, messageId, createdAt, owner) VALUES (?, ?, ?, ?)",
                processorName, key, new Timestamp(System.currentTimeMillis()), owner);
    }

    /** Releases the lock only if this instance holds it. */
    @Override
    protected int delete(String key) {
        int n = jdbcTemplate.update(getDeleteString() + " AND owner = ?", processorName, key, owner);
        if (n == 0 && LOG.isDebugEnabled()) {
            List<String> holders = jdbcTemplate.queryForList("SELECT owner FROM " + TABLE
                    + " WHERE processorName = ? AND messageId = ?", String.class, processorName, key);
            if (!holders.isEmpty()) {
                LOG.debug("{}: asked to release its lock, held by instance {}, not by this one ({}): left in place",
                        key, holders.get(0), owner);
            }
        }
        return n;
    }

    /**
     * The inbox lock for a store: its lock table when other instances may share the store; in memory for an
     * embedded one, which is this process's alone (H2 locks its file), so that no other instance can share
     * its locks either. There, taking and releasing a lock costs no commit, and a killed run leaves none.
     */
    public static IdempotentRepository forStore(Database db, long keepAliveMillis, long maxAgeMillis) {
        if (db.isExclusive()) return MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>());
        return new InboxLockRepository(db.dataSource(), "podium-inbox", keepAliveMillis, maxAgeMillis);
    }

    /** Clears this instance's locks only. */
    @Override
    protected int delete() {
        return jdbcTemplate.update(getClearString() + " AND owner = ?", processorName, owner);
    }

    private Timestamp cutoff() {
        return new Timestamp(System.currentTimeMillis() - maxAgeMillis);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "podium-inbox-lock-keep-alive");
            t.setDaemon(true);
            return t;
        });
        keepAlive.scheduleWithFixedDelay(this::renew, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Renews the time of every lock this instance holds, so that no other instance takes them over; then
     * removes the locks instances left when they stopped (killed): a lock of a file that is gone would
     * otherwise stay in the table for good, as no instance ever asks for its key again.
     */
    void renew() {
        try {
            jdbcTemplate.update("UPDATE " + TABLE + " SET createdAt = ? WHERE processorName = ? AND owner = ?",
                    new Timestamp(System.currentTimeMillis()), processorName, owner);
            int orphans = jdbcTemplate.update(getClearString() + " AND createdAt < ?", processorName, cutoff());
            if (orphans > 0) LOG.info("removed {} inbox lock(s) left by an instance that stopped", orphans);
        } catch (RuntimeException e) {
            LOG.warn("could not renew the inbox locks held: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) keepAlive.shutdownNow();
        super.doStop();
    }
}
