package org.podium.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's test outbox holds documents of the published shapes. */
class ReportFixtureTest {

    @Test
    void everyFixtureDocumentMatchesItsSchema(@TempDir Path dir) throws IOException {
        ReportFixture f = new ReportFixture(dir).write();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSize(6);
        for (Path p : files) assertThat(OutboxSchemas.problems(p)).as(p.toString()).isEmpty();
    }
}
