package org.podium.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.store.Database;
import org.podium.support.Json;
import org.podium.support.Sha256;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's batches: files in place and recorded together, versions, the index, and the bytes of a file. */
class OutboxTest {

    @TempDir
    Path dir;

    private Database db;
    private Outbox outbox;
    private Path root;

    @BeforeEach
    void setUp() {
        db = new Database(TestDatabases.freshUrl("h2", dir), "", "", 2);
        db.migrate();
        root = dir.resolve("outbox");
        outbox = new Outbox(root, db.dataSource(), Clock.fixed(Instant.parse("2024-02-04T18:05:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static ObjectNode standings(int leaderPoints) {
        ObjectNode doc = Json.object();
        doc.put("schema", "podium.standings/1");
        doc.put("series", "alms");
        doc.put("season", "2023-24");
        ObjectNode row = doc.putArray("rows").addObject();
        row.put("position", 1);
        row.put("points", leaderPoints);
        row.putArray("drivers").add("Ana \"Quick\" Silva").add("Jörg Åberg");
        doc.putObject("inputs").put("sha256", "ab12");
        return doc;
    }

    private JsonNode index() throws IOException {
        return Json.MAPPER.readTree(root.resolve("index.json").toFile());
    }

    private long temporaries() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aBatchIsInPlaceAndRecordedOnlyOnceFlushed() throws IOException {
        assertThat(outbox.publish("standings/alms/2023-24/drivers.json", "standings", standings(50))).isTrue();
        assertThat(outbox.publish("standings/alms/2023-24/teams.json", "standings", standings(75))).isTrue();
        Path drivers = root.resolve("standings/alms/2023-24/drivers.json");
        assertThat(drivers).doesNotExist();
        assertThat(temporaries()).isEqualTo(2);

        outbox.writeIndex();

        assertThat(temporaries()).isZero();
        JsonNode file = Json.MAPPER.readTree(drivers.toFile());
        assertThat(file.path("version").asInt()).isEqualTo(1);
        assertThat(file.path("generated").asText()).isEqualTo("2024-02-04T18:05:00Z");
        JsonNode index = index();
        assertThat(index.path("count").asInt()).isEqualTo(2);
        assertThat(index.path("files").get(0).path("path").asText()).isEqualTo("standings/alms/2023-24/drivers.json");
        assertThat(index.path("files").get(0).path("sha256").asText()).isEqualTo(Sha256.hex(Files.readAllBytes(drivers)));
        assertThat(OutboxSchemas.problems(root.resolve("index.json"))).isEmpty();
    }

    @Test
    void onlyAChangedDocumentIsWrittenAgainUnderTheNextVersion() throws IOException {
        outbox.publish("standings/alms/2023-24/drivers.json", "standings", standings(50));
        outbox.writeIndex();
        assertThat(outbox.publish("standings/alms/2023-24/drivers.json", "standings", standings(50))).isFalse();
        assertThat(outbox.publish("standings/alms/2023-24/drivers.json", "standings", standings(51))).isTrue();
        // changed again in the same batch: the last content is what is written, numbered as when each
        // publication was written at once
        assertThat(outbox.publish("standings/alms/2023-24/drivers.json", "standings", standings(52))).isTrue();
        outbox.writeIndex();
        Path drivers = root.resolve("standings/alms/2023-24/drivers.json");
        JsonNode file = Json.MAPPER.readTree(drivers.toFile());
        assertThat(file.path("version").asInt()).isEqualTo(3);
        assertThat(file.path("rows").get(0).path("points").asInt()).isEqualTo(52);
        assertThat(index().path("files").get(0).path("version").asInt()).isEqualTo(3);
        assertThat(temporaries()).isZero();
    }

    @Test
    void theIndexIsNotRewrittenWhenNothingWasRecordedSince() throws IOException {
        outbox.publish("results/alms/2023-24/01-race-1.json", "session-result", standings(1));
        outbox.writeIndex();
        Path index = root.resolve("index.json");
        Files.writeString(index, "{\"marker\":true}");
        outbox.writeIndex();
        assertThat(Files.readString(index)).isEqualTo("{\"marker\":true}");
        outbox.recordHash("report/index.html", "report", "cd34");
        outbox.writeIndex();
        assertThat(index().path("count").asInt()).isEqualTo(2);
    }

    @Test
    void theFileIsTheDocumentWrittenWholeWithItsVersion() {
        Instant at = Instant.parse("2024-02-04T18:05:00Z");
        ObjectNode doc = standings(50);
        byte[] file = Outbox.versioned(doc, Json.bytes(doc), at, 7);
        ObjectNode whole = Json.object();
        whole.put("schema", "podium.standings/1");
        whole.put("generated", at.toString());
        whole.put("version", 7);
        doc.fields().forEachRemaining(f -> { if (!f.getKey().equals("schema")) whole.set(f.getKey(), f.getValue()); });
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.bytes(whole), java.nio.charset.StandardCharsets.UTF_8));

        // a document whose schema is not its first field is written whole, schema first
        ObjectNode late = Json.object();
        late.put("series", "alms");
        late.put("schema", "podium.session-result/1");
        JsonNode read = Json.MAPPER.valueToTree(Json.MAPPER.convertValue(
                readTree(Outbox.versioned(late, Json.bytes(late), at, 2)), Object.class));
        assertThat(read.fieldNames().next()).isEqualTo("schema");
        assertThat(read.path("version").asInt()).isEqualTo(2);
        assertThat(read.path("series").asText()).isEqualTo("alms");
    }

    @Test
    void aDocumentWrittenOutGetsTheSameBytesAsItsTree() {
        Instant at = Instant.parse("2024-02-04T18:05:00Z");
        ObjectNode doc = standings(50);
        byte[] content = Json.bytes(doc);
        assertThat(Outbox.leadingSchema(content)).isEqualTo("podium.standings/1");
        assertThat(new String(Outbox.versioned(content, at, 7), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(Outbox.versioned(doc, content, at, 7), java.nio.charset.StandardCharsets.UTF_8));

        // bytes that do not begin with a plain schema field are refused, not written without a version
        ObjectNode late = Json.object();
        late.put("series", "alms");
        late.put("schema", "podium.session-result/1");
        assertThat(Outbox.leadingSchema(Json.bytes(late))).isNull();
        assertThatThrownBy(() -> Outbox.versioned(Json.bytes(late), at, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Outbox.leadingSchema("{\"schema\" : \"a\\\"b\", \"x\" : 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(Outbox.leadingSchema("{\"schema\":\"alone\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(outbox.publish("standings/alms/2023-24/bytes.json", "standings", content)).isTrue();
        assertThat(outbox.publish("standings/alms/2023-24/bytes.json", "standings", content)).isFalse();
        assertThatThrownBy(() -> outbox.publish("standings/alms/2023-24/late.json", "standings", Json.bytes(late)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
