package org.podium.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.model.ResultStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.podium.store.ResultStoreTest.SEASON;
import static org.podium.store.ResultStoreTest.bytes;
import static org.podium.store.ResultStoreTest.result;
import static org.podium.store.ResultStoreTest.sha;

/**
 * Upgrading a store: one created by the releases that migrated it themselves ({@link PreviousRelease},
 * table podium_schema_version) is taken over by Flyway without a script running twice; a fresh store
 * gets the same schema; a store newer than the build is refused; a failing script is named. On H2
 * always, and on PostgreSQL when PODIUM_TEST_JDBC_URL names one.
 */
class SchemaUpgradeTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

    static final Instant NOTICE_TIME = Instant.parse("2024-02-25T10:15:30Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoreOfThePreviousReleaseIsTakenOverWithoutRunningAScriptAgain(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        List<String> legacyRows;
        long storedId;
        try (Database previous = new Database(url, "sa", "", 2)) {
            PreviousRelease.migrate(previous.dataSource(), previous.isPostgres(), 6);
            storedId = writeData(previous).document().id();
            legacyRows = legacyRows(previous);
        }
        assertThat(legacyRows).hasSize(6);

        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();

            assertThat(history(db)).as("a baseline at the previous release's version, then only the scripts written since")
                    .containsExactly("1|6|BASELINE|taken over from podium_schema_version|true",
                            "2|7|SQL|deliveries|true");
            assertThat(legacyRows(db)).as("the previous release's record, left as it was").isEqualTo(legacyRows);

            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.documentCount()).isEqualTo(1);
            assertThat(store.versions("alms/2023-24/01/race-1")).singleElement()
                    .satisfies(d -> assertThat(d.id()).isEqualTo(storedId));
            NoticeLedger ledger = new NoticeLedger(db.dataSource(), Clock.systemUTC());
            assertThat(ledger.all("inv-1")).singleElement().satisfies(n -> {
                assertThat(n.json()).isEqualTo("{\"state\":\"INVITED\"}");
                assertThat(n.createdAt()).isEqualTo(NOTICE_TIME);
            });
            assertThat(inboxLockOwners(db)).containsExactly("inbox/a.csv=instance-a");

            // the schema serves as before: a new version is stored and becomes current
            SaveOutcome official = store.save(result("b", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("b"), "p2");
            assertThat(official.current()).isTrue();
            assertThat(official.document().version()).isEqualTo(2);
            assertThat(store.currentDocuments(SEASON)).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isEqualTo(sha("b")));
        }

        try (Database again = new Database(url, "sa", "", 2)) {
            again.migrate();
            assertThat(history(again)).as("the next start finds nothing to do").hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoreOfAnOlderReleaseIsTakenOverAndGetsTheScriptsItLacks(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        try (Database previous = new Database(url, "sa", "", 2)) {
            // a release that knew V1 to V4: the lookup index and the lock owner came later
            PreviousRelease.migrate(previous.dataSource(), previous.isPostgres(), 4);
            try (Connection c = previous.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
                        + "VALUES ('podium-inbox', 'inbox/old.csv', CURRENT_TIMESTAMP)");
            }
            assertThat(legacyRows(previous)).hasSize(4);
        }

        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();
            assertThat(history(db)).containsExactly(
                    "1|4|BASELINE|taken over from podium_schema_version|true",
                    "2|5|SQL|lookup indexes|true",
                    "3|6|SQL|inbox lock owner|true",
                    "4|7|SQL|deliveries|true");
            assertThat(inboxLockOwners(db)).as("a lock taken before owners were recorded has none")
                    .containsExactly("inbox/old.csv=null");
            assertThat(schema(db)).isEqualTo(freshStore(kind, dir));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFreshStoreHasTheSchemaThePreviousReleaseCreated(String kind, @TempDir Path dir) throws Exception {
        Schema fresh = freshStore(kind, dir);
        String url = TestDatabases.freshUrl(kind, dir);
        Schema previous;
        try (Database db = new Database(url, "sa", "", 2)) {
            PreviousRelease.migrate(db.dataSource(), db.isPostgres(), 6);
            previous = schema(db);
        }
        // every table of the previous release, and the one the scripts written since add (V7, the deliveries)
        Set<String> since = new TreeSet<>(fresh.tables());
        since.removeAll(previous.tables());
        assertThat(fresh.tables()).containsAll(previous.tables()).contains("session_document", "notice", "camel_messageprocessed");
        assertThat(since).containsExactly("delivery");

        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();
            assertThat(schema(db)).as("taken over, then given what came since: the schema of a fresh store").isEqualTo(fresh);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFreshStoreIsMigratedByFlywayAndServes(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();
            List<String> expected = new ArrayList<>();
            List<String> scripts = scripts();
            for (int i = 0; i < scripts.size(); i++) {
                String name = scripts.get(i).replaceFirst("^V\\d+__", "").replaceFirst("\\.sql$", "").replace('_', ' ');
                expected.add((i + 1) + "|" + (i + 1) + "|SQL|" + name + "|true");
            }
            assertThat(history(db)).isEqualTo(expected);
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(Database.tableExists(c, Database.LEGACY_HISTORY)).as("no record of the old kind").isFalse();
            }
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            store.save(result("a", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("a"), "p1");
            assertThat(store.currentDocuments(SEASON)).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isEqualTo(sha("a")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaHoldingOtherTablesFirstGetsEveryScript(String kind, @TempDir Path dir) throws Exception {
        // the clustered feed scheduler creates its tables before the store migrates: the schema is not empty
        String url = TestDatabases.freshUrl(kind, dir);
        try (Database db = new Database(url, "sa", "", 2)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE qrtz_locks (sched_name VARCHAR(120) NOT NULL, lock_name VARCHAR(40) NOT NULL)");
            }
            db.migrate();
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(Database.tableExists(c, "qrtz_locks")).isTrue();
            }
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            store.save(result("a", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("a"), "p1");
            assertThat(store.currentDocuments(SEASON)).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isEqualTo(sha("a")));
            db.migrate();    // a second start changes nothing
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoreMigratedByANewerReleaseIsRefused(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        Path later = Files.createDirectories(dir.resolve("later"));
        Files.writeString(later.resolve("V" + (scripts().size() + 1) + "__later.sql"),
                "CREATE TABLE later_thing (id INT NOT NULL PRIMARY KEY);\n");
        try (Database newer = new Database(url, "sa", "", 2)) {
            Flyway.configure().dataSource(newer.dataSource())
                    .locations(Database.LOCATION, "filesystem:" + later).table(Database.HISTORY).load().migrate();
        }
        try (Database db = new Database(url, "sa", "", 2)) {
            assertThatThrownBy(db::migrate).isInstanceOf(StoreException.class)
                    .hasMessageContaining("has schema version " + (scripts().size() + 1))
                    .hasMessageContaining("newer than this build of Podium knows (" + scripts().size() + ")")
                    .hasMessageContaining("upgrade Podium")
                    .hasMessageContaining(db.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoreOfANewerReleaseBeforeFlywayIsRefusedAndLeftAlone(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        int newer = scripts().size() + 1;
        try (Database db = new Database(url, "sa", "", 2)) {
            PreviousRelease.migrate(db.dataSource(), db.isPostgres(), 6);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // the record of a later release of the old kind: every version up to its own, once
                for (int v = 7; v <= newer; v++) {
                    s.execute("INSERT INTO podium_schema_version VALUES (" + v + ", 'V" + v + "__later.sql', CURRENT_TIMESTAMP)");
                }
            }
            assertThatThrownBy(db::migrate).isInstanceOf(StoreException.class)
                    .hasMessageContaining("has schema version " + newer)
                    .hasMessageContaining("upgrade Podium");
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(Database.tableExists(c, Database.HISTORY)).as("no baseline written").isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailingScriptIsNamedWithTheStore(String kind, @TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl(kind, dir);
        try (Database db = new Database(url, "sa", "", 2)) {
            PreviousRelease.migrate(db.dataSource(), db.isPostgres(), 5);
            // the column V6 adds is there already (added by hand): V6 fails
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE CAMEL_MESSAGEPROCESSED ADD COLUMN owner VARCHAR(64)");
            }
            assertThatThrownBy(db::migrate).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("schema migration V6__inbox_lock_owner.sql failed on the store at " + db.describe() + ": ")
                    .hasMessageContaining(kind.equals("h2") ? "Duplicate column name \"OWNER\"" : "column \"owner\"")
                    .hasMessageNotContaining("\n");
            if (kind.equals("h2")) {
                // H2 cannot roll a script's DDL back: Flyway recorded it as failed, and the next start says so
                assertThatThrownBy(db::migrate).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("schema migration V6__inbox_lock_owner.sql failed on an earlier start")
                        .hasMessageContaining("half-migrated")
                        .hasMessageContaining("version 6");
            } else {
                // rolled back: the next start tries it again, and says the same
                assertThatThrownBy(db::migrate).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("schema migration V6__inbox_lock_owner.sql failed on the store at ");
                assertThat(history(db)).containsExactly("1|5|BASELINE|taken over from podium_schema_version|true");
            }
        }
    }

    // --- the store as written by the previous release, and what is read back

    private static SaveOutcome writeData(Database db) throws SQLException {
        ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
        SaveOutcome saved = store.save(result("a", ResultStatus.PROVISIONAL, null, "Race 1_Provisional.CSV"), bytes("a"), "p1");
        new NoticeLedger(db.dataSource(), Clock.systemUTC()).record(List.of(new LedgerNotice("inv-1", 1, "INVITED",
                "team-44", null, sha("basis"), "notices/inv-1-1.json", "{\"state\":\"INVITED\"}", "# Invited",
                NOTICE_TIME, null)));
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt, owner) VALUES (?,?,?,?)")) {
            ps.setString(1, "podium-inbox");
            ps.setString(2, "inbox/a.csv");
            ps.setTimestamp(3, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            ps.setString(4, "instance-a");
            ps.executeUpdate();
        }
        return saved;
    }

    private static List<String> legacyRows(Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_no, script, applied_at FROM podium_schema_version ORDER BY version_no")) {
            while (rs.next()) rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(3).toInstant());
        }
        return rows;
    }

    /**
     * Flyway's history of versions (rank, version, type, description, success), without the row in which
     * Flyway notes on some databases that it created its table.
     */
    static List<String> history(Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"installed_rank\", \"version\", \"type\", \"description\", \"success\" FROM \""
                     + Database.HISTORY + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getBoolean(5));
            }
        }
        return rows;
    }

    private static List<String> inboxLockOwners(Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT messageId, owner FROM CAMEL_MESSAGEPROCESSED ORDER BY messageId")) {
            while (rs.next()) rows.add(rs.getString(1) + "=" + rs.getString(2));
        }
        return rows;
    }

    /** The scripts of this build, in order of version. */
    static List<String> scripts() throws Exception {
        Path folder = Path.of(Database.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int version(String script) { return Integer.parseInt(script.substring(1, script.indexOf("__"))); }

    private static Schema freshStore(String kind, Path dir) throws SQLException {
        try (Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 2)) {
            db.migrate();
            return schema(db);
        }
    }

    // --- the schema as the JDBC driver describes it, without the two history tables

    record Schema(Set<String> tables, TreeMap<String, String> columns, TreeMap<String, String> keys,
                  TreeMap<String, String> indexes) {}

    private static final Set<String> HISTORIES = Set.of(Database.HISTORY, Database.LEGACY_HISTORY);

    static Schema schema(Database db) throws SQLException {
        Set<String> tables = new TreeSet<>();
        TreeMap<String, String> columns = new TreeMap<>();
        TreeMap<String, String> keys = new TreeMap<>();
        TreeMap<String, String> indexes = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!HISTORIES.contains(table.toLowerCase(Locale.ROOT))) tables.add(table.toLowerCase(Locale.ROOT));
                }
            }
            for (String lower : tables) {
                String table = actualName(meta, schema, lower);
                try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                    while (rs.next()) {
                        columns.put(lower + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                rs.getInt("ORDINAL_POSITION") + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE")
                                        + "," + rs.getInt("DECIMAL_DIGITS") + ") nullable=" + rs.getString("IS_NULLABLE")
                                        + " default=" + rs.getString("COLUMN_DEF") + " auto=" + rs.getString("IS_AUTOINCREMENT"));
                    }
                }
                try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                    while (rs.next()) {
                        keys.put(lower + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                generated(rs.getString("PK_NAME")) + " #" + rs.getInt("KEY_SEQ"));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("COLUMN_NAME") == null) continue;
                        indexes.put(lower + "." + generated(rs.getString("INDEX_NAME")) + "." + rs.getInt("ORDINAL_POSITION"),
                                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " unique=" + !rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
        }
        return new Schema(tables, columns, keys, indexes);
    }

    private static String actualName(DatabaseMetaData meta, String schema, String lower) throws SQLException {
        for (String n : new String[] {lower, lower.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, schema, n, new String[] {"TABLE"})) {
                if (rs.next()) return n;
            }
        }
        throw new IllegalStateException("no table " + lower);
    }

    /** H2 numbers the names it makes up for unnamed keys in the order of creation over the whole database. */
    private static String generated(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceFirst("^(primary_key|constraint_index)_\\w+$", "$1_*");
    }
}
