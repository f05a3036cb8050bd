package org.podium.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo is exactly what its generator writes, so the two can never drift apart. */
class DemoSeasonWriterTest {

    @TempDir
    Path temp;

    @Test
    void regeneratedDemoHasExactlyTheCommittedFiles() throws IOException {
        DemoSeasonWriter.main(new String[] {temp.toString()});

        assertThat(tree(DemoFiles.DEMO).keySet()).containsExactlyElementsOf(tree(temp).keySet());
    }

    @Test
    void regeneratedDemoIsByteIdenticalToTheCommittedOne() throws IOException {
        DemoSeasonWriter.main(new String[] {temp.toString()});
        Map<String, byte[]> generated = tree(temp), committed = tree(DemoFiles.DEMO);

        List<String> differing = generated.keySet().stream()
                .filter(k -> !Arrays.equals(generated.get(k), committed.get(k))).toList();
        assertThat(differing).as("files that differ from what DemoSeasonWriter writes; regenerate with "
                + "`java -cp target/test-classes org.podium.demo.DemoSeasonWriter` and commit").isEmpty();
    }

    @Test
    void writingAgainReplacesStaleStepsInsteadOfKeepingThem() throws IOException {
        Path stale = temp.resolve("steps/99-stale/alms/2023-24/01_Sepang/Race 1/old.CSV");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "old");

        DemoSeasonWriter.main(new String[] {temp.toString()});

        assertThat(stale).doesNotExist();
        assertThat(tree(temp).keySet()).containsExactlyElementsOf(tree(DemoFiles.DEMO).keySet());
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                // config/ holds the demo's series files, written by hand like config/ itself, not generated
                if (name.startsWith("config/")) continue;
                out.put(name, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
