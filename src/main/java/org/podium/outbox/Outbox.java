package org.podium.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.store.StoreException;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;
import org.podium.support.Sha256;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The outbox that downstream systems read. A document is written (atomically) only when its content
 * changed since the last time, and then gets the next version number; {@code index.json} lists every
 * file with its kind, version and hash.
 *
 * <p>Documents are published in batches: {@link #publish} writes each changed document to a hidden
 * temporary file; {@link #flush} (which {@link #writeIndex} begins with) flushes the batch's files to
 * disk together, renames each into place, flushes their folders, and only then records the batch in
 * the ledger, in one transaction. A file is thus never recorded before it is in place; a crash in
 * between leaves files whose ledger row is older, and the next publication of the season (still
 * unpublished in the store) writes them again under the next version.
 */
public final class Outbox {

    public static final String INDEX_SCHEMA = "podium.outbox-index/1";

    private final Path root;
    private final DataSource db;
    private final Clock clock;
    /** Documents written to temporary files and not yet in place, by path; guarded by this. */
    private final Map<String, Staged> staged = new LinkedHashMap<>();
    /** Ledger changes this instance committed; guarded by this. */
    private long changes;
    /** Index writes take turns, apart from publications: a report's index write never holds up a publication's files. */
    private final Object indexLock = new Object();
    /** The count of {@link #changes} the index last written here lists; guarded by indexLock. */
    private long indexed = -1;

    /**
     * Told of each document version the outbox records, on the connection that records it and inside the
     * same transaction: what it stores commits or rolls back with the ledger's row. The bytes are read only
     * when asked for (most listeners want only some kinds).
     */
    @FunctionalInterface
    public interface Recorded {
        Recorded NONE = (c, path, kind, version, bytes) -> {};

        void recorded(Connection c, String path, String kind, int version, Supplier<byte[]> bytes) throws SQLException;
    }

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

    /** A document published and not yet recorded; {@code tmp} is null once the file is in place. */
    private record Staged(String path, Path target, Path tmp, String sha, String contentHash, int version, String kind,
                          Instant at, boolean recorded) {
        Staged placed() {
            return new Staged(path, target, null, sha, contentHash, version, kind, at, recorded);
        }
    }

    /**
     * Publishes a JSON document at {@code relativePath} (forward slashes) unless the same content is
     * already there. The document gets {@code generated} and {@code version} fields when written. It is
     * in place, and recorded, once {@link #flush()} (or {@link #writeIndex()}) has run.
     *
     * @return true when the file is written
     */
    public synchronized boolean publish(String relativePath, String kind, ObjectNode document) {
        return publish(relativePath, kind, Json.bytes(document), document);
    }

    /**
     * {@link #publish(String, String, ObjectNode)} for a document already written out as {@link Json}
     * writes it, beginning with its {@code schema} field (the documents Podium builds from records are
     * written straight to bytes).
     */
    public synchronized boolean publish(String relativePath, String kind, byte[] document) {
        if (leadingSchema(document) == null) {
            throw new IllegalArgumentException(relativePath + ": a document written out must begin with its schema field");
        }
        return publish(relativePath, kind, document, null);
    }

    private boolean publish(String relativePath, String kind, byte[] content, ObjectNode document) {
        String contentHash = Sha256.hex(content);
        Path target = resolve(relativePath);
        Staged pending = staged.get(relativePath);
        Row row;
        boolean recorded;
        if (pending != null) {
            row = new Row(pending.contentHash(), pending.version());
            recorded = pending.recorded();
            if (row.contentHash.equals(contentHash)) return false;
        } else {
            try (Connection c = db.getConnection()) {
                row = row(c, relativePath);
            } catch (SQLException e) {
                throw new StoreException("cannot record outbox file " + relativePath + ": " + e.getMessage(), e);
            }
            recorded = row != null;
            if (row != null && row.contentHash.equals(contentHash) && java.nio.file.Files.exists(target)) return false;
        }
        int version = row == null ? 1 : row.version + (row.contentHash.equals(contentHash) ? 0 : 1);
        Instant now = clock.instant();
        byte[] bytes = document == null ? versioned(content, now, version) : versioned(document, content, now, version);
        Path tmp = AtomicFiles.stage(target, bytes);
        if (pending != null) discard(pending);
        staged.put(relativePath, new Staged(relativePath, target, tmp, Sha256.hex(bytes), contentHash, version, kind, now, recorded));
        return true;
    }

    /**
     * The file's bytes: the document with {@code generated} and {@code version} after its {@code schema}.
     * The document was just written out for its hash; rather than write it all again, the two fields are
     * put into those bytes after the schema field, which gives the very bytes writing the whole file would
     * (both come from one writer, field by field). A document that does not begin with a textual schema
     * field is written whole.
     */
    static byte[] versioned(ObjectNode document, byte[] content, Instant generated, int version) {
        JsonNode schema = document.get("schema");
        if (schema != null && schema.isTextual() && document.size() > 1 && "schema".equals(document.fieldNames().next())) {
            byte[] out = withFields(content, schema.textValue(), generated, version);
            if (out != null) return out;
        }
        ObjectNode out = Json.object();
        out.set("schema", schema);
        out.put("generated", generated.toString());
        out.put("version", version);
        document.fields().forEachRemaining(f -> { if (!f.getKey().equals("schema")) out.set(f.getKey(), f.getValue()); });
        return Json.bytes(out);
    }

    /** A document written out, beginning with its schema field: the same bytes with the two fields after it. */
    static byte[] versioned(byte[] content, Instant generated, int version) {
        String schema = leadingSchema(content);
        byte[] out = schema == null ? null : withFields(content, schema, generated, version);
        if (out == null) throw new IllegalArgumentException("a document written out must begin with its schema field");
        return out;
    }

    /** {@code content} with {@code generated} and {@code version} after its leading schema field; null when it does not lead. */
    private static byte[] withFields(byte[] content, String schema, Instant generated, int version) {
        // {"schema": s} as the writer begins it, then with the two fields: both left open, so no closing brace
        byte[] alone = SCHEMA_HEADS.computeIfAbsent(schema, s -> head(s, null, 0));
        int prefix = alone.length;
        if (prefix > 0 && content.length > prefix && content[prefix] == ','
                && java.util.Arrays.equals(content, 0, prefix, alone, 0, prefix)) {
            byte[] withFields = head(schema, generated.toString(), version);
            int fields = withFields.length;
            byte[] out = new byte[content.length + fields - prefix];
            System.arraycopy(withFields, 0, out, 0, fields);
            System.arraycopy(content, prefix, out, fields, content.length - prefix);
            return out;
        }
        return null;
    }

    /** The few schema names Podium writes, each with the bytes its documents begin with. */
    private static final Map<String, byte[]> SCHEMA_HEADS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The bytes {@link Json} writes for an object that begins {@code schema}, then {@code generated} and
     * {@code version} when generated is given, up to the last of them: what any longer document with those
     * first fields begins with. One writer, no tree: this runs for every file the outbox writes.
     */
    private static byte[] head(String schema, String generated, int version) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(96);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)
                // closed with the object left open: no closing brace
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) {
            g.writeStartObject();
            g.writeStringField("schema", schema);
            if (generated != null) {
                g.writeStringField("generated", generated);
                g.writeNumberField("version", version);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The value of the {@code schema} field a written-out document begins with ({@code {"schema" : "…",}),
     * or null. Schema names are plain ASCII words: a value with an escape is not taken.
     */
    static String leadingSchema(byte[] json) {
        int i = skipSpace(json, 0);
        if (i >= json.length || json[i] != '{') return null;
        i = skipSpace(json, i + 1);
        byte[] key = "\"schema\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!java.util.Arrays.equals(json, i, Math.min(json.length, i + key.length), key, 0, key.length)) return null;
        i = skipSpace(json, i + key.length);
        if (i >= json.length || json[i] != ':') return null;
        i = skipSpace(json, i + 1);
        if (i >= json.length || json[i] != '"') return null;
        int start = i + 1;
        int end = start;
        while (end < json.length && json[end] != '"') {
            if (json[end] == '\\' || json[end] < 0x20) return null;
            end++;
        }
        if (end >= json.length) return null;
        int after = skipSpace(json, end + 1);
        if (after >= json.length || json[after] != ',') return null;
        return new String(json, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int skipSpace(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) i++;
        return i;
    }

    /**
     * Puts every document published since the last flush in place: their bytes flushed to disk (together),
     * renamed over their targets, their folders flushed; then their ledger rows in one transaction. When a
     * step fails, what is not done yet stays pending (the next flush tries again) and the error is thrown.
     */
    public synchronized void flush() {
        if (staged.isEmpty()) return;
        List<Staged> batch = new ArrayList<>(staged.values());
        AtomicFiles.forceAll(batch.stream().map(Staged::tmp).filter(java.util.Objects::nonNull).toList());
        Set<Path> folders = new LinkedHashSet<>();
        for (Staged s : batch) {
            if (s.tmp() == null) continue;
            AtomicFiles.moveIntoPlace(s.tmp(), s.target());
            // in place: only its ledger row is still to come
            staged.put(s.path(), s.placed());
            folders.add(s.target().toAbsolutePath().getParent());
        }
        AtomicFiles.forceDirectories(folders);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Staged s : batch) {
                    upsert(c, s.path(), s.sha(), s.contentHash(), s.version(), s.kind(), s.at(), s.recorded());
                    recorded.recorded(c, s.path(), s.kind(), s.version(), () -> read(s.target()));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record " + batch.size() + " outbox file(s) (" + batch.get(0).path() + "…): "
                    + e.getMessage(), e);
        }
        staged.clear();
        changes++;
    }

    /** A file just put in place, read back for a listener (one publication at a time writes the outbox). */
    private static byte[] read(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read back " + file + ": " + e.getMessage(), e);
        }
    }

    private static void discard(Staged s) {
        if (s.tmp() == null) return;
        try {
            java.nio.file.Files.deleteIfExists(s.tmp());
        } catch (java.io.IOException ignored) {
            // swept at the next start
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

    /**
     * Puts what was published in place ({@link #flush()}), then rewrites {@code index.json} from the
     * ledger, unless nothing was recorded by this instance since it last wrote it. The ledger is read
     * after the count of changes is taken, so an index written lists at least those changes; index
     * writes take turns, so the last one written is never an older view than one before it.
     */
    public void writeIndex() {
        flush();
        synchronized (indexLock) {
            writeIndexInTurn();
        }
    }

    private void writeIndexInTurn() {
        long changes;
        synchronized (this) {
            changes = this.changes;
        }
        Path target = root.resolve("index.json");
        if (changes == indexed && java.nio.file.Files.exists(target)) return;
        // Streamed row by row: the ledger of a large outbox lists tens of thousands of files.
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT path, kind, version_no, sha256, updated_at FROM outbox_file ORDER BY path");
             ResultSet rs = ps.executeQuery()) {
            String generated = clock.instant().toString();
            AtomicFiles.stream(target, out -> {
                // not closed: closing would close the stream, which AtomicFiles flushes and closes itself
                JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("schema", INDEX_SCHEMA);
                g.writeStringField("generated", generated);
                g.writeArrayFieldStart("files");
                int count = 0;
                try {
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeStringField("path", rs.getString(1));
                        g.writeStringField("kind", rs.getString(2));
                        g.writeNumberField("version", rs.getInt(3));
                        g.writeStringField("sha256", rs.getString(4));
                        g.writeStringField("updated", rs.getTimestamp(5).toInstant().toString());
                        g.writeEndObject();
                        count++;
                    }
                } catch (SQLException e) {
                    throw new StoreException("cannot read the outbox ledger: " + e.getMessage(), e);
                }
                g.writeEndArray();
                g.writeNumberField("count", count);
                g.writeEndObject();
                g.flush();
            });
            indexed = changes;
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Writes another Podium's document as it is, byte for byte, at its path and with its version, kind and
     * time of change: a mirror's copy, never computed here. The caller has checked the bytes against the
     * SHA-256 the other Podium announced.
     *
     * @throws IllegalArgumentException when the path leaves the outbox, or the ledger already holds a newer
     *                                  version of it (a mirror never goes back)
     */
    public synchronized void mirror(String relativePath, String kind, int version, Instant updated, byte[] bytes) {
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
                recorded.recorded(c, relativePath, kind, version, () -> bytes);
            });
            changes++;
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

    private synchronized void record(String relativePath, String kind, String sha, byte[] bytes) {
        try (Connection c = db.getConnection()) {
            Row row = row(c, relativePath);
            if (row != null && row.contentHash.equals(sha)) return;
            int version = row == null ? 1 : row.version + 1;
            inTransaction(c, () -> {
                upsert(c, relativePath, sha, sha, version, kind, clock.instant(), row != null);
                if (bytes != null) recorded.recorded(c, relativePath, kind, version, () -> bytes);
            });
            changes++;
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
