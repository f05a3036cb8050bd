package org.podium.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The series Podium knows: one {@code config/series/<id>.yaml} each. */
final class SeriesIds {
    private SeriesIds() {}

    static Set<String> in(Path configDir) {
        Path dir = configDir.resolve("series");
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(dir)) return ids;
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - ".yaml".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
