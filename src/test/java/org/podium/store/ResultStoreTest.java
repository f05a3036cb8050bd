package org.podium.store;

import org.podium.model.SeasonRef;
import org.podium.support.Sha256;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on H2 always, and on PostgreSQL when PODIUM_TEST_JDBC_URL names one. */
class ResultStoreTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

    static final SeasonRef SEASON = new SeasonRef("alms", "2023-24");

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyVersionIsKeptAndTheNewestOfficialOneIsCurrent(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            SaveOutcome provisional = store.save(result("a", ResultStatus.PROVISIONAL, null, "Race 1_Provisional.CSV"), bytes("a"), "p1");
            SaveOutcome official = store.save(result("b", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("b"), "p2");
            // A provisional file arriving after the official one is kept for audit but does not take over.
            SaveOutcome late = store.save(result("c", ResultStatus.PROVISIONAL, null, "Race 1_Provisional.CSV"), bytes("c"), "p3");

            assertThat(provisional.current()).isTrue();
            assertThat(official.current()).isTrue();
            assertThat(official.superseded().version()).isEqualTo(1);
            assertThat(late.current()).isFalse();
            assertThat(store.versions("alms/2023-24/01/race-1")).extracting(StoredDocument::version).containsExactly(1, 2, 3);
            assertThat(store.currentDocuments(SEASON)).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isEqualTo(sha("b")));
            assertThat(store.currentSessions(SEASON)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(ResultStatus.OFFICIAL));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aVersionKeptAsItWasSavedIsTheVersionTheStoreReadsBack(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            SessionResult saved = result("a", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV");
            long id = store.save(saved, bytes("a"), "p1").document().id();
            // a second store on the same database has nothing kept: it parses the stored JSON
            SessionResult readBack = new ResultStore(db.dataSource(), Clock.systemUTC()).load(id);
            assertThat(readBack).isEqualTo(saved);
            assertThat(store.load(id)).isEqualTo(readBack);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSessionsOfEachSeasonAreCountedOncePerSessionWhateverItsVersions(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            store.save(result("a", ResultStatus.PROVISIONAL, null, "Race 1_Provisional.CSV"), bytes("a"), "p1");
            store.save(result("b", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("b"), "p2");
            SeasonRef none = new SeasonRef("alms", "2019-20");
            assertThat(store.sessionCounts(List.of(SEASON, none))).containsExactly(java.util.Map.entry(SEASON, 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFinishOutranksAnHourlySnapshotAndAFinalFileAnOfficialOne(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            store.save(result("h4", ResultStatus.OFFICIAL, 4, "Race 1_Hour 4_Official.CSV"), bytes("h4"), "p1");
            store.save(result("h3", ResultStatus.OFFICIAL, 3, "Race 1_Hour 3_Official.CSV"), bytes("h3"), "p2");
            assertThat(store.currentDocuments(SEASON).get(0).sha256()).isEqualTo(sha("h4"));
            store.save(result("fin", ResultStatus.OFFICIAL, null, "Race 1_Final.CSV"), bytes("fin"), "p3");
            store.save(result("off", ResultStatus.OFFICIAL, null, "Race 1_Official.CSV"), bytes("off"), "p4");
            assertThat(store.currentDocuments(SEASON).get(0).sha256()).isEqualTo(sha("fin"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameBytesAreStoredOnceAndASeasonIsDirtyUntilPublished(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            SaveOutcome first = store.save(result("a", ResultStatus.OFFICIAL, null, "x.CSV"), bytes("a"), "p1");
            SaveOutcome again = store.save(result("a", ResultStatus.OFFICIAL, null, "x.CSV"), bytes("a"), "p2");
            assertThat(again.duplicate()).isTrue();
            assertThat(again.document().id()).isEqualTo(first.document().id());
            assertThat(store.documentCount()).isEqualTo(1);
            assertThat(store.findByInboxPath("p1", sha("a"))).isPresent();
            assertThat(store.findByInboxPath("p2", sha("a"))).isEmpty();

            assertThat(store.dirtySeasons()).containsExactly(SEASON);
            store.markPublished(SEASON, Instant.now().minusSeconds(3600));
            assertThat(store.dirtySeasons()).as("changed after the recompute started: still dirty").containsExactly(SEASON);
            store.markPublished(SEASON, Instant.now().plusSeconds(1));
            assertThat(store.dirtySeasons()).isEmpty();
            store.markAllDirty();
            assertThat(store.dirtySeasons()).containsExactly(SEASON);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratingTwiceChangesNothing(String kind, @TempDir Path dir) {
        String url = TestDatabases.freshUrl(kind, dir);
        try (Database a = new Database(url, "sa", "", 2)) { a.migrate(); }
        try (Database b = new Database(url, "sa", "", 2)) {
            b.migrate();
            assertThat(b.ping()).isTrue();
        }
    }

    static Database open(String kind, Path dir) {
        Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 2);
        db.migrate();
        return db;
    }

    @org.junit.jupiter.api.Test
    void aDocumentParsedLatelyIsNotParsedAgainAndTheKeptOnesAreBounded(@TempDir Path dir) {
        try (Database db = open("h2", dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            long a = store.save(result("a", ResultStatus.OFFICIAL, null, "a.CSV"), bytes("a"), "p1").document().id();
            long b = store.save(result("b", ResultStatus.OFFICIAL, null, "b.CSV"), bytes("b"), "p2").document().id();
            SessionResult first = store.load(a);
            assertThat(store.load(a)).isSameAs(first);
            // what a second store (another instance) parses from the same row
            assertThat(new ResultStore(db.dataSource(), Clock.systemUTC()).load(a)).isEqualTo(first).isNotSameAs(first);
            assertThat(store.load(b)).isNotSameAs(first);
            // documents of more entries than the bound in all push the first ones out
            Entry e = first.entries().get(0);
            List<Entry> many = new java.util.ArrayList<>();
            for (int i = 1; i <= 2_000; i++) {
                many.add(new Entry(i, i, String.valueOf(i), e.team(), e.drivers(), e.car(), e.carClass(), e.cup(), e.group(),
                        e.division(), e.tyres(), e.status(), e.laps(), e.totalTimeMs() + i, null, null, null, i + 1));
            }
            for (int race = 2; race * 2_000 <= ResultStore.PARSED_ENTRIES + 4_000; race++) {
                SessionResult big = result("race " + race, ResultStatus.OFFICIAL, null, race + ".CSV");
                big = new SessionResult(big.series(), big.season(), new Event(race, "Sepang", null, null),
                        new Session(SessionType.RACE, "Race " + race, race, null, null, null), big.status(), big.source(),
                        big.statusReported(), many);
                long id = store.save(big, bytes("race " + race), "r" + race).document().id();
                assertThat(store.load(id).entries()).hasSize(2_000);
            }
            assertThat(store.load(a)).isEqualTo(first).isNotSameAs(first);
        }
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static String sha(String s) { return Sha256.hex(bytes(s)); }

    /** Seasons published together are marked clean in one go; one changed after the recompute began stays dirty. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void seasonsPublishedTogetherAreMarkedCleanTogether(String kind, @TempDir Path dir) {
        try (Database db = open(kind, dir)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            SessionResult a = result("a", ResultStatus.OFFICIAL, null, "x.CSV");
            SessionResult b = new SessionResult("alms", "2024-25", a.event(), a.session(), a.status(), a.source(), a.statusReported(), a.entries());
            store.save(a, bytes("a"), "p1");
            store.save(b, bytes("a"), "p2");
            SeasonRef other = new SeasonRef("alms", "2024-25");
            assertThat(store.dirtySeasons()).containsExactlyInAnyOrder(SEASON, other);

            store.markPublished(List.of(SEASON, other), Instant.now().minusSeconds(3600));
            assertThat(store.dirtySeasons()).as("changed after the recompute began").containsExactlyInAnyOrder(SEASON, other);
            store.markPublished(List.of(SEASON, other), Instant.now().plusSeconds(1));
            assertThat(store.dirtySeasons()).isEmpty();
        }
    }

    static SessionResult result(String content, ResultStatus status, Integer hour, String document) {
        Entry e = new Entry(1, 1, "44", "Phoenix", List.of(new Driver("Anna", "EXAMPLE", null, null)), "Car", "GT",
                null, null, null, null, EntryStatus.CLASSIFIED, 100, 14_400_000L, null, null, null, 2);
        return new SessionResult("alms", "2023-24", new Event(1, "Sepang", null, null),
                new Session(SessionType.RACE, "Race 1", 1, null, hour, null), status,
                new Source("alkamel-race", document, sha(content), null), true, List.of(e));
    }
}
