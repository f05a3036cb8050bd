package org.podium.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The JDBC store: an embedded H2 file database by default, PostgreSQL when a URL says so.
 * The schema is created and migrated on start by Flyway from the numbered scripts in {@code db/migration}
 * ({@code V<n>__<name>.sql}: a new script takes the next number and is never edited once released).
 * Flyway records what it applied in {@value #HISTORY}. A store created by a release that kept its own
 * record in {@value #LEGACY_HISTORY} is taken over on its first start: see {@link #migrate()}.
 */
public final class Database implements AutoCloseable {

    /** Flyway's record of the scripts applied to this store. */
    public static final String HISTORY = "flyway_schema_history";
    /** Where releases before Flyway recorded the scripts they applied: version_no, script, applied_at. */
    public static final String LEGACY_HISTORY = "podium_schema_version";
    static final String LOCATION = "classpath:db/migration";
    /**
     * The PostgreSQL advisory lock a start holds while it migrates: the one the releases before Flyway
     * migrated under, so that an instance of such a release started at the same time waits too.
     */
    private static final long MIGRATION_LOCK = 727001;

    private static final Logger LOG = LoggerFactory.getLogger("podium.store");

    private final HikariDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    public Database(String url, String user, String password, int poolSize) {
        this.url = url;
        this.user = user == null || user.isBlank() ? null : user;
        this.password = password == null || password.isBlank() ? null : password;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (this.user != null) config.setUsername(this.user);
        if (this.password != null) config.setPassword(this.password);
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
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:")
                && !u.contains("auto_server=true") && !u.contains("file_lock=no");
    }

    /** A URL safe to print: no password. */
    public String describe() { return url.replaceAll("password=[^&;]*", "password=***"); }

    /**
     * Brings the schema to the newest version this build knows, each script in its own transaction.
     * <ul>
     * <li>A store whose schema is newer than this build (a script applied that this build does not have)
     * is refused: the store was migrated by a newer Podium.</li>
     * <li>A store created by a release before Flyway ({@value #LEGACY_HISTORY} present, no {@value #HISTORY})
     * is taken over: Flyway's history is started with a baseline at the highest version recorded there, so
     * the scripts already applied are not run again, and the newer ones are applied as on any store. The old
     * table is left as it was; nothing reads it after the takeover.</li>
     * <li>Several instances on one PostgreSQL may start together: one migrates (or takes over) while holding
     * {@link #MIGRATION_LOCK}, the others wait for it and find the store migrated. Flyway takes its own
     * advisory lock as well, inside that one.</li>
     * </ul>
     */
    public void migrate() {
        RunningScript running = new RunningScript();
        try (Connection c = dataSource.getConnection()) {
            if (isPostgres()) {
                // A blocking lock: the instances that wait for it need not poll, as they would for Flyway's own.
                try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")"); }
            }
            try {
                Flyway flyway = flyway(running).load();
                if (tableExists(c, LEGACY_HISTORY) && !tableExists(c, HISTORY)) takeOverLegacyHistory(c, flyway);
                MigrateResult result;
                try {
                    result = flyway.migrate();
                } catch (FlywayValidateException e) {
                    // the store does not match the scripts: say why in Podium's words where there are some
                    MigrationInfoService info = flyway.info();
                    refuseNewer(info, newestKnown(info));
                    refuseHalfMigrated(info);
                    throw e;
                }
                if (result.migrationsExecuted > 0) {
                    LOG.info("store: schema migrated from version {} to {} ({} script(s)) at {}",
                            result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                            result.targetSchemaVersion, result.migrationsExecuted, describe());
                }
            } finally {
                if (isPostgres()) {
                    try (Statement s = c.createStatement()) { s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")"); }
                }
            }
        } catch (FlywayException e) {
            String script = running.failed != null ? running.failed : running.current;
            if (script != null) {
                throw new StoreException("schema migration " + script + " failed on the store at " + describe() + ": "
                        + sqlMessage(e), e);
            }
            throw new StoreException("cannot migrate the store at " + describe() + ": " + oneLine(e.getMessage()), e);
        } catch (SQLException e) {
            throw new StoreException("cannot migrate the store at " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Flyway on its own connections (not the pool's, which may be smaller than Flyway needs while the
     * migration lock holds one), reading the scripts from the classpath, in the jar or in a build folder.
     */
    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(Callback... callbacks) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(url, user, password)
                .locations(LOCATION)
                .table(HISTORY)
                .callbacks(callbacks)
                .skipDefaultCallbacks(true)
                // nothing applied goes unnoticed: a script this build lacks (a newer release's) fails validation
                .ignoreMigrationPatterns(new String[0])
                // an instance that finds another migrating waits for it, however long its scripts take
                .lockRetryCount(-1)
                // a schema that already holds other tables but no history of Podium's (the clustered feed
                // scheduler's, created first, or a schema shared with other software) gets every script from V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before the first script")
                .loggers("slf4j");
    }

    /** The newest version among this build's scripts. */
    private static MigrationVersion newestKnown(MigrationInfoService info) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (MigrationInfo m : info.all()) {
            if (m.getVersion() != null && m.getState().isResolved() && m.getVersion().isNewerThan(newest)) newest = m.getVersion();
        }
        return newest;
    }

    private void refuseNewer(MigrationInfoService info, MigrationVersion known) {
        for (MigrationInfo m : info.all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                MigrationInfo current = info.current();
                throw newer(current == null ? m.getVersion().getVersion() : current.getVersion().getVersion(), known);
            }
        }
    }

    /**
     * A script that failed on a database whose DDL is not transactional (H2) is recorded as failed, its
     * changes possibly half made: Podium does not guess which.
     */
    private void refuseHalfMigrated(MigrationInfoService info) {
        for (MigrationInfo m : info.all()) {
            if (m.getState() == MigrationState.FAILED) {
                throw new StoreException("schema migration " + m.getScript() + " failed on an earlier start and may have left"
                        + " the store at " + describe() + " half-migrated: restore the store from the copy taken before the"
                        + " upgrade, or undo what the script changed and delete its row (version " + m.getVersion().getVersion()
                        + ") from " + HISTORY + ", then start again", null);
            }
        }
    }

    private StoreException newer(String storeVersion, MigrationVersion known) {
        return new StoreException("the store at " + describe() + " has schema version " + storeVersion
                + ", newer than this build of Podium knows (" + known.getVersion() + "): it was migrated by a newer"
                + " release; upgrade Podium to that release or newer to open it", null);
    }

    /** A store created before Flyway: Flyway's history starts at the version its own record reached. */
    private void takeOverLegacyHistory(Connection c, Flyway flyway) throws SQLException {
        int highest;
        int count;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version_no), 0), COUNT(*) FROM " + LEGACY_HISTORY)) {
            rs.next();
            highest = rs.getInt(1);
            count = rs.getInt(2);
        }
        if (highest != count) {
            // each release applied its scripts in order, one row each: anything else was edited by hand
            throw new StoreException("cannot take over the schema record of the store at " + describe() + ": "
                    + LEGACY_HISTORY + " records " + count + " script(s) up to version " + highest
                    + ", not versions 1 to " + highest + " each once", null);
        }
        MigrationVersion known = newestKnown(flyway.info());
        MigrationVersion baseline = MigrationVersion.fromVersion(Integer.toString(highest));
        if (baseline.isNewerThan(known)) throw newer(baseline.getVersion(), known);
        flyway().baselineVersion(baseline)
                .baselineDescription("taken over from " + LEGACY_HISTORY)
                .load().baseline();
        LOG.info("store: took over the schema record of an earlier release ({} at version {}) at {}",
                LEGACY_HISTORY, highest, describe());
    }

    /** In the connection's current schema, whatever case the database keeps the name in. */
    static boolean tableExists(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        for (String n : new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, schema, n, new String[] {"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    /** The script Flyway is applying, so that a failure can name it. */
    private static final class RunningScript implements Callback {
        volatile String current;
        volatile String failed;

        @Override public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override public boolean canHandleInTransaction(Event event, Context context) { return true; }

        @Override public void handle(Event event, Context context) {
            String script = context.getMigrationInfo() == null ? null : context.getMigrationInfo().getScript();
            switch (event) {
                case BEFORE_EACH_MIGRATE -> current = script;
                case AFTER_EACH_MIGRATE -> current = null;
                case AFTER_EACH_MIGRATE_ERROR -> failed = script;
                default -> { }
            }
        }

        @Override public String getCallbackName() { return "podium-running-script"; }
    }

    /** The database's own words for why a script failed (without the statement, which the script holds). */
    private static String sqlMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                String m = t.getMessage().strip();
                int nl = m.indexOf('\n');
                if (nl >= 0) m = m.substring(0, nl).strip();
                return m.replaceFirst(";\\s*SQL statement:$", "");
            }
        }
        return oneLine(e.getMessage());
    }

    /** Flyway's message on one line, without its links to its own documentation. */
    private static String oneLine(String message) {
        if (message == null) return "";
        StringBuilder out = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.matches("-+") || l.contains("https://")) continue;
            if (out.length() > 0) out.append(" / ");
            out.append(l);
        }
        return out.toString();
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

    @Override
    public void close() { dataSource.close(); }
}
