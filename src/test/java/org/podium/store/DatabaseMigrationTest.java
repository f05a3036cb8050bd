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
 * Several instances started together on one fresh PostgreSQL database: one migrates it, the others wait
 * and find it migrated; none fails on the tables the others are creating.
 */
class DatabaseMigrationTest {

    @Test
    void threeInstancesStartingTogetherOnAFreshDatabaseAllStart(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null,
                TestDatabases.PG_ENV + " is not set: this test needs a real PostgreSQL (CI sets it; see .ci/run)");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                String url = TestDatabases.freshUrl("postgresql", dir);
                CyclicBarrier together = new CyclicBarrier(3);
                List<Future<Integer>> starts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    starts.add(pool.submit(() -> {
                        try (Database db = new Database(url, "", "", 2)) {
                            together.await();
                            db.migrate();
                            try (var c = db.dataSource().getConnection(); var s = c.createStatement();
                                 var rs = s.executeQuery("SELECT COUNT(*) FROM podium_schema_version")) {
                                rs.next();
                                return rs.getInt(1);
                            }
                        }
                    }));
                }
                for (Future<Integer> start : starts) {
                    assertThat(start.get()).as("migrations applied, attempt " + attempt).isEqualTo(Database.MIGRATIONS.size());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
