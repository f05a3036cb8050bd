package org.podium.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.hostile.HostileCorpus;
import org.podium.support.AtomicFiles;
import org.podium.store.Database;
import org.podium.store.ResultStore;
import org.podium.store.TestDatabases;

/** What the store could not keep is rejected with a report, never left to fail (and be retried) at the store. */
class IngestionLimitsTest {

    @Test
    void pathLongerThanTheStoreKeepsIsRejected(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String rel = "alms/2023-24/01_Sepang/Race 1/" + ("d".repeat(200) + "/").repeat(5) + "deep_Official.CSV";
        AtomicFiles.write(inbox.resolve(rel), HostileCorpus.race("Deep").getBytes(StandardCharsets.UTF_8));
        try (Database db = new Database(TestDatabases.freshUrl("h2", dir), "sa", "", 2)) {
            db.migrate();
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            Ingestion ingestion = new Ingestion(new FeedReader(Set.of("alms"), 1_000_000), store, inbox, 1_000_000, new IngestStats());
            assertThatThrownBy(() -> ingestion.ingest(rel)).isInstanceOfSatisfying(FeedException.class,
                    e -> assertThat(e.problems().get(0).message()).contains("over the limit of " + Ingestion.MAX_PATH_CHARS));
            assertThat(store.documentCount()).isZero();
        }
    }

    @Test
    void aFileThatChangedWhileItWasReadIsLeftInTheInbox(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Race 1_Official.CSV");
        Files.write(file, "POSITION;NUMBER\n1;7\n".getBytes(StandardCharsets.UTF_8));
        var before = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        int size = (int) before.size();
        Ingestion.stillAsRead("Race 1_Official.CSV", file, before, size);     // unchanged: goes on

        // the copy goes on after a pause: more bytes, a later modification time
        Files.write(file, "2;8\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before.lastModifiedTime().toMillis() + 1000));
        assertThatThrownBy(() -> Ingestion.stillAsRead("Race 1_Official.CSV", file, before, size))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("changed while it was read")
                .hasMessageContaining("left in the inbox");
    }
}
