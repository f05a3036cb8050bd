package org.podium.ingest;

import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.SaveOutcome;
import org.podium.store.SeasonRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One inbox file to a stored session result: read, parse, validate, store. A file that cannot be read
 * as results throws {@link FeedException}; the route turns that into a rejection. Anything else (the
 * store is down) is not the file's fault, so the file stays in the inbox and is tried again.
 */
public final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");

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
     *
     * @return a one-line description of what happened, for the log and the exchange
     */
    public String ingest(String relativePath, String moveTo) throws FeedException, IOException {
        String rel = relativePath.replace('\\', '/');
        Path file = inbox.resolve(rel);
        if (Files.isSymbolicLink(file) || !file.toRealPath().startsWith(inbox.toRealPath())) {
            throw rejected(rel, "the file is a link to somewhere outside the inbox", "copy the file itself into the inbox");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw rejected(rel, "file is " + size + " bytes, over the limit of " + maxBytes + " bytes",
                    "split the file, or raise podium.inbox.max-file-size if it is genuine");
        }
        byte[] raw = Files.readAllBytes(file);
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
        byte[] sidecar = Files.isRegularFile(sidecarFile) ? Files.readAllBytes(sidecarFile) : null;
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
