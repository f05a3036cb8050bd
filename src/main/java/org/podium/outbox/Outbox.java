package org.podium.outbox;

import org.podium.support.Json;
import org.podium.support.Sha256;
import org.podium.support.AtomicFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.store.StoreException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox that downstream systems read. A document is written (atomically) only when its content
 * changed since the last time, and then gets the next version number; {@code index.json} lists every
 * file with its kind, version and hash.
 */
public final class Outbox {

    public static final String INDEX_SCHEMA = "podium.outbox-index/1";

    /**
     * Told of each document version the outbox records, with its exact bytes, on the connection that records
     * it and inside the same transaction: what it stores commits or rolls back with the ledger's row.
     */
    @FunctionalInterface
    public interface Recorded {
        Recorded NONE = (c, path, kind, version, bytes) -> {};

        void recorded(Connection c, String path, String kind, int version, byte[] bytes) throws SQLException;
    }

    private final Path root;
    private final DataSource db;
    private final Clock clock;
    private final Recorded recorded;

    public Outbox(Path root, DataSource db, Clock clock) {
        this(root, db, clock, Recorded.NONE);
    }

    public Outbox(Path root, DataSource db, Clock clock, Recorded recorded) {
        this.root = root;
        this.db = db;
        this.clock = clock;
        this.recorded = recorded;
    }

    public Path root() { return root; }

    /**
     * Publishes a JSON document at {@code relativePath} (forward slashes) unless the same content is
     * already there. The document gets {@code generated} and {@code version} fields when written.
     *
     * @return true when the file was written
     */
    public boolean publish(String relativePath, String kind, ObjectNode document) {
        String contentHash = Sha256.hex(Json.bytes(document));
        try (Connection c = db.getConnection()) {
            Row row = row(c, relativePath);
            Path target = resolve(relativePath);
            if (row != null && row.contentHash.equals(contentHash) && java.nio.file.Files.exists(target)) {
                return false;
            }
            int version = row == null ? 1 : row.version + (row.contentHash.equals(contentHash) ? 0 : 1);
            Instant now = clock.instant();
            ObjectNode out = Json.object();
            out.set("schema", document.get("schema"));
            out.put("generated", now.toString());
            out.put("version", version);
            document.fields().forEachRemaining(f -> { if (!f.getKey().equals("schema")) out.set(f.getKey(), f.getValue()); });
            byte[] bytes = Json.bytes(out);
            AtomicFiles.write(target, bytes);
            inTransaction(c, () -> {
                upsert(c, relativePath, Sha256.hex(bytes), contentHash, version, kind, now, row != null);
                recorded.recorded(c, relativePath, kind, version, bytes);
            });
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot record outbox file " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /** One file of the outbox as its ledger records it: what {@code index.json} lists. */
    public record Entry(String path, String kind, int version, String sha256, Instant updated) {}

    /** Every file the ledger records, by path. */
    public List<Entry> entries() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT path, kind, version_no, sha256, updated_at FROM outbox_file ORDER BY path");
             ResultSet rs = ps.executeQuery()) {
            List<Entry> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox ledger: " + e.getMessage(), e);
        }
    }

    /** The ledger's record of one file, if it has one. */
    public Optional<Entry> entry(String relativePath) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT path, kind, version_no, sha256, updated_at FROM outbox_file WHERE path = ?")) {
            ps.setString(1, relativePath);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox ledger: " + e.getMessage(), e);
        }
    }

    /** Rewrites {@code index.json} from what the outbox holds. */
    public void writeIndex() {
        ObjectNode index = Json.object();
        index.put("schema", INDEX_SCHEMA);
        index.put("generated", clock.instant().toString());
        ArrayNode files = index.putArray("files");
        for (Entry e : entries()) {
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("kind", e.kind());
            f.put("version", e.version());
            f.put("sha256", e.sha256());
            f.put("updated", e.updated().toString());
        }
        index.put("count", files.size());
        AtomicFiles.write(root.resolve("index.json"), Json.bytes(index));
    }

    /**
     * Writes another Podium's document as it is, byte for byte, at its path and with its version, kind and
     * time of change: a mirror's copy, never computed here. The caller has checked the bytes against the
     * SHA-256 the other Podium announced.
     *
     * @throws IllegalArgumentException when the path leaves the outbox, or the ledger already holds a newer
     *                                  version of it (a mirror never goes back)
     */
    public void mirror(String relativePath, String kind, int version, Instant updated, byte[] bytes) {
        Path target = resolve(relativePath);
        String sha = Sha256.hex(bytes);
        try (Connection c = db.getConnection()) {
            Row row = row(c, relativePath);
            if (row != null && row.version > version) {
                throw new IllegalArgumentException("the outbox holds version " + row.version + " of " + relativePath
                        + ", newer than the version " + version + " offered");
            }
            AtomicFiles.write(target, bytes);
            inTransaction(c, () -> {
                upsert(c, relativePath, sha, sha, version, kind, updated, row != null);
                recorded.recorded(c, relativePath, kind, version, bytes);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot record outbox file " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /** True when the ledger records {@code relativePath} with this SHA-256 and the file is there. */
    public boolean holds(String relativePath, String sha256) {
        return entry(relativePath).filter(e -> e.sha256().equalsIgnoreCase(sha256)).isPresent()
                && java.nio.file.Files.isRegularFile(resolve(relativePath));
    }

    /** Records a file written by someone else (a notice), so the index lists it. */
    public void record(String relativePath, String kind, byte[] bytes) {
        record(relativePath, kind, Sha256.hex(bytes), bytes);
    }

    /** {@link #record(String, String, byte[])} for a file written by streaming, by the SHA-256 of its bytes. */
    public void recordHash(String relativePath, String kind, String sha) {
        record(relativePath, kind, sha, null);
    }

    private void record(String relativePath, String kind, String sha, byte[] bytes) {
        try (Connection c = db.getConnection()) {
            Row row = row(c, relativePath);
            if (row != null && row.contentHash.equals(sha)) return;
            int version = row == null ? 1 : row.version + 1;
            inTransaction(c, () -> {
                upsert(c, relativePath, sha, sha, version, kind, clock.instant(), row != null);
                if (bytes != null) recorded.recorded(c, relativePath, kind, version, bytes);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot record outbox file " + relativePath + ": " + e.getMessage(), e);
        }
    }

    public Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root.normalize())) throw new IllegalArgumentException("outside the outbox: " + relativePath);
        return p;
    }

    private record Row(String contentHash, int version) {}

    private interface Work { void run() throws SQLException; }

    private static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Row row(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_hash, version_no FROM outbox_file WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getInt(2)) : null;
            }
        }
    }

    private static void upsert(Connection c, String path, String sha, String contentHash, int version, String kind,
                               Instant now, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE outbox_file SET sha256 = ?, content_hash = ?, version_no = ?, kind = ?, updated_at = ? WHERE path = ?"
                : "INSERT INTO outbox_file (sha256, content_hash, version_no, kind, updated_at, path) VALUES (?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sha);
            ps.setString(2, contentHash);
            ps.setInt(3, version);
            ps.setString(4, kind);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, path);
            ps.executeUpdate();
        }
    }
}
