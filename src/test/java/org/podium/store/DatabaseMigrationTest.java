package org.podium.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances started together on one PostgreSQL database: one migrates it, the others wait
 * and find it migrated; none fails on the tables the others are creating, and no script runs twice.
 */
@org.junit.jupiter.api.Tag("reliability")
class DatabaseMigrationTest {

    @Test
    void threeInstancesStartingTogetherOnAFreshDatabaseAllStart(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null,
                TestDatabases.PG_ENV + " is not set: this test needs a real PostgreSQL (CI sets it; see .ci/run)");
        int scripts = SchemaUpgradeTest.scripts().size();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // four attempts in every build, forty in the soak run (mvn verify -Psoak)
            for (int attempt = 0; attempt < (org.podium.reliability.Figures.soak() ? 40 : 4); attempt++) {
                String url = TestDatabases.freshUrl("postgresql", dir);
                List<Future<List<String>>> starts = startTogether(pool, url);
                for (Future<List<String>> start : starts) {
                    List<String> history = start.get();
                    assertThat(history).as("scripts applied, attempt " + attempt).hasSize(scripts)
                            .allSatisfy(row -> assertThat(row).contains("|SQL|").endsWith("|true"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A store of the release before Flyway, at V4: one instance takes it over, all three find V5 and V6 applied once. */
    @Test
    void threeInstancesStartingTogetherOnAStoreOfAnEarlierReleaseTakeItOverOnce(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null,
                TestDatabases.PG_ENV + " is not set: this test needs a real PostgreSQL (CI sets it; see .ci/run)");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int attempt = 0; attempt < (org.podium.reliability.Figures.soak() ? 20 : 2); attempt++) {
                String url = TestDatabases.freshUrl("postgresql", dir);
                try (Database previous = new Database(url, "", "", 1)) {
                    PreviousRelease.migrate(previous.dataSource(), true, 4);
                }
                for (Future<List<String>> start : startTogether(pool, url)) {
                    assertThat(start.get()).as("attempt " + attempt).containsExactly(
                            "1|4|BASELINE|taken over from podium_schema_version|true",
                            "2|5|SQL|lookup indexes|true",
                            "3|6|SQL|inbox lock owner|true",
                            "4|7|SQL|deliveries|true");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Three instances migrate the store at once; each returns Flyway's history as it found it after its start. */
    private static List<Future<List<String>>> startTogether(ExecutorService pool, String url) {
        CyclicBarrier together = new CyclicBarrier(3);
        List<Future<List<String>>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(pool.submit(() -> {
                try (Database db = new Database(url, "", "", 2)) {
                    together.await();
                    db.migrate();
                    return SchemaUpgradeTest.history(db);
                }
            }));
        }
        return starts;
    }
}
