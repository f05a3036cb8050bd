package org.podium.store;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the releases before Flyway created and migrated a store, statement for statement: the table
 * {@code podium_schema_version}, then each script not recorded there, split on semicolons once its
 * comments are removed, and its row, in one transaction per script, under a PostgreSQL advisory lock.
 * The tests build stores with it to prove that Podium takes them over.
 */
final class PreviousRelease {
    private PreviousRelease() {}

    /** The scripts those releases knew, in order. */
    static final List<String> MIGRATIONS = List.of("V1__results.sql", "V2__notices.sql", "V3__feeds.sql", "V4__inbox_locks.sql",
            "V5__lookup_indexes.sql", "V6__inbox_lock_owner.sql");

    /** Migrates as a release that knew the scripts up to {@code upTo} did. */
    static void migrate(DataSource dataSource, boolean postgres, int upTo) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (postgres) {
                try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_lock(727001)"); }
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS podium_schema_version ("
                            + "version_no INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                            + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                for (int i = 0; i < upTo; i++) {
                    int version = i + 1;
                    if (applied(c, version)) continue;
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements(read(MIGRATIONS.get(i)))) s.execute(sql);
                        s.execute("INSERT INTO podium_schema_version VALUES (" + version + ", '"
                                + MIGRATIONS.get(i) + "', CURRENT_TIMESTAMP)");
                        c.commit();
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            } finally {
                if (postgres) {
                    try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_unlock(727001)"); }
                }
            }
        }
    }

    private static boolean applied(Connection c, int version) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM podium_schema_version WHERE version_no = ?")) {
            ps.setInt(1, version);
            try (var rs = ps.executeQuery()) { return rs.next(); }
        }
    }

    private static String read(String script) {
        try (InputStream in = PreviousRelease.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) throw new IllegalStateException("migration script missing from the build: " + script);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = COMMENT.matcher(script);
        for (String part : m.replaceAll("").split(";")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }
}
