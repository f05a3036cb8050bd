package org.podium.ingest;

import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.feed.MetadataResolver;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.SaveOutcome;
import org.podium.store.SeasonRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One inbox file to a stored session result: read, parse, validate, store. A file that cannot be read
 * as results throws {@link FeedException}; the route turns that into a rejection. Anything else (the
 * store is down) is not the file's fault, so the file stays in the inbox and is tried again.
 */
public final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    /** The store keeps a document's inbox path in 2 000 characters; a real one is under 200. */
    static final int MAX_PATH_CHARS = 1_000;

    private final FeedReader reader;
    private final ResultStore store;
    private final Path inbox;
    private final long maxBytes;
    private final Consumer<SeasonRef> seasonChanged;
    private final IngestStats stats;

    public Ingestion(FeedReader reader, ResultStore store, Path inbox, long maxBytes,
                     Consumer<SeasonRef> seasonChanged, IngestStats stats) {
        this.reader = reader;
        this.store = store;
        this.inbox = inbox;
        this.maxBytes = maxBytes;
        this.seasonChanged = seasonChanged;
        this.stats = stats;
    }

    /**
     * Ingests the inbox file at {@code relativePath} (as the file consumer names it, relative to the inbox).
     * Nothing outside the inbox is read: a file that is a link is rejected unread (the route then moves
     * the link, not what it points to), and a file reached through a linked folder is refused with an
     * {@link IOException}, so that the route leaves it where it is.
     *
     * @return a one-line description of what happened, for the log and the exchange
     */
    public String ingest(String relativePath, String moveTo) throws FeedException, IOException {
        String rel = relativePath.replace('\\', '/');
        Path file = inbox.resolve(rel);
        if (!inInbox(inbox, file)) {
            throw new IOException(rel + ": reached through a link to a folder outside the inbox; left untouched."
                    + " Podium reads only files placed in the inbox itself");
        }
        if (rel.length() > MAX_PATH_CHARS) {
            throw rejected(rel, "the path under the inbox is " + rel.length() + " characters long, over the limit of " + MAX_PATH_CHARS,
                    "put the file under inbox/<series>/<season>/<round>_<event>/<session>/");
        }
        if (Files.isSymbolicLink(file)) {
            throw rejected(rel, "the file is a link, not a file: Podium reads only files placed in the inbox itself",
                    "copy the file itself into the inbox");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw rejected(rel, "not a regular file (a pipe or a device)", "drop a results file into the inbox");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw rejected(rel, "file is " + size + " bytes, over the limit of " + maxBytes + " bytes",
                    "split the file, or raise podium.inbox.max-file-size if it is genuine");
        }
        byte[] raw = readAtMost(file, maxBytes);
        if (raw.length > maxBytes) {
            throw rejected(rel, "file grew to over the limit of " + maxBytes + " bytes while it was read",
                    "drop the complete file again, or raise podium.inbox.max-file-size if it is genuine");
        }
        Path sidecarFile = sidecarOf(file);
        // Taken before its sidecar is read: after a crash between moving the sidecar and moving the
        // file, the file comes back alone and must still count as already done.
        var already = store.findByInboxPath(rel, sha256(raw));
        if (already.isPresent()) {
            stats.duplicate();
            String what = "already stored as version " + already.get().version() + " of " + already.get().sessionKey();
            LOG.info("{}: {}", rel, what);
            return what;
        }
        byte[] sidecar = readSidecar(rel, sidecarFile);
        SessionResult result = parse(raw, rel, sidecar);
        SaveOutcome saved = store.save(result, raw, rel);
        moveSidecar(rel, moveTo);
        String what;
        if (saved.duplicate()) {
            stats.duplicate();
            what = "duplicate of version " + saved.document().version() + " of " + result.sessionKey()
                    + " (same SHA-256 " + shortSha(saved.document().sha256()) + "): nothing stored";
        } else {
            stats.ingested();
            what = "stored as version " + saved.document().version() + " of " + result.sessionKey()
                    + " (" + result.status() + ", " + result.entries().size() + " entries, " + result.source().format()
                    + ", SHA-256 " + shortSha(saved.document().sha256()) + ")"
                    + (saved.current() ? (saved.superseded() == null ? "" : ", replaces version " + saved.superseded().version())
                    : ", kept for audit: version " + currentVersion(result) + " stays current");
            if (saved.current()) seasonChanged.accept(new SeasonRef(result.series(), result.season()));
        }
        LOG.info("{}: {}", rel, what);
        return what;
    }

    /**
     * A file not processed for a reason that is not its own (the store is down): logged on one line, and
     * rethrown so that the file stays in the inbox and is tried again at a later poll.
     */
    public void notProcessed(String relativePath, Exception error) throws Exception {
        LOG.warn("{}: not processed, left in the inbox to try again: {}", relativePath.replace('\\', '/'), describe(error));
        throw error;
    }

    /** The outermost message and, when it says something else, the innermost one. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String outer = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error || String.valueOf(error.getMessage()).contains(String.valueOf(root.getMessage()))
                ? outer : outer + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /**
     * Whether a path lies in the inbox once every link in its folders is followed (the file itself is
     * not followed).
     */
    static boolean inInbox(Path inbox, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && parent.toRealPath().startsWith(inbox.toRealPath());
    }

    /** At most {@code limit + 1} bytes, so that a file that grows after its size was taken cannot exhaust memory. */
    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
    }

    /** The sidecar's bytes, null when there is none; a link or an oversized sidecar is rejected unread. */
    private static byte[] readSidecar(String rel, Path sidecar) throws FeedException, IOException {
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) return null;
        String name = sidecar.getFileName().toString();
        if (Files.isSymbolicLink(sidecar) || !Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            throw rejected(rel, "its sidecar " + name + " is a link or not a regular file: Podium reads only files placed in the inbox itself",
                    "copy the sidecar itself into the inbox, beside its file");
        }
        long size = Files.size(sidecar);
        if (size > MetadataResolver.MAX_SIDECAR_BYTES) {
            throw rejected(rel, "its sidecar " + name + " is " + size + " bytes; a sidecar holds a few fields, at most "
                    + MetadataResolver.MAX_SIDECAR_BYTES + " bytes", "give only the metadata fields in the sidecar");
        }
        return readAtMost(sidecar, MetadataResolver.MAX_SIDECAR_BYTES);
    }

    private SessionResult parse(byte[] raw, String rel, byte[] sidecar) throws FeedException {
        try {
            return reader.read(raw, rel, sidecar);
        } catch (FeedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A parser failure on strange input is still the input's problem: reject it, never loop on it.
            throw rejected(rel, "the file could not be parsed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "check that the file is a supported results format");
        }
    }

    private static FeedException rejected(String rel, String message, String hint) {
        return new FeedException(rel, java.util.List.of(org.podium.feed.Problem.of(message)), hint);
    }

    static String sha256(byte[] raw) { return org.podium.outbox.Json.sha256(raw); }

    /**
     * Where a processed file goes, relative to the inbox: {@code .done/<date>/<its path>}, with a
     * number added when a file of that name was already processed that day (a re-published file keeps
     * its name), so that nothing in {@code .done/} is ever overwritten.
     */
    public String doneTarget(String relativePath) {
        return Rejections.unique(inbox, ".done/" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "/"
                + relativePath.replace('\\', '/'));
    }

    /** Moves a sidecar into the folder its file is going to. */
    public void moveSidecar(String relativePath, String movedTo) throws IOException {
        Path sidecar = sidecarOf(inbox.resolve(relativePath.replace('\\', '/')));
        if (!Files.isRegularFile(sidecar) || movedTo == null) return;
        Path target = inbox.resolve(movedTo.replace('\\', '/'));
        Path dest = target.resolveSibling(target.getFileName() + ".meta.json");
        Files.createDirectories(dest.getParent());
        Files.move(sidecar, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String currentVersion(SessionResult result) {
        return store.versions(result.sessionKey()).stream()
                .max(org.podium.store.StoredDocument.PRECEDENCE)
                .map(d -> Integer.toString(d.version())).orElse("?");
    }

    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".meta.json");
    }

    static String shortSha(String sha) { return sha.substring(0, 12); }
}
