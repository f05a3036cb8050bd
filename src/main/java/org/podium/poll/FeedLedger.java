package org.podium.poll;

import org.podium.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller remembers in the store: per document URL its HTTP validators and the SHA-256 of the bytes
 * last written ({@code feed_document}), and per feed its last poll ({@code feed_poll}).
 */
public final class FeedLedger {

    /** A document as last seen: its validators, the hash of the bytes written, and where they went. */
    public record KnownDocument(Validators validators, String sha256, String inboxPath) {}

    /** A feed's last poll. */
    public record PollRecord(String feedId, Instant lastPollAt, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                             Map<FetchOutcome, Integer> counts) {}

    private final DataSource db;

    public FeedLedger(DataSource db) {
        this.db = db;
    }

    public Optional<KnownDocument> document(String feedId, String url) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT etag, last_modified, sha256, inbox_path FROM feed_document WHERE feed_id = ? AND url = ?")) {
            ps.setString(1, feedId);
            ps.setString(2, url);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new KnownDocument(new Validators(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read what feed " + feedId + " knows of " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Remembers a document's validators, and the hash and inbox path of its bytes when they were written
     * (null keeps the ones remembered).
     */
    public void remember(String feedId, String url, Validators validators, String sha256, String inboxPath, Instant at) {
        String etag = clip(validators.etag(), 500);
        String lastModified = clip(validators.lastModified(), 100);
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement up = c.prepareStatement("UPDATE feed_document SET etag = ?, last_modified = ?, "
                        + "sha256 = COALESCE(?, sha256), inbox_path = COALESCE(?, inbox_path), fetched_at = ? "
                        + "WHERE feed_id = ? AND url = ?")) {
                    up.setString(1, etag);
                    up.setString(2, lastModified);
                    up.setString(3, sha256);
                    up.setString(4, inboxPath);
                    up.setTimestamp(5, Timestamp.from(at));
                    up.setString(6, feedId);
                    up.setString(7, url);
                    if (up.executeUpdate() > 0) return;
                }
                try (PreparedStatement in = c.prepareStatement("INSERT INTO feed_document "
                        + "(feed_id, url, etag, last_modified, sha256, inbox_path, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    in.setString(1, feedId);
                    in.setString(2, url);
                    in.setString(3, etag);
                    in.setString(4, lastModified);
                    in.setString(5, sha256);
                    in.setString(6, inboxPath);
                    in.setTimestamp(7, Timestamp.from(at));
                    in.executeUpdate();
                    return;
                }
            } catch (SQLException e) {
                // Another instance inserted the same row in between: update it instead.
                if (isUniqueViolation(e) && attempt < 3) continue;
                throw new StoreException("cannot remember " + url + " for feed " + feedId + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<PollRecord> poll(String feedId) {
        return Optional.ofNullable(polls().get(feedId));
    }

    /** Every feed's last poll, by feed id. */
    public Map<String, PollRecord> polls() {
        Map<String, PollRecord> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT feed_id, last_poll_at, last_success_at, last_error_at, last_error, "
                     + "fetched, unchanged, same_hash, refused, failed FROM feed_poll ORDER BY feed_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<FetchOutcome, Integer> counts = new java.util.EnumMap<>(FetchOutcome.class);
                counts.put(FetchOutcome.FETCHED, rs.getInt(6));
                counts.put(FetchOutcome.UNCHANGED, rs.getInt(7));
                counts.put(FetchOutcome.SAME_HASH, rs.getInt(8));
                counts.put(FetchOutcome.REFUSED, rs.getInt(9));
                counts.put(FetchOutcome.FAILED, rs.getInt(10));
                out.put(rs.getString(1), new PollRecord(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        rs.getString(5), counts));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the feeds' last polls: " + e.getMessage(), e);
        }
    }

    /** Records a finished poll; the last success or the last error is kept from before when this poll has none. */
    public void pollFinished(PollResult r) {
        Instant success = r.failed() ? null : r.finishedAt();
        Instant errorAt = r.problem() == null ? null : r.finishedAt();
        String error = clip(r.problem(), 2000);
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement up = c.prepareStatement("UPDATE feed_poll SET last_poll_at = ?, "
                        + "last_success_at = COALESCE(?, last_success_at), last_error_at = COALESCE(?, last_error_at), "
                        + "last_error = COALESCE(?, last_error), "
                        + "fetched = ?, unchanged = ?, same_hash = ?, refused = ?, failed = ? WHERE feed_id = ?")) {
                    up.setTimestamp(1, Timestamp.from(r.startedAt()));
                    up.setTimestamp(2, success == null ? null : Timestamp.from(success));
                    up.setTimestamp(3, errorAt == null ? null : Timestamp.from(errorAt));
                    up.setString(4, error);
                    setCounts(up, 5, r);
                    up.setString(10, r.feedId());
                    if (up.executeUpdate() > 0) return;
                }
                try (PreparedStatement in = c.prepareStatement("INSERT INTO feed_poll (feed_id, last_poll_at, last_success_at, "
                        + "last_error_at, last_error, fetched, unchanged, same_hash, refused, failed) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    in.setString(1, r.feedId());
                    in.setTimestamp(2, Timestamp.from(r.startedAt()));
                    in.setTimestamp(3, success == null ? null : Timestamp.from(success));
                    in.setTimestamp(4, errorAt == null ? null : Timestamp.from(errorAt));
                    in.setString(5, error);
                    setCounts(in, 6, r);
                    in.executeUpdate();
                    return;
                }
            } catch (SQLException e) {
                if (isUniqueViolation(e) && attempt < 3) continue;
                throw new StoreException("cannot record the poll of feed " + r.feedId() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void setCounts(PreparedStatement ps, int from, PollResult r) throws SQLException {
        ps.setInt(from, r.count(FetchOutcome.FETCHED));
        ps.setInt(from + 1, r.count(FetchOutcome.UNCHANGED));
        ps.setInt(from + 2, r.count(FetchOutcome.SAME_HASH));
        ps.setInt(from + 3, r.count(FetchOutcome.REFUSED));
        ps.setInt(from + 4, r.count(FetchOutcome.FAILED));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("23505".equals(state) || "23001".equals(state)) return true;
        }
        return false;
    }
}
