package org.podium.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases a store test runs on: always an H2 file database in a temporary folder, and the real
 * PostgreSQL named by {@code PODIUM_TEST_JDBC_URL} when it is set (each test gets a schema of its own).
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static final String PG_ENV = "PODIUM_TEST_JDBC_URL";

    /** A JDBC URL for a fresh, empty database of the given kind. */
    public static String freshUrl(String kind, Path tempDir) {
        return switch (kind) {
            case "h2" -> "jdbc:h2:file:" + tempDir.resolve("db-" + UUID.randomUUID()) + ";DB_CLOSE_ON_EXIT=FALSE";
            case "postgresql" -> freshPostgresSchema();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** "h2", and "postgresql" when one is configured. */
    public static Stream<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (postgresUrl() != null) kinds.add("postgresql");
        else System.err.println("[podium tests] " + PG_ENV + " is not set: PostgreSQL variants skipped");
        return kinds.stream();
    }

    public static String postgresUrl() {
        String url = System.getenv(PG_ENV);
        return url == null || url.isBlank() ? null : url;
    }

    private static String freshPostgresSchema() {
        String base = postgresUrl();
        if (base == null) throw new IllegalStateException(PG_ENV + " is not set");
        String schema = "podium_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
