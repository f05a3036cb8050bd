package org.podium.poll;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the poller remembers in the store, on H2 and (when configured) PostgreSQL. */
class FeedLedgerTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

    private static final Instant T1 = Instant.parse("2024-02-10T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-02-10T10:10:00Z");
    private static final String URL = "https://alms.alkamelsystems.com/Results/x.CSV";

    private static Database db(String kind, Path dir) {
        Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 2);
        db.migrate();
        return db;
    }

    private static PollResult poll(Instant at, boolean failed, String problem, int fetched) {
        return new PollResult("alms", at, at.plusSeconds(2), Map.of(FetchOutcome.FETCHED, fetched),
                problem == null ? List.of() : List.of(problem), failed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDocumentsValidatorsAndHashAreRemembered(String kind, @TempDir Path dir) {
        try (Database db = db(kind, dir)) {
            FeedLedger ledger = new FeedLedger(db.dataSource());
            ledger.remember("alms", URL, new Validators("\"v1\"", "Sat, 10 Feb 2024 10:00:00 GMT"), "a".repeat(64), "alms/x.CSV", T1);

            FeedLedger.KnownDocument known = ledger.document("alms", URL).orElseThrow();

            assertThat(known.validators()).isEqualTo(new Validators("\"v1\"", "Sat, 10 Feb 2024 10:00:00 GMT"));
            assertThat(known.sha256()).isEqualTo("a".repeat(64));
            assertThat(known.inboxPath()).isEqualTo("alms/x.CSV");
            assertThat(ledger.document("other-feed", URL)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void newValidatorsKeepTheHashOfTheBytesLastWritten(String kind, @TempDir Path dir) {
        try (Database db = db(kind, dir)) {
            FeedLedger ledger = new FeedLedger(db.dataSource());
            ledger.remember("alms", URL, new Validators("\"v1\"", null), "a".repeat(64), "alms/x.CSV", T1);

            ledger.remember("alms", URL, new Validators("\"v2\"", null), null, null, T2);

            FeedLedger.KnownDocument known = ledger.document("alms", URL).orElseThrow();
            assertThat(known.validators().etag()).isEqualTo("\"v2\"");
            assertThat(known.sha256()).isEqualTo("a".repeat(64));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedPollKeepsTheLastSuccessAndRecordsItsError(String kind, @TempDir Path dir) {
        try (Database db = db(kind, dir)) {
            FeedLedger ledger = new FeedLedger(db.dataSource());
            ledger.pollFinished(poll(T1, false, null, 2));

            ledger.pollFinished(poll(T2, true, "page answered 503", 0));

            FeedLedger.PollRecord r = ledger.poll("alms").orElseThrow();
            assertThat(r.lastPollAt()).isEqualTo(T2);
            assertThat(r.lastSuccessAt()).isEqualTo(T1.plusSeconds(2));
            assertThat(r.lastErrorAt()).isEqualTo(T2.plusSeconds(2));
            assertThat(r.lastError()).isEqualTo("page answered 503");
            assertThat(r.counts()).containsEntry(FetchOutcome.FETCHED, 0).containsEntry(FetchOutcome.FAILED, 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aGoodPollKeepsTheLastErrorForTheRecord(String kind, @TempDir Path dir) {
        try (Database db = db(kind, dir)) {
            FeedLedger ledger = new FeedLedger(db.dataSource());
            ledger.pollFinished(poll(T1, true, "page answered 503", 0));

            ledger.pollFinished(poll(T2, false, null, 1));

            FeedLedger.PollRecord r = ledger.poll("alms").orElseThrow();
            assertThat(r.lastSuccessAt()).isEqualTo(T2.plusSeconds(2));
            assertThat(r.lastError()).isEqualTo("page answered 503");
            assertThat(r.counts()).containsEntry(FetchOutcome.FETCHED, 1);
        }
    }
}
