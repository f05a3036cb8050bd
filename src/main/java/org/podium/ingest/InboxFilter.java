package org.podium.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inbox route may walk into: never a folder that is a link. A linked folder would make the
 * route read, and then move into {@code .done/} or {@code .failed/}, files that live outside the
 * inbox. A linked file is taken, so that {@link Ingestion} rejects it with a report and only the
 * link itself is moved.
 */
public final class InboxFilter implements GenericFileFilter<File> {
    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    /** The inbox is scanned several times a second: each linked folder is reported once, up to this many. */
    private static final int MAX_REPORTED = 1_000;

    private final Set<Path> reported = ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath();
        boolean take = mayTake(path, file.isDirectory());
        if (!take && reported.size() < MAX_REPORTED && reported.add(path)) {
            LOG.warn("{}: a link to a folder, not entered: Podium reads only files placed in the inbox itself", path);
        }
        return take;
    }

    /** Whether the route may take a file or enter a folder found in the inbox. */
    public static boolean mayTake(Path path, boolean directory) {
        return !(directory && Files.isSymbolicLink(path));
    }
}
