package org.podium.delivery;

import org.podium.store.StoreException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * The deliveries in the store (table {@code delivery}): queued with the outbox ledger's row, claimed under
 * a lease by the instance that sends them, then marked delivered, scheduled again or dead. Everything is in
 * the store, so a restart or an outage of the target loses nothing.
 */
public final class DeliveryQueue {

    private static final String COLUMNS = "id, target_id, path, kind, version_no, chain_key, event_id, idempotency_key, body, "
            + "state, attempts, next_attempt_at, last_error, last_attempt_at, created_at, delivered_at, lease_owner, lease_until";

    private final DataSource db;
    private final Clock clock;
    private final DoubleSupplier random;

    public DeliveryQueue(DataSource db, Clock clock, DoubleSupplier random) {
        this.db = db;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Queues one document version for one target, on the connection (and in the transaction) that records
     * the version in the outbox ledger; nothing when that target already has that version.
     *
     * @return true when queued
     */
    public static boolean enqueue(Connection c, Target target, String path, String kind, int version, byte[] body,
                                  Instant now) throws SQLException {
        String eventId = Chains.eventId(path, version);
        // the same on every attempt, and different for every target: a receiver keeps it to drop repeats
        String key = UUID.nameUUIDFromBytes((target.id() + "\n" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery (target_id, path, kind, version_no, chain_key, "
                + "event_id, idempotency_key, body, state, attempts, next_attempt_at, created_at) "
                + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
                + "(SELECT 1 FROM delivery WHERE target_id = ? AND path = ? AND version_no = ?)")) {
            ps.setString(1, target.id());
            ps.setString(2, path);
            ps.setString(3, kind);
            ps.setInt(4, version);
            ps.setString(5, Chains.of(kind, path));
            ps.setString(6, eventId);
            ps.setString(7, key);
            ps.setBytes(8, body);
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setString(11, target.id());
            ps.setString(12, path);
            ps.setInt(13, version);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Claims what {@code owner} may send to a target now ({@link Chains#sendable}), each under a lease:
     * another instance skips them meanwhile. They are sent one after the other, so the n-th claimed is
     * leased for n × {@code leaseEach}: if the owner dies, the first are free again soonest. A claim another
     * instance won is left out, with the rest of its chain.
     */
    public List<Delivery> claim(String targetId, String owner, Duration leaseEach, int max) {
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            List<Delivery> pending = query(c, "WHERE target_id = ? AND state = 'PENDING' ORDER BY chain_key, id", targetId);
            if (pending.isEmpty()) return List.of();
            Set<String> dead = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT chain_key FROM delivery WHERE target_id = ? AND state = 'DEAD'")) {
                ps.setString(1, targetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) dead.add(rs.getString(1));
                }
            }
            List<Delivery> claimed = new ArrayList<>();
            Set<String> lost = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET lease_owner = ?, lease_until = ? "
                    + "WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)")) {
                for (Delivery d : Chains.sendable(pending, dead, now, max)) {
                    if (lost.contains(d.chain())) continue;
                    ps.setString(1, owner);
                    ps.setTimestamp(2, Timestamp.from(now.plus(leaseEach.multipliedBy(claimed.size() + 1L))));
                    ps.setLong(3, d.id());
                    ps.setTimestamp(4, Timestamp.from(now));
                    if (ps.executeUpdate() == 1) {
                        claimed.add(d);
                    } else {
                        lost.add(d.chain()); // another instance has it: the rest of its chain waits for it
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("cannot claim deliveries for " + targetId + ": " + e.getMessage(), e);
        }
    }

    public void delivered(long id, String owner) {
        Instant now = clock.instant();
        update("UPDATE delivery SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, last_attempt_at = ?, "
                + "last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'PENDING'",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setLong(3, id);
                });
    }

    /**
     * A failed attempt: scheduled again after the policy's delay, or dead when it was the last.
     *
     * @return the delivery's state after it
     */
    public DeliveryState failed(Delivery d, RetryPolicy policy, String error) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        boolean dead = policy.exhausted(attempts);
        Instant next = dead ? now : now.plus(policy.delayAfter(attempts, random.getAsDouble()));
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        update("UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?, last_error = ?, "
                + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'PENDING'",
                ps -> {
                    ps.setString(1, dead ? DeliveryState.DEAD.name() : DeliveryState.PENDING.name());
                    ps.setInt(2, attempts);
                    ps.setTimestamp(3, Timestamp.from(next));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setString(5, message);
                    ps.setLong(6, d.id());
                });
        return dead ? DeliveryState.DEAD : DeliveryState.PENDING;
    }

    /** Gives a claimed delivery back unsent (not counted as an attempt): the next claim may take it. */
    public void release(long id, String owner) {
        update("UPDATE delivery SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", ps -> {
            ps.setLong(1, id);
            ps.setString(2, owner);
        });
    }

    /** Clears every lease: on an embedded store, whoever held them was this store's previous process, now gone. */
    public int clearLeases() {
        return update("UPDATE delivery SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL", ps -> {});
    }

    /**
     * Queues dead deliveries again, with their attempts counted from zero.
     *
     * @param eventIds the event ids to queue again; empty for every dead delivery
     * @return how many were queued again
     */
    public int resend(String targetId, Collection<String> eventIds) {
        Instant now = clock.instant();
        String where = "state = 'DEAD'" + (targetId == null ? "" : " AND target_id = ?");
        if (eventIds.isEmpty()) {
            return update("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ? WHERE " + where, ps -> {
                ps.setTimestamp(1, Timestamp.from(now));
                if (targetId != null) ps.setString(2, targetId);
            });
        }
        int n = 0;
        for (String eventId : eventIds) {
            n += update("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ? WHERE " + where
                    + " AND event_id = ?", ps -> {
                ps.setTimestamp(1, Timestamp.from(now));
                int i = 2;
                if (targetId != null) ps.setString(i++, targetId);
                ps.setString(i, eventId);
            });
        }
        return n;
    }

    /** Pending and dead deliveries, oldest first (bodies not read). */
    public List<Delivery> undelivered() {
        try (Connection c = db.getConnection()) {
            return query(c, "WHERE state <> 'DELIVERED' ORDER BY target_id, chain_key, id");
        } catch (SQLException e) {
            throw new StoreException("cannot read the deliveries: " + e.getMessage(), e);
        }
    }

    /** How many deliveries are in each state, per target: what the health check and the meters show. */
    public List<Count> counts() {
        List<Count> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT target_id, state, COUNT(*), MIN(created_at) FROM delivery "
                     + "WHERE state <> 'DELIVERED' GROUP BY target_id, state ORDER BY target_id, state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Count(rs.getString(1), DeliveryState.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count the deliveries: " + e.getMessage(), e);
        }
    }

    /** {@code count} deliveries of a target in a state, the oldest queued at {@code oldest}. */
    public record Count(String targetId, DeliveryState state, long count, Instant oldest) {}

    /** Every delivery of a target, in queue order (for tests and the benchmark). */
    public List<Delivery> all(String targetId) {
        try (Connection c = db.getConnection()) {
            return query(c, "WHERE target_id = ? ORDER BY id", targetId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the deliveries: " + e.getMessage(), e);
        }
    }

    private interface Binder { void bind(PreparedStatement ps) throws SQLException; }

    private int update(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the deliveries: " + e.getMessage(), e);
        }
    }

    private static List<Delivery> query(Connection c, String where, String... args) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery " + where)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                            DeliveryState.valueOf(rs.getString(10)), rs.getInt(11), instant(rs, 12), rs.getString(13),
                            instant(rs, 14), instant(rs, 15), instant(rs, 16), rs.getString(17), instant(rs, 18)));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
