package org.podium.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The working folder: {@code inbox/}, {@code outbox/}, {@code config/}, {@code routes/}, {@code data/}.
 * A folder without {@code config/} or {@code routes/} gets the defaults shipped in the jar, so that
 * {@code java -jar podium.jar run} works in an empty folder and the defaults are there to edit.
 */
public record Home(Path root) {

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    public Path inbox() { return root.resolve("inbox"); }
    public Path outbox() { return root.resolve("outbox"); }
    public Path config() { return root.resolve("config"); }
    public Path routes() { return root.resolve("routes"); }
    public Path data() { return root.resolve("data"); }

    /** Creates the folders and copies the bundled defaults where a folder is missing. */
    public void prepare() {
        try {
            Files.createDirectories(root);
            for (Path p : new Path[]{inbox(), outbox(), data()}) Files.createDirectories(p);
            if (!Files.isDirectory(config())) Bundled.copyTree("podium/config", config(), false);
            if (!Files.isDirectory(routes())) Bundled.copyTree("podium/routes", routes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the home folder " + root + ": " + e.getMessage(), e);
        }
    }
}
