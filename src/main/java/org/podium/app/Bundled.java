package org.podium.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Resource folders shipped inside the jar (default config, routes, the demo season), copied out. */
final class Bundled {
    private Bundled() {}

    /**
     * Copies the classpath folder {@code resourceDir} into {@code target}, keeping its layout.
     * Files that already exist are left alone unless {@code overwrite}.
     *
     * @return how many files were copied
     */
    static int copyTree(String resourceDir, Path target, boolean overwrite) {
        URL url = Bundled.class.getClassLoader().getResource(resourceDir);
        if (url == null) throw new IllegalStateException("not in the build: " + resourceDir);
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return copy(fs.getPath(resourceDir), target, overwrite);
            }
            return copy(Path.of(uri), target, overwrite);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot copy " + resourceDir + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a bundled text file. */
    static List<String> lines(String resource) {
        try (InputStream in = Bundled.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("not in the build: " + resource);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int copy(Path source, Path target, boolean overwrite) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(p)) continue;
                Path dest = target;
                for (Path part : source.relativize(p)) dest = dest.resolve(part.toString());
                if (Files.exists(dest) && !overwrite) continue;
                Files.createDirectories(dest.getParent());
                Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
        }
        return n;
    }
}
