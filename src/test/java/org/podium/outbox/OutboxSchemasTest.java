package org.podium.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas do reject what breaks the contract, so a clean validation means something. */
class OutboxSchemasTest {

    @Test
    void aStandingsDocumentWithoutRowsOrWithABadHashIsInvalid(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, """
                {"schema":"podium.standings/1","generated":"2026-01-01T00:00:00Z","version":1,"series":"alms",
                 "season":"2023-24","table":"drivers-gt","ranks":"drivers","scope":"class","status":"final",
                 "roundsComplete":[1],"roundsToRun":[],"inputs":[{"sessionKey":"k","sha256":"xyz","status":"OFFICIAL"}]}
                """);
        assertThat(OutboxSchemas.problems(f)).anyMatch(p -> p.contains("rows")).anyMatch(p -> p.contains("sha256"));
    }

    @Test
    void aSessionResultWithAnUnknownStatusIsInvalid(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        Files.writeString(f, """
                {"schema":"podium.session-result/1","series":"alms","season":"2023-24","event":{"round":1,"name":"Sepang"},
                 "session":{"type":"RACE","name":"Race 1"},"status":"OFFICIAL",
                 "entries":[{"position":1,"number":"7","status":"WON","laps":10}]}
                """);
        assertThat(OutboxSchemas.problems(f)).singleElement().asString().contains("status");
    }
}
