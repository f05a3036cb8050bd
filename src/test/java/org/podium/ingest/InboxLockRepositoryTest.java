package org.podium.ingest;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances' inbox locks on one database: a file is only ever held by one of them, and only
 * the instance holding a lock ever releases it.
 */
class InboxLockRepositoryTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

    /**
     * A run killed while it held files leaves their locks behind on a shared store, until they expire, as
     * another instance may be holding them. An embedded store (one process at a time) keeps its locks in
     * memory, so the next run takes the files at once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void locksOfAKilledRunHoldItsFilesOnlyOnAStoreOtherProcessesShare(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            IdempotentRepository killed = InboxLockRepository.forStore(db, 1000, 30_000);
            ServiceHelper.startService(killed);
            assertThat(killed.add("alms/2023-24/01_Sepang/Race 1/race.CSV")).isTrue();
            // killed: never released, never stopped

            IdempotentRepository next = InboxLockRepository.forStore(db, 1000, 30_000);
            ServiceHelper.startService(next);
            boolean taken = tryAdd(next, "alms/2023-24/01_Sepang/Race 1/race.CSV");
            ServiceHelper.stopService(next);

            assertThat(db.isExclusive()).isEqualTo(kind.equals("h2"));
            assertThat(next).isInstanceOf(kind.equals("h2") ? MemoryIdempotentRepository.class : InboxLockRepository.class);
            assertThat(taken).as("the file is taken by the next run at once").isEqualTo(kind.equals("h2"));
            assertThat(owners(db)).as("rows in the lock table").hasSize(kind.equals("h2") ? 0 : 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoInstancesTryingTheSameFileAtOnceNeverBothGetIt(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository a = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            a.start();
            b.start();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int both = 0;
            int one = 0;
            for (int k = 0; k < 200; k++) {
                String key = "alms/2023-24/01_Sepang/Race 1/file-" + k + ".CSV";
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> fa = pool.submit(() -> { together.await(); return tryAdd(a, key); });
                Future<Boolean> fb = pool.submit(() -> { together.await(); return tryAdd(b, key); });
                boolean ra = fa.get();
                boolean rb = fb.get();
                if (ra && rb) both++;
                if (ra ^ rb) one++;
            }
            pool.shutdown();
            a.stop();
            b.stop();
            assertThat(both).as("attempts that both instances won").isZero();
            assertThat(one).as("attempts that exactly one won").isEqualTo(200);
        }
    }

    /**
     * What Camel's file consumer does with a file it could not begin (another instance holds its lock):
     * it removes the file's key from the idempotent repository (GenericFileConsumer.processBatch, then
     * removeExcessiveInProgressFiles, as idempotentEager is true by default); a scan that finds more
     * files than it may take does the same with the rest. Neither may release the lock of the instance
     * that holds the file, or a third instance takes the file while the first is still at it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInstanceThatCouldNotTakeAFileLeavesTheHoldersLockAlone(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository a = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            InboxLockRepository c = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            a.start();
            b.start();
            c.start();
            int files = 200;
            int takenTwice = 0;
            for (int k = 0; k < files; k++) {
                String key = "alms/2023-24/01_Sepang/Race 1/file-" + k + ".CSV";
                assertThat(a.add(key)).as("the first instance takes " + key).isTrue();
                assertThat(tryAdd(b, key)).as("a second instance is refused " + key).isFalse();
                b.remove(key);                    // b's consumer drops the file it could not begin
                if (tryAdd(c, key)) takenTwice++; // a third instance's next scan
                assertThat(owners(db)).containsEntry(key, a.owner());
            }
            System.out.printf("[inbox locks, %s] %d files; taken by a second instance after a third one gave up on them: %d%n",
                    kind, files, takenTwice);
            assertThat(takenTwice).as("files taken by a second instance while the first held them").isZero();
            for (int k = 0; k < files; k++) {
                String key = "alms/2023-24/01_Sepang/Race 1/file-" + k + ".CSV";
                assertThat(a.remove(key)).as("the holder releases " + key).isTrue();
                assertThat(c.add(key)).as("free again: " + key).isTrue();
            }
            a.stop();
            b.stop();
            c.stop();
        }
    }

    /**
     * A release arrives late (Camel releases a lock a delay after the move, or the instance stalled for
     * longer than the maximum age): by then another instance may hold a lock on the same key, and the
     * late release must not take it away.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLateReleaseLeavesTheLockAnotherInstanceTookSinceAlone(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository stalled = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            InboxLockRepository c = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            stalled.start();
            b.start();
            c.start();
            assertThat(stalled.add("z.CSV")).isTrue();
            stalled.stop();                      // stops renewing: its lock becomes an orphan
            await().atMost(Duration.ofSeconds(10)).until(() -> tryAdd(b, "z.CSV"));
            stalled.remove("z.CSV");             // its release, arriving late
            assertThat(tryAdd(c, "z.CSV")).as("b's lock survives a release by the instance that held the key before").isFalse();
            assertThat(owners(db)).containsExactly(Map.entry("z.CSV", b.owner()));
            assertThat(b.remove("z.CSV")).isTrue();
            b.stop();
            c.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachLockNamesTheInstanceThatTookItAndOnlyThatInstanceClearsIt(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository a = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 1000, 30_000);
            a.start();
            b.start();
            assertThat(a.owner()).isNotEqualTo(b.owner());
            assertThat(a.add("a.CSV")).isTrue();
            assertThat(b.add("b.CSV")).isTrue();
            assertThat(owners(db)).containsExactly(Map.entry("a.CSV", a.owner()), Map.entry("b.CSV", b.owner()));
            a.clear();
            assertThat(owners(db)).containsExactly(Map.entry("b.CSV", b.owner()));
            assertThat(a.contains("b.CSV")).as("another instance's lock still counts").isTrue();
            a.stop();
            b.stop();
        }
    }

    /** A lock a killed instance left on a file that is gone is never asked for again: it is swept away. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLockOfAnInstanceThatDiedIsSweptAwayEvenIfNoOneAsksForIt(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository dead = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            InboxLockRepository alive = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            dead.start();
            alive.start();
            assertThat(dead.add("gone.CSV")).isTrue();
            assertThat(alive.add("held.CSV")).isTrue();
            dead.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !owners(db).containsKey("gone.CSV"));
            assertThat(owners(db)).as("a live lock is kept").containsExactly(Map.entry("held.CSV", alive.owner()));
            alive.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLockIsReleasedOnRemoveAndALiveLockIsNotTakenOver(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository a = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            a.start();
            b.start();
            assertThat(a.add("x.CSV")).isTrue();
            // for longer than the maximum age: a renews its lock, so b never gets it
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> !tryAdd(b, "x.CSV"));
            assertThat(a.remove("x.CSV")).isTrue();
            assertThat(b.add("x.CSV")).isTrue();
            a.stop();
            b.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLockOfAnInstanceThatDiedExpiresAndIsTakenOver(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository dead = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            dead.start();
            assertThat(dead.add("y.CSV")).isTrue();
            dead.stop();             // stops renewing, as a killed instance would
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            b.start();
            long since = System.nanoTime();
            assertThat(tryAdd(b, "y.CSV")).as("still fresh").isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> tryAdd(b, "y.CSV"));
            assertThat(Duration.ofNanos(System.nanoTime() - since)).as("taken over only once expired").isGreaterThan(Duration.ofMillis(500));
            b.stop();
        }
    }

    private static boolean tryAdd(IdempotentRepository r, String key) {
        try {
            return r.add(key);
        } catch (RuntimeException e) {
            return false;      // the other instance's row came first: the database refused ours
        }
    }

    /** The lock table: key to owner. */
    private static Map<String, String> owners(Database db) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT messageId, owner FROM CAMEL_MESSAGEPROCESSED")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    private static Database open(String kind, Path dir) {
        Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 4);
        db.migrate();
        return db;
    }
}
