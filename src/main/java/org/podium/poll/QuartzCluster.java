package org.podium.poll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Quartz for several instances: a JDBC job store on the shared PostgreSQL database, clustered, under
 * one scheduler name on every node, so that each feed's trigger fires on exactly one instance. Quartz's
 * own tables are created from the DDL that ships in the Quartz jar, once, under the same advisory lock
 * the store's migrations take.
 */
public final class QuartzCluster {
    private QuartzCluster() {}

    static final String SCHEDULER_NAME = "PodiumScheduler";

    /** The Quartz properties of a clustered scheduler on the given PostgreSQL database. */
    public static Properties properties(String url, String user, String password, long checkinMillis) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "podium");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinMillis));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        p.setProperty("org.quartz.dataSource.podium.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.podium.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.podium.URL", url);
        if (user != null && !user.isBlank()) p.setProperty("org.quartz.dataSource.podium.user", user);
        p.setProperty("org.quartz.dataSource.podium.password", password == null ? "" : password);
        p.setProperty("org.quartz.dataSource.podium.maxConnections", "4");
        return p;
    }

    /** Creates Quartz's tables on the database unless they are there. */
    public static void ensureTables(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user == null || user.isBlank() ? null : user,
                user == null || user.isBlank() ? null : password)) {
            try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_lock(727001)"); }
            try {
                if (exists(c)) return;
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String sql : ddl()) s.execute(sql);
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_unlock(727001)"); }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the Quartz tables for clustered polling: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (var rs = c.getMetaData().getTables(null, null, "qrtz_locks", new String[]{"TABLE"})) {
            if (!rs.next()) return false;
        }
        // The table may exist in another schema of the search path: look in the current one.
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_name = 'qrtz_locks'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** The CREATE statements of Quartz's PostgreSQL DDL (its DROPs and COMMIT left out). */
    static java.util.List<String> ddl() {
        try (InputStream in = QuartzCluster.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) throw new IllegalStateException("the Quartz jar has no tables_postgres.sql");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            java.util.List<String> out = new java.util.ArrayList<>();
            for (String sql : text.split(";")) {
                String t = sql.strip();
                if (t.isEmpty() || t.toUpperCase().startsWith("DROP") || t.equalsIgnoreCase("commit")) continue;
                out.add(t);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
