package org.podium.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which notices have been published. A notice is recorded here before its files are written; the
 * primary key (invitation, seq) makes a second recording of the same next notice fail, so two
 * instances, a restart or a rebuild never publish one twice.
 */
public final class NoticeLedger {

    private static final String COLUMNS = "invitation_id, seq, state, recipient_key, supersedes, basis_hash, path, "
            + "content, markdown, created_at, written_at";

    private final DataSource db;
    private final Clock clock;

    public NoticeLedger(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The last notice recorded for an invitation. */
    public Optional<LedgerNotice> last(String invitationId) {
        List<LedgerNotice> all = query("WHERE invitation_id = ? ORDER BY seq DESC", invitationId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<LedgerNotice> all(String invitationId) {
        return query("WHERE invitation_id = ? ORDER BY seq", invitationId);
    }

    /** Notices recorded but whose files are not in the outbox yet (a crash came in between). */
    public List<LedgerNotice> unwritten() {
        return query("WHERE written_at IS NULL ORDER BY invitation_id, seq");
    }

    /**
     * Records notices, all or none.
     *
     * @return false when one of them was already recorded (by another instance): nothing recorded
     */
    public boolean record(List<LedgerNotice> notices) {
        if (notices.isEmpty()) return true;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,NULL)")) {
                for (LedgerNotice n : notices) {
                    ps.setString(1, n.invitationId());
                    ps.setInt(2, n.seq());
                    ps.setString(3, n.state());
                    ps.setString(4, n.recipientKey());
                    if (n.supersedes() == null) ps.setNull(5, java.sql.Types.INTEGER);
                    else ps.setInt(5, n.supersedes());
                    ps.setString(6, n.basisHash());
                    ps.setString(7, n.path());
                    ps.setString(8, n.json());
                    ps.setString(9, n.markdown());
                    ps.setTimestamp(10, Timestamp.from(n.createdAt()));
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (ResultStore.isUniqueViolation(e)) return false;
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record notices: " + e.getMessage(), e);
        }
    }

    public void markWritten(String invitationId, int seq) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE notice SET written_at = ? WHERE invitation_id = ? AND seq = ? AND written_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, invitationId);
            ps.setInt(3, seq);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot mark notice " + invitationId + "/" + seq + " written: " + e.getMessage(), e);
        }
    }

    public long count() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notice");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count notices: " + e.getMessage(), e);
        }
    }

    private List<LedgerNotice> query(String where, String... args) {
        List<LedgerNotice> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notice " + where)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int sup = rs.getInt("supersedes");
                    Integer supersedes = rs.wasNull() ? null : sup;
                    Timestamp written = rs.getTimestamp("written_at");
                    out.add(new LedgerNotice(rs.getString("invitation_id"), rs.getInt("seq"), rs.getString("state"),
                            rs.getString("recipient_key"), supersedes, rs.getString("basis_hash"), rs.getString("path"),
                            rs.getString("content"), rs.getString("markdown"), rs.getTimestamp("created_at").toInstant(),
                            written == null ? null : written.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the notice ledger: " + e.getMessage(), e);
        }
        return out;
    }
}
