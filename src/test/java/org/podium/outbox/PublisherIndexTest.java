package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.recompute.Classification;
import org.podium.store.Database;
import org.podium.store.NoticeLedger;
import org.podium.store.TestDatabases;
import org.podium.support.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While seasons wait to be published, a publication puts its files in place but leaves index.json for
 * later (at most the maximum delay); the publication that empties the queue writes it.
 */
class PublisherIndexTest {

    @TempDir
    Path dir;

    private Database db;
    private Outbox outbox;
    private final AtomicBoolean backlog = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        db = new Database(TestDatabases.freshUrl("h2", dir), "", "", 2);
        db.migrate();
        outbox = new Outbox(dir.resolve("outbox"), db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void whileABacklogWaitsTheIndexWaitsTooButEveryFileIsInPlace() throws IOException {
        Publisher publisher = publisher(60_000);
        publishOne(publisher, "a.json");        // the first publication writes the index: none was written
        assertThat(listed()).containsExactly("a.json");

        backlog.set(true);
        publishOne(publisher, "b.json");
        publishOne(publisher, "c.json");
        assertThat(Files.readString(dir.resolve("outbox/c.json"))).as("in place before the index lists it").contains("c.json");
        assertThat(listed()).as("the index while seasons wait").containsExactly("a.json");

        backlog.set(false);
        publishOne(publisher, "d.json");
        assertThat(listed()).as("the index once the queue is empty").containsExactly("a.json", "b.json", "c.json", "d.json");
    }

    @Test
    void aBacklogDelaysTheIndexAtMostTheMaximumDelay() throws IOException {
        Publisher publisher = publisher(0);
        backlog.set(true);
        publishOne(publisher, "a.json");
        publishOne(publisher, "b.json");
        assertThat(listed()).containsExactly("a.json", "b.json");
    }

    private Publisher publisher(long maxDelayMillis) {
        NoticeDesk notices = new NoticeDesk(new NoticeLedger(db.dataSource(), Clock.systemUTC()), outbox, Clock.systemUTC());
        return new Publisher(outbox, notices).deferIndexWhile(backlog::get, maxDelayMillis);
    }

    /** A publication of nothing computed, after one file was published (as a season's results would be). */
    private void publishOne(Publisher publisher, String path) {
        outbox.publish(path, "standings", Json.object().put("schema", "test/1").put("path", path));
        publisher.publish(new Classification(Instant.now(), List.of(), Map.of(), List.of(), Map.of(), List.of()));
    }

    private List<String> listed() throws IOException {
        Path index = dir.resolve("outbox/index.json");
        List<String> out = new ArrayList<>();
        if (!Files.exists(index)) return out;
        for (JsonNode f : Json.MAPPER.readTree(index.toFile()).path("files")) out.add(f.path("path").asText());
        return out;
    }
}
