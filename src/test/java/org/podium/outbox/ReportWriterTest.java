package org.podium.outbox;

import org.podium.support.Json;
import org.podium.support.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    @TempDir
    Path dir;

    private Database db;
    private ReportFixture fixture;
    private ReportWriter writer;

    @BeforeEach
    void setUp() {
        db = new Database(TestDatabases.freshUrl("h2", dir), "", "", 2);
        db.migrate();
        fixture = new ReportFixture(dir).write();
        Clock clock = Clock.fixed(Instant.parse("2024-02-04T18:05:00Z"), ZoneOffset.UTC);
        writer = new ReportWriter(new Outbox(fixture.outbox, db.dataSource(), clock), fixture.inbox, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode indexEntry() throws IOException {
        for (JsonNode f : Json.MAPPER.readTree(fixture.outbox.resolve("index.json").toFile()).path("files")) {
            if (f.path("path").asText().equals(ReportWriter.PATH)) return f;
        }
        return null;
    }

    @Test
    void theReportIsWrittenAndListedInTheIndexAsAReport() throws IOException {
        assertThat(writer.write()).isTrue();
        Path report = fixture.outbox.resolve("report/index.html");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("Kaiju Motorsports");
        JsonNode entry = indexEntry();
        assertThat(entry.path("kind").asText()).isEqualTo("report");
        assertThat(entry.path("version").asInt()).isEqualTo(1);
        assertThat(entry.path("sha256").asText()).isEqualTo(Sha256.hex(Files.readAllBytes(report)));
        assertThat(OutboxSchemas.problems(fixture.outbox.resolve("index.json"))).isEmpty();
    }

    @Test
    void anUnchangedOutboxDoesNotRewriteTheReport() throws IOException {
        writer.write();
        byte[] first = Files.readAllBytes(fixture.outbox.resolve("report/index.html"));
        assertThat(writer.write()).isFalse();
        assertThat(Files.readAllBytes(fixture.outbox.resolve("report/index.html"))).isEqualTo(first);
        assertThat(indexEntry().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void aNewRejectedFileGivesANewVersion() throws IOException {
        writer.write();
        fixture.rejection("gtwc-asia/2023/01_Buriram/Race 1/empty.html", "the file is empty", "drop the complete file again");
        assertThat(writer.write()).isTrue();
        assertThat(Files.readString(fixture.outbox.resolve("report/index.html"))).contains("empty.html");
        assertThat(indexEntry().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        writer.write();
        try (var files = Files.list(fixture.outbox.resolve("report"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
        }
    }

    @Test
    void duringABacklogTheReportWaitsForItToEndButNoLongerThanTheMaximumWait() throws IOException {
        AtomicLong millis = new AtomicLong(Instant.parse("2024-02-04T18:05:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
        };
        AtomicBoolean backlog = new AtomicBoolean(true);
        ReportWriter deferred = new ReportWriter(new Outbox(fixture.outbox, db.dataSource(), clock), fixture.inbox, clock)
                .deferWhile(backlog::get, 30_000);
        Path report = fixture.outbox.resolve("report/index.html");

        assertThat(deferred.writeIfStale()).as("the first report is not deferred").isTrue();
        fixture.rejection("gtwc-asia/2023/01_Buriram/Race 1/empty.html", "the file is empty", "drop the complete file again");
        deferred.stale();
        millis.addAndGet(10_000);
        assertThat(deferred.writeIfStale()).as("seasons still wait to be recomputed").isFalse();
        assertThat(deferred.isStale()).isTrue();
        assertThat(Files.readString(report)).doesNotContain("empty.html");

        millis.addAndGet(20_000);
        assertThat(deferred.writeIfStale()).as("stale for the maximum wait").isTrue();
        assertThat(Files.readString(report)).contains("empty.html");

        byte[] second = Files.readAllBytes(report);
        fixture.rejection("gtwc-asia/2023/01_Buriram/Race 2/empty.html", "the file is empty", "drop the complete file again");
        deferred.stale();
        millis.addAndGet(200_000);
        assertThat(deferred.isStale()).isTrue();
        backlog.set(false);
        assertThat(deferred.writeIfStale()).as("the backlog is done").isTrue();
        assertThat(Files.readAllBytes(report)).isNotEqualTo(second);
    }
}
