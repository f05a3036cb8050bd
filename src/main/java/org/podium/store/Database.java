package org.podium.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

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
 * The JDBC store: an embedded H2 file database by default, PostgreSQL when a URL says so.
 * The schema is created and migrated on start from the numbered scripts in {@code db/migration}.
 */
public final class Database implements AutoCloseable {

    /** The migration scripts in order; a new script is appended here and never edited once released. */
    static final List<String> MIGRATIONS = List.of("V1__results.sql", "V2__notices.sql", "V3__feeds.sql", "V4__inbox_locks.sql",
            "V5__lookup_indexes.sql", "V6__inbox_lock_owner.sql");

    private final HikariDataSource dataSource;
    private final String url;

    public Database(String url, String user, String password, int poolSize) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) config.setUsername(user);
        if (password != null && !password.isBlank()) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("podium-store");
        // Fail fast at start when the database is unreachable, with the driver's own message.
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(10_000);
        this.dataSource = new HikariDataSource(config);
    }

    public DataSource dataSource() { return dataSource; }

    public String url() { return url; }

    public boolean isPostgres() { return url.startsWith("jdbc:postgresql:"); }

    /**
     * True for an embedded H2 file or memory database: one process at a time opens it (H2 locks its file),
     * so whatever another process left in it, that process is gone.
     */
    public boolean isExclusive() {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:")
                && !u.contains("auto_server=true") && !u.contains("file_lock=no");
    }

    /** A URL safe to print: no password. */
    public String describe() { return url.replaceAll("password=[^&;]*", "password=***"); }

    /** Applies the migrations not yet applied, each in its own transaction. */
    public void migrate() {
        try (Connection c = dataSource.getConnection()) {
            if (isPostgres()) {
                // Several instances may start together: one migrates, the others wait for it. The lock comes
                // first: two CREATE TABLE IF NOT EXISTS at once fail on PostgreSQL (duplicate key in pg_type).
                try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_lock(727001)"); }
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS podium_schema_version ("
                            + "version_no INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                            + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                for (int i = 0; i < MIGRATIONS.size(); i++) {
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
                        throw new StoreException("schema migration " + MIGRATIONS.get(i) + " failed: " + e.getMessage(), e);
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
            } finally {
                if (isPostgres()) {
                    try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_unlock(727001)"); }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the store at " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** True when a trivial query answers within the timeout: the store is reachable. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean applied(Connection c, int version) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM podium_schema_version WHERE version_no = ?")) {
            ps.setInt(1, version);
            try (var rs = ps.executeQuery()) { return rs.next(); }
        }
    }

    private static String read(String script) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) throw new StoreException("migration script missing from the build: " + script, null);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + script, e);
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

    @Override
    public void close() { dataSource.close(); }
}
