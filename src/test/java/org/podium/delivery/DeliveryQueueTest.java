package org.podium.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.outbox.Outbox;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue in a real store (H2, and PostgreSQL when configured), fed by the real outbox. */
class DeliveryQueueTest {

    static Stream<String> kinds() { return TestDatabases.kinds(); }

    final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofMinutes(1), 0);
    final Target hub = new Target("hub", URI.create("http://127.0.0.1:1/hook"),
            EnumSet.of(DocumentKind.NOTICES, DocumentKind.STANDINGS), "a-shared-secret-of-length", Duration.ofSeconds(1), retry);
    final Target screens = new Target("screens", URI.create("http://127.0.0.1:1/screens"),
            EnumSet.of(DocumentKind.RESULTS), "a-shared-secret-of-length", Duration.ofSeconds(1), retry);
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-02-13T12:00:00Z"));
    final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @ParameterizedTest
    @MethodSource("kinds")
    void eachVersionIsQueuedOncePerTargetThatWantsItWithTheBytesWritten(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            Targets targets = new Targets(List.of(hub, screens));
            Outbox outbox = outbox(db, dir, targets);
            DeliveryQueue queue = new DeliveryQueue(db.dataSource(), clock, () -> 0.5);
            outbox.publish("standings/alms/2023-24/teams.json", "standings", doc(1)); outbox.flush();
            outbox.publish("standings/alms/2023-24/teams.json", "standings", doc(1)); outbox.flush(); // unchanged: no new version
            Files.delete(dir.resolve("outbox/standings/alms/2023-24/teams.json"));
            outbox.publish("standings/alms/2023-24/teams.json", "standings", doc(1)); outbox.flush(); // rewritten, same version
            outbox.publish("standings/alms/2023-24/teams.json", "standings", doc(2)); outbox.flush();
            outbox.publish("results/alms/2023-24/01-race-1.json", "session-result", doc(3)); outbox.flush();
            byte[] notice = "{\"notice\":1}".getBytes(StandardCharsets.UTF_8);
            outbox.record("notices/inv/001-leader.json", "invitation-notice", notice);
            outbox.record("notices/inv/001-leader.json", "invitation-notice", notice);
            outbox.record("notices/inv/001-leader.md", "invitation-notice-text", "# LEADER".getBytes(StandardCharsets.UTF_8));

            assertThat(queue.all("hub")).extracting(Delivery::eventId).containsExactly(
                    "standings/alms/2023-24/teams/1", "standings/alms/2023-24/teams/2", "notices/inv/001-leader/1");
            assertThat(queue.all("screens")).extracting(Delivery::eventId).containsExactly("results/alms/2023-24/01-race-1/1");
            assertThat(queue.all("hub").get(1).body()).isEqualTo(Files.readAllBytes(dir.resolve("outbox/standings/alms/2023-24/teams.json")));
            assertThat(queue.all("hub").get(2).body()).isEqualTo(notice);
            // the same version offered again (a restart, another instance) is not queued twice
            try (var c = db.dataSource().getConnection()) {
                assertThat(DeliveryQueue.enqueue(c, hub, "notices/inv/001-leader.json", "invitation-notice", 1, notice, now.get())).isFalse();
            }
            assertThat(queue.all("hub")).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFailedChainWaitsForItsBackoffThenGoesDeadAndHoldsItsLaterDeliveriesUntilResent(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            Outbox outbox = outbox(db, dir, new Targets(List.of(hub)));
            DeliveryQueue queue = new DeliveryQueue(db.dataSource(), clock, () -> 0.5);
            outbox.record("notices/inv/001-leader.json", "invitation-notice", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            outbox.record("notices/inv/002-clinched.json", "invitation-notice", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
            outbox.publish("standings/s.json", "standings", doc(1)); outbox.flush();

            // one instance claims; another finds nothing left to take while the lease runs
            List<Delivery> first = queue.claim("hub", "one", Duration.ofMinutes(1), 50);
            assertThat(first).extracting(Delivery::eventId).containsExactly("notices/inv/001-leader/1", "notices/inv/002-clinched/1", "standings/s/1");
            assertThat(queue.claim("hub", "two", Duration.ofMinutes(1), 50)).isEmpty();

            // the first notice fails: the second goes back unsent, the standings are delivered
            assertThat(queue.failed(first.get(0), retry, "HTTP 503")).isEqualTo(DeliveryState.PENDING);
            queue.release(first.get(1).id(), "one");
            queue.delivered(first.get(2).id(), "one");
            assertThat(queue.claim("hub", "two", Duration.ofMinutes(1), 50)).isEmpty(); // backoff: 10 s
            now.set(now.get().plusSeconds(10));
            List<Delivery> again = queue.claim("hub", "two", Duration.ofMinutes(1), 50);
            assertThat(again).extracting(Delivery::eventId).containsExactly("notices/inv/001-leader/1", "notices/inv/002-clinched/1");
            assertThat(queue.failed(again.get(0), retry, "HTTP 503")).isEqualTo(DeliveryState.PENDING);
            queue.release(again.get(1).id(), "two");
            now.set(now.get().plusSeconds(19));
            assertThat(queue.claim("hub", "two", Duration.ofMinutes(1), 50)).isEmpty(); // backoff: 20 s
            now.set(now.get().plusSeconds(1));
            List<Delivery> last = queue.claim("hub", "two", Duration.ofMinutes(1), 50);
            assertThat(queue.failed(last.get(0), retry, "HTTP 503")).isEqualTo(DeliveryState.DEAD);
            queue.release(last.get(1).id(), "two");

            // dead: kept, and the later notice of the invitation waits behind it
            now.set(now.get().plusSeconds(3600));
            assertThat(queue.claim("hub", "two", Duration.ofMinutes(1), 50)).isEmpty();
            assertThat(queue.counts()).containsExactly(
                    new DeliveryQueue.Count("hub", DeliveryState.DEAD, 1, queue.all("hub").get(0).createdAt()),
                    new DeliveryQueue.Count("hub", DeliveryState.PENDING, 1, queue.all("hub").get(1).createdAt()));
            assertThat(queue.all("hub").get(0).lastError()).isEqualTo("HTTP 503");
            assertThat(queue.all("hub").get(0).attempts()).isEqualTo(3);

            // resent: the chain goes again, in its order
            assertThat(queue.resend(null, List.of("notices/inv/001-leader/1"))).isEqualTo(1);
            assertThat(queue.claim("hub", "two", Duration.ofMinutes(1), 50)).extracting(Delivery::eventId)
                    .containsExactly("notices/inv/001-leader/1", "notices/inv/002-clinched/1");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anExpiredLeaseIsTakenOverAndClearingLeasesFreesThemAll(String kind, @TempDir Path dir) throws Exception {
        try (Database db = open(kind, dir)) {
            Outbox outbox = outbox(db, dir, new Targets(List.of(hub)));
            DeliveryQueue queue = new DeliveryQueue(db.dataSource(), clock, () -> 0.5);
            outbox.publish("standings/s.json", "standings", doc(1)); outbox.flush();
            outbox.publish("standings/t.json", "standings", doc(2)); outbox.flush();
            assertThat(queue.claim("hub", "killed", Duration.ofSeconds(30), 50)).hasSize(2);
            assertThat(queue.claim("hub", "other", Duration.ofSeconds(30), 50)).isEmpty();
            // sent one after the other: the first claimed is leased for 30 s, the second for 60 s
            now.set(now.get().plusSeconds(30));
            assertThat(queue.claim("hub", "other", Duration.ofSeconds(30), 50)).extracting(Delivery::path).containsExactly("standings/s.json");
            now.set(now.get().plusSeconds(29));
            assertThat(queue.claim("hub", "third", Duration.ofSeconds(30), 50)).isEmpty();
            now.set(now.get().plusSeconds(1)); // the second's lease, and the one "other" took at 30 s, are over
            assertThat(queue.claim("hub", "third", Duration.ofSeconds(30), 50)).extracting(Delivery::path)
                    .containsExactly("standings/s.json", "standings/t.json");
            assertThat(queue.clearLeases()).isEqualTo(2);
            assertThat(queue.claim("hub", "fourth", Duration.ofSeconds(30), 50)).hasSize(2);
        }
    }

    Database open(String kind, Path dir) {
        Database db = new Database(TestDatabases.freshUrl(kind, dir), "", "", 4);
        db.migrate();
        return db;
    }

    Outbox outbox(Database db, Path dir, Targets targets) {
        return new Outbox(dir.resolve("outbox"), db.dataSource(), clock, (c, path, kind, version, bytes) -> {
            for (Target t : targets.wanting(kind)) DeliveryQueue.enqueue(c, t, path, kind, version, bytes.get(), clock.instant());
        });
    }

    static ObjectNode doc(int value) {
        ObjectNode n = org.podium.support.Json.object();
        n.put("schema", "podium.test/1");
        n.put("value", value);
        return n;
    }
}
