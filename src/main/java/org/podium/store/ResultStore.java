package org.podium.store;

import org.podium.model.SeasonRef;
import org.podium.feed.CanonicalJson;
import org.podium.feed.FeedException;
import org.podium.model.ResultStatus;
import org.podium.model.SessionResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every version of every session document, and which one is current. Saving marks the season dirty in
 * the same transaction, so a crash before publishing is caught up on the next start.
 */
public final class ResultStore {

    private static final String COLUMNS = "id, session_key, series, season, round_no, version_no, sha256, "
            + "result_status, final_flag, hour_no, format, document_name, inbox_path, received_at, entries";

    private final DataSource db;
    private final Clock clock;

    public ResultStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a parsed document unless the same bytes are already stored for its session. */
    public SaveOutcome save(SessionResult result, byte[] raw, String inboxPath) {
        String key = result.sessionKey();
        String sha = result.source().sha256();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<StoredDocument> versions = versions(c, key);
                    StoredDocument before = versions.stream().max(StoredDocument.PRECEDENCE).orElse(null);
                    Optional<StoredDocument> same = versions.stream().filter(d -> d.sha256().equals(sha)).findFirst();
                    if (same.isPresent()) {
                        c.rollback();
                        return new SaveOutcome(same.get(), true, same.get().equals(before), null);
                    }
                    int version = versions.stream().mapToInt(StoredDocument::version).max().orElse(0) + 1;
                    Instant now = clock.instant();
                    StoredDocument doc = insert(c, result, raw, inboxPath, version, now);
                    boolean current = before == null || StoredDocument.PRECEDENCE.compare(doc, before) > 0;
                    if (current) markDirty(c, result.series(), result.season(), now);
                    c.commit();
                    // The recompute that follows reads this version: it need not parse it back from the store.
                    if (current) parsed.keep(doc.id(), result);
                    return new SaveOutcome(doc, false, current, current ? before : null);
                } catch (SQLException e) {
                    c.rollback();
                    // Another instance stored a version of the same session at the same moment: read again.
                    if (isUniqueViolation(e) && attempt < 5) continue;
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("cannot store " + key + ": " + e.getMessage(), e);
            }
        }
    }

    /** The current version of every session of a season, parsed, in round and session order. */
    public List<SessionResult> currentSessions(SeasonRef season) {
        List<SessionResult> out = new ArrayList<>();
        for (StoredDocument d : currentDocuments(season)) out.add(load(d.id()));
        return out;
    }

    /** The current version of every session of a season, without content. */
    public List<StoredDocument> currentDocuments(SeasonRef season) {
        Map<String, StoredDocument> best = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM session_document WHERE series = ? AND season = ? ORDER BY round_no, session_key, version_no")) {
            ps.setString(1, season.series());
            ps.setString(2, season.season());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredDocument d = row(rs);
                    best.merge(d.sessionKey(), d, (a, b) -> StoredDocument.PRECEDENCE.compare(a, b) >= 0 ? a : b);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read season " + season + ": " + e.getMessage(), e);
        }
        List<StoredDocument> list = new ArrayList<>(best.values());
        list.sort(Comparator.comparingInt(StoredDocument::round).thenComparing(StoredDocument::sessionKey));
        return list;
    }

    /** How many sessions each of these seasons has stored (any version), in one query per series. */
    public Map<SeasonRef, Integer> sessionCounts(List<SeasonRef> seasons) {
        Map<String, List<String>> bySeries = new LinkedHashMap<>();
        for (SeasonRef s : seasons) bySeries.computeIfAbsent(s.series(), k -> new ArrayList<>()).add(s.season());
        Map<SeasonRef, Integer> out = new java.util.HashMap<>();
        try (Connection c = db.getConnection()) {
            for (Map.Entry<String, List<String>> e : bySeries.entrySet()) {
                String marks = String.join(",", java.util.Collections.nCopies(e.getValue().size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT season, COUNT(DISTINCT session_key) "
                        + "FROM session_document WHERE series = ? AND season IN (" + marks + ") GROUP BY season")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < e.getValue().size(); i++) ps.setString(i + 2, e.getValue().get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(new SeasonRef(e.getKey(), rs.getString(1)), rs.getInt(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the sessions of " + seasons + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Every version of one session, oldest first. */
    public List<StoredDocument> versions(String sessionKey) {
        try (Connection c = db.getConnection()) {
            return versions(c, sessionKey);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + sessionKey + ": " + e.getMessage(), e);
        }
    }

    /** A stored version that came from this inbox path with these bytes, if any. */
    public Optional<StoredDocument> findByInboxPath(String inboxPath, String sha256) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM session_document WHERE sha256 = ? AND inbox_path = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, inboxPath);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up " + inboxPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Documents parsed lately, by id, at most {@value #PARSED_ENTRIES} entries (cars) in all, the least
     * recently used going first. A new current version is kept as it is saved (the recompute due next
     * reads it), a recompute parses a season's other documents for its standings, and its publication
     * reads the same documents right after; a stored version never changes, so what is kept is never stale. The bound holds the documents of the 400 sessions of 30 cars a recompute takes
     * at most by default ({@code podium.recompute.max-sessions}, about 12 MB); a larger recompute only
     * finds fewer of them here.
     */
    private final Parsed parsed = new Parsed();
    static final int PARSED_ENTRIES = 12_000;

    private static final class Parsed extends LinkedHashMap<Long, SessionResult> {
        private int entries;

        Parsed() {
            super(256, 0.75f, true);
        }

        synchronized SessionResult find(long id) {
            return get(id);
        }

        synchronized void keep(long id, SessionResult r) {
            SessionResult old = put(id, r);
            entries += r.entries().size() - (old == null ? 0 : old.entries().size());
            var it = entrySet().iterator();
            while (entries > PARSED_ENTRIES && it.hasNext()) {
                var eldest = it.next();
                if (eldest.getKey() == id) break;
                entries -= eldest.getValue().entries().size();
                it.remove();
            }
        }
    }

    public SessionResult load(long documentId) {
        SessionResult known = parsed.find(documentId);
        if (known != null) return known;
        SessionResult r = loadStored(documentId);
        parsed.keep(documentId, r);
        return r;
    }

    private SessionResult loadStored(long documentId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT parsed_json FROM session_document WHERE id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException("no stored document " + documentId, null);
                return CanonicalJson.read(rs.getString(1).getBytes(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load document " + documentId + ": " + e.getMessage(), e);
        } catch (FeedException e) {
            throw new StoreException("stored document " + documentId + " no longer reads: " + e.getMessage(), e);
        }
    }

    /** Every season that has at least one stored document. */
    public List<SeasonRef> seasons() {
        return seasonQuery("SELECT DISTINCT series, season FROM session_document ORDER BY series, season");
    }

    /** Seasons changed since they were last published. */
    public List<SeasonRef> dirtySeasons() {
        return seasonQuery("SELECT series, season FROM season_state WHERE dirty = TRUE ORDER BY series, season");
    }

    /**
     * Seasons changed more than {@code age} ago and still not published: left by an instance that
     * stopped or died before publishing them.
     */
    public List<SeasonRef> dirtySeasonsOlderThan(java.time.Duration age) {
        List<SeasonRef> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT series, season FROM season_state "
                     + "WHERE dirty = TRUE AND changed_at < ? ORDER BY series, season")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(age)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new SeasonRef(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list seasons to publish: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * When each season's current documents last changed (a new current version saved): standings
     * computed at a stamp stay valid while the stamp does. One query for every season.
     */
    public Map<SeasonRef, Instant> seasonStamps() {
        Map<SeasonRef, Instant> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT series, season, changed_at FROM season_state ORDER BY series, season");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(new SeasonRef(rs.getString(1), rs.getString(2)), rs.getTimestamp(3).toInstant());
        } catch (SQLException e) {
            throw new StoreException("cannot read the seasons' state: " + e.getMessage(), e);
        }
        return out;
    }

    /** Marks every stored season dirty: the next recompute publishes all of them. */
    public void markAllDirty() {
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (SeasonRef s : seasons()) markDirty(c, s.series(), s.season(), now);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot mark seasons for recompute: " + e.getMessage(), e);
        }
    }

    /**
     * Clears the dirty flag of a season once its outputs are published, unless it changed again after
     * {@code computedFrom} (a document saved meanwhile keeps it dirty).
     */
    public void markPublished(SeasonRef season, Instant computedFrom) {
        markPublished(List.of(season), computedFrom);
    }

    /**
     * Marks seasons published, in one transaction (each commit of an embedded store writes its changed pages):
     * clean unless a document arrived after {@code computedFrom}.
     */
    public void markPublished(List<SeasonRef> seasons, Instant computedFrom) {
        if (seasons.isEmpty()) return;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE season_state SET dirty = FALSE, published_at = ? "
                    + "WHERE series = ? AND season = ? AND changed_at <= ?")) {
                Timestamp now = Timestamp.from(clock.instant());
                Timestamp from = Timestamp.from(computedFrom);
                for (SeasonRef season : seasons) {
                    ps.setTimestamp(1, now);
                    ps.setString(2, season.series());
                    ps.setString(3, season.season());
                    ps.setTimestamp(4, from);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot mark " + seasons + " published: " + e.getMessage(), e);
        }
    }

    public long documentCount() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM session_document");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count documents: " + e.getMessage(), e);
        }
    }

    private List<SeasonRef> seasonQuery(String sql) {
        List<SeasonRef> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new SeasonRef(rs.getString(1), rs.getString(2)));
        } catch (SQLException e) {
            throw new StoreException("cannot list seasons: " + e.getMessage(), e);
        }
        return out;
    }

    private StoredDocument insert(Connection c, SessionResult r, byte[] raw, String inboxPath, int version, Instant now)
            throws SQLException {
        // On one line: the store's pages are rewritten as rows are added, and indentation would double them.
        String json = new String(CanonicalJson.writeCompact(r), StandardCharsets.UTF_8);
        boolean fin = r.source().document() != null
                && r.source().document().toLowerCase(Locale.ROOT).contains("_final");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_document (session_key, series, season, "
                        + "round_no, version_no, sha256, result_status, final_flag, hour_no, format, document_name, "
                        + "inbox_path, received_at, entries, parsed_json, raw_bytes) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                new String[]{"id"})) {
            ps.setString(1, r.sessionKey());
            ps.setString(2, r.series());
            ps.setString(3, r.season());
            ps.setInt(4, r.event().round());
            ps.setInt(5, version);
            ps.setString(6, r.source().sha256());
            ps.setString(7, r.status().name());
            ps.setBoolean(8, fin);
            if (r.session().hour() == null) ps.setNull(9, java.sql.Types.INTEGER);
            else ps.setInt(9, r.session().hour());
            ps.setString(10, r.source().format());
            ps.setString(11, r.source().document() == null ? "" : r.source().document());
            ps.setString(12, inboxPath);
            ps.setTimestamp(13, Timestamp.from(now));
            ps.setInt(14, r.entries().size());
            ps.setString(15, json);
            ps.setBytes(16, raw);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new StoredDocument(keys.getLong(1), r.sessionKey(), r.series(), r.season(), r.event().round(),
                        version, r.source().sha256(), r.status(), fin, r.session().hour(), r.source().format(),
                        r.source().document(), inboxPath, now, r.entries().size());
            }
        }
    }

    private static List<StoredDocument> versions(Connection c, String key) throws SQLException {
        List<StoredDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM session_document WHERE session_key = ? ORDER BY version_no")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        }
        return out;
    }

    private void markDirty(Connection c, String series, String season, Instant now) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE season_state SET dirty = TRUE, changed_at = ? WHERE series = ? AND season = ?")) {
            up.setTimestamp(1, Timestamp.from(now));
            up.setString(2, series);
            up.setString(3, season);
            if (up.executeUpdate() > 0) return;
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO season_state (series, season, dirty, changed_at) VALUES (?, ?, TRUE, ?)")) {
            in.setString(1, series);
            in.setString(2, season);
            in.setTimestamp(3, Timestamp.from(now));
            in.executeUpdate();
        }
    }

    private static StoredDocument row(ResultSet rs) throws SQLException {
        int hour = rs.getInt("hour_no");
        Integer h = rs.wasNull() ? null : hour;
        return new StoredDocument(rs.getLong("id"), rs.getString("session_key"), rs.getString("series"),
                rs.getString("season"), rs.getInt("round_no"), rs.getInt("version_no"), rs.getString("sha256"),
                ResultStatus.valueOf(rs.getString("result_status")), rs.getBoolean("final_flag"), h,
                rs.getString("format"), rs.getString("document_name"), rs.getString("inbox_path"),
                rs.getTimestamp("received_at").toInstant(), rs.getInt("entries"));
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if ("23505".equals(state) || "23001".equals(state)) return true;
        }
        return false;
    }
}
