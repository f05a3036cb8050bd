package org.podium.ingest;

import org.podium.support.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.model.SeasonRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.feed.Problem;
import org.podium.hostile.HostileCorpus;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;
import org.podium.outbox.OutboxSchemas;
import org.podium.store.Database;
import org.podium.store.ResultStore;
import org.podium.store.TestDatabases;

/**
 * Links in the inbox never make Podium read or move anything outside it. Where a test needs proof
 * that a target was not read, the target is a named pipe: reading one with no writer blocks, so a
 * read would hang the test until its timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboxLinksTest {
    private static final String SESSION = "alms/2023-24/01_Sepang/Race 1/";
    private static final byte[] RACE = HostileCorpus.race("Real Team").getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;
    private Path inbox;
    private Path outside;
    private Database db;
    private ResultStore store;
    private Ingestion ingestion;

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(dir.resolve("home/inbox"));
        outside = Files.createDirectories(dir.resolve("outside"));
        db = new Database(TestDatabases.freshUrl("h2", dir), "sa", "", 2);
        db.migrate();
        store = new ResultStore(db.dataSource(), Clock.systemUTC());
        ingestion = new Ingestion(new FeedReader(Set.of("alms"), 1_000_000), store, inbox, 1_000_000, new IngestStats());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path pipeOutside(String name) throws Exception {
        Path pipe = outside.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return null;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        return pipe;
    }

    private Path link(String relative, Path target) throws IOException {
        Path link = inbox.resolve(relative);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    @Test
    void fileThatIsALinkIsRejectedWithoutReadingItsTarget() throws Exception {
        Path pipe = pipeOutside("secret.CSV");
        link(SESSION + "link_Official.CSV", pipe);
        assertThatThrownBy(() -> ingestion.ingest(SESSION + "link_Official.CSV"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("is a link"));
        assertThat(store.documentCount()).isZero();
        assertThat(pipe).exists();
    }

    @Test
    void fileInALinkedFolderIsRefusedSoThatTheRouteLeavesItWhereItIs() throws Exception {
        Path folder = Files.createDirectories(outside.resolve("race-1"));
        Path target = Files.write(folder.resolve("x_Official.CSV"), RACE);
        link(SESSION.substring(0, SESSION.length() - 1), folder);
        assertThatThrownBy(() -> ingestion.ingest(SESSION + "x_Official.CSV"))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the inbox");
        assertThat(store.documentCount()).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(RACE);
    }

    @Test
    void sidecarThatIsALinkIsRejectedWithoutReadingItsTarget() throws Exception {
        Path pipe = pipeOutside("secret.meta.json");
        AtomicFiles.write(inbox.resolve(SESSION + "x_Official.CSV"), RACE);
        link(SESSION + "x_Official.CSV.meta.json", pipe);
        assertThatThrownBy(() -> ingestion.ingest(SESSION + "x_Official.CSV"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("sidecar x_Official.CSV.meta.json is a link"));
        assertThat(store.documentCount()).isZero();
    }

    @Test
    void oversizedSidecarIsRejectedUnread() throws Exception {
        AtomicFiles.write(inbox.resolve(SESSION + "x_Official.CSV"), RACE);
        AtomicFiles.write(inbox.resolve(SESSION + "x_Official.CSV.meta.json"), new byte[5_000_000]);
        assertThatThrownBy(() -> ingestion.ingest(SESSION + "x_Official.CSV"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("is 5000000 bytes").contains("at most 16384 bytes"));
    }

    @Test
    void realFileBesideTheLinksIsStillIngested() throws Exception {
        link(SESSION + "link_Official.CSV", Files.write(outside.resolve("elsewhere.CSV"), RACE));
        AtomicFiles.write(inbox.resolve(SESSION + "x_Official.CSV"), RACE);
        // stored as the first version of the session: its season changed
        assertThat(ingestion.ingest(SESSION + "x_Official.CSV")).isEqualTo(new SeasonRef("alms", "2023-24"));
        assertThat(store.currentDocuments(new SeasonRef("alms", "2023-24"))).singleElement()
                .satisfies(d -> assertThat(d.version()).isEqualTo(1));
    }

    @Test
    void inboxRouteNeverEntersALinkedFolder() throws IOException {
        Path linked = link("alms/linked", Files.createDirectories(outside.resolve("folder")));
        Path real = Files.createDirectories(inbox.resolve("alms/2023-24"));
        assertThat(InboxFilter.mayTake(linked, true)).isFalse();
        assertThat(InboxFilter.mayTake(real, true)).isTrue();
    }

    @Test
    void inboxRouteTakesALinkedFileSoThatItIsRejectedWithAReport() throws IOException {
        Path linked = link(SESSION + "link.CSV", Files.write(outside.resolve("elsewhere.CSV"), RACE));
        assertThat(InboxFilter.mayTake(linked, false)).isTrue();
    }

    @Test
    void reportOnALinkCarriesNoHashOfWhatItPointsTo() throws Exception {
        link(SESSION + "link.CSV", Files.write(outside.resolve("elsewhere.CSV"), RACE));
        AtomicFiles.write(inbox.resolve(SESSION + "real.CSV"), RACE);
        Rejections rejections = new Rejections(inbox, Clock.systemUTC(), new IngestStats());
        FeedException error = new FeedException(Problem.of("bad"), "fix it");
        assertThat(rejections.report(SESSION + "link.CSV", error).has("sha256")).isFalse();
        assertThat(rejections.report(SESSION + "real.CSV", error).path("sha256").asText()).isEqualTo(Sha256.hex(RACE));
    }

    @Test
    void reportCountsTheProblemsItDoesNotList() throws Exception {
        var many = java.util.stream.IntStream.rangeClosed(1, 150).mapToObj(i -> Problem.at(i, "LAPS", "not a number")).toList();
        Rejections rejections = new Rejections(inbox, Clock.systemUTC(), new IngestStats());
        ObjectNode report = rejections.report(SESSION + "x.CSV", new FeedException("x.CSV", many, 0, "fix the named lines"));
        assertThat(report.path("problems")).hasSize(100);
        assertThat(report.path("problemsNotListed").asInt()).isEqualTo(50);
        Path written = dir.resolve("x.CSV.error.json");
        AtomicFiles.write(written, Json.bytes(report));
        assertThat(OutboxSchemas.problems(written)).isEmpty();
    }
}
