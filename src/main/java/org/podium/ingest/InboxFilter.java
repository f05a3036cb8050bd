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
 * <p>
 * It also bounds each scan of the inbox: Camel makes a message for every file a scan accepts before
 * it sorts them and keeps the first {@code maxMessagesPerPoll}, so a backlog of 40 000 files would cost
 * 40 000 messages several times a second. A scan accepts {@code maxPerScan} files, then only the rest
 * of the folder it is in (the versions of one session, which sit in one folder, are then sorted together,
 * oldest first); the next scan takes the next ones. {@link InboxScan} starts each scan.
 */
public final class InboxFilter implements GenericFileFilter<File> {
    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    /** The inbox is scanned several times a second: each linked folder is reported once, up to this many. */
    private static final int MAX_REPORTED = 1_000;

    private final Set<Path> reported = ConcurrentHashMap.newKeySet();
    private final int maxPerScan;
    // one scan at a time: the inbox route's consumer calls from its own thread
    private int accepted;
    private Path lastFolder;

    public InboxFilter() {
        this(Integer.MAX_VALUE);
    }

    public InboxFilter(int maxPerScan) {
        this.maxPerScan = maxPerScan;
    }

    /** A new scan of the inbox begins. */
    public void newScan() {
        accepted = 0;
        lastFolder = null;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath();
        boolean take = mayTake(path, file.isDirectory());
        if (!take && reported.size() < MAX_REPORTED && reported.add(path)) {
            LOG.warn("{}: a link to a folder, not entered: Podium reads only files placed in the inbox itself", path);
        }
        if (!take || file.isDirectory()) return take;
        Path folder = path.getParent();
        if (accepted >= maxPerScan && !folder.equals(lastFolder)) return false;
        accepted++;
        lastFolder = folder;
        return true;
    }

    /** Whether the route may take a file or enter a folder found in the inbox. */
    public static boolean mayTake(Path path, boolean directory) {
        return !(directory && Files.isSymbolicLink(path));
    }
}
