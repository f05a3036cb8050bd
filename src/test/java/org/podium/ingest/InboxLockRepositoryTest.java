package org.podium.ingest;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' inbox locks on one database: a file is only ever held by one of them. */
class InboxLockRepositoryTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLockIsReleasedOnRemoveAndALiveLockIsNotTakenOver(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            InboxLockRepository a = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            InboxLockRepository b = new InboxLockRepository(db.dataSource(), "inbox", 100, 1_000);
            a.start();
            b.start();
            assertThat(a.add("x.CSV")).isTrue();
            Thread.sleep(1_500);     // longer than the maximum age, but a renews its lock
            assertThat(tryAdd(b, "x.CSV")).isFalse();
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
            assertThat(tryAdd(b, "y.CSV")).as("still fresh").isFalse();
            Thread.sleep(1_300);
            assertThat(b.add("y.CSV")).as("expired: taken over").isTrue();
            b.stop();
        }
    }

    private static boolean tryAdd(InboxLockRepository r, String key) {
        try {
            return r.add(key);
        } catch (RuntimeException e) {
            return false;      // the other instance's row came first: the database refused ours
        }
    }

    private static Database open(String kind, Path dir) {
        Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 4);
        db.migrate();
        return db;
    }
}
