package org.podium.ingest;

import org.podium.model.SeasonRef;
import org.podium.support.Sha256;
import org.podium.championship.CalendarCheck;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.feed.MetadataResolver;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.SaveOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One inbox file to a stored session result: read, parse, validate, store, and only then out of the
 * inbox. A file that cannot be read as results throws {@link FeedException}; the route turns that into
 * a rejection. Anything else (the store is down) is not the file's fault, so the file stays in the
 * inbox and is tried again.
 */
public final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    /** The store keeps a document's inbox path in 2 000 characters; a real one is under 200. */
    static final int MAX_PATH_CHARS = 1_000;

    private final FeedReader reader;
    private final CalendarCheck calendar;
    private final ResultStore store;
    private final Path inbox;
    private final long maxBytes;
    private final IngestStats stats;

    public Ingestion(FeedReader reader, ResultStore store, Path inbox, long maxBytes, IngestStats stats) {
        this(reader, null, store, inbox, maxBytes, stats);
    }

    /** @param calendar where a result must have a place before it is stored; null checks nothing */
    public Ingestion(FeedReader reader, CalendarCheck calendar, ResultStore store, Path inbox, long maxBytes,
                     IngestStats stats) {
        this.calendar = calendar;
        this.reader = reader;
        this.store = store;
        this.inbox = inbox;
        this.maxBytes = maxBytes;
        this.stats = stats;
    }

    /**
     * Ingests the inbox file at {@code relativePath} (as the file consumer names it, relative to the inbox).
     * Nothing outside the inbox is read: a file that is a link is rejected unread (the route then moves
     * the link, not what it points to), and a file reached through a linked folder is refused with an
     * {@link IOException}, so that the route leaves it where it is.
     *
     * @return what changed: the season whose current results this file changed, for the recompute; null
     *         when nothing did (a duplicate, or a version kept for audit behind the current one)
     */
    public SeasonRef ingest(String relativePath) throws FeedException, IOException {
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
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long size = before.size();
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
        // file (leaveInbox), the file comes back alone and must still count as already done.
        var already = store.findByInboxPath(rel, sha256(raw));
        if (already.isPresent()) {
            stats.duplicate();
            String what = "already stored as version " + already.get().version() + " of " + already.get().sessionKey();
            LOG.info("{}: {}", rel, what);
            return null;
        }
        byte[] sidecar = readSidecar(rel, sidecarFile);
        SessionResult result = parse(raw, rel, sidecar);
        if (calendar != null) {
            // stored without a place in the calendar, or with a class or cup the series does not know, it would be
            // scored wrong or never: rejected, saying what the series holds
            var placement = calendar.place(result);
            if (placement.misplaced() != null) {
                throw rejected(rel, placement.misplaced().problem(), placement.misplaced().whatToDo());
            }
            result = placement.result();
        }
        stillAsRead(rel, file, before, raw.length);
        SaveOutcome saved = store.save(result, raw, rel);
        String what;
        SeasonRef changed = null;
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
            if (saved.current()) changed = new SeasonRef(result.series(), result.season());
        }
        LOG.info("{}: {}", rel, what);
        return changed;
    }

    /**
     * The read lock takes a file once it has not changed for {@code podium.inbox.read-lock-min-age}; a
     * copy that paused for longer and then went on writing would be stored half-written. Checked once
     * more just before storing: a file whose size or modification time moved since it was first looked
     * at is left in the inbox (an {@link IOException}, not a rejection) and taken again when it has
     * stopped changing.
     */
    static void stillAsRead(String rel, Path file, BasicFileAttributes before, int bytesRead) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (now.size() != before.size() || bytesRead != before.size()
                || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new IOException(rel + ": the file changed while it was read (" + before.size() + " bytes, then "
                    + now.size() + "): still being written; left in the inbox to be taken once it stops changing."
                    + " A file copied in slowly is best copied under a hidden or .part name and renamed when complete,"
                    + " or podium.inbox.read-lock-min-age raised above the copy's longest pause");
        }
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

    static String sha256(byte[] raw) { return Sha256.hex(raw); }

    /**
     * The route's last step: the file leaves the inbox, now that it is stored (or rejected), so that a
     * crash before this leaves it in the inbox to be taken again. A stored file goes to
     * {@code .done/<date>/<its path>}, a rejected one to {@code .failed/<its path>} with its report
     * ({@code <file>.error.json}); a sidecar goes with its file.
     *
     * <p>Nothing in {@code .done/} or {@code .failed/} is ever replaced. When the name is taken (a file of
     * that name went there before, or is going there right now), the file and what goes with it take the
     * next free name, {@code <name> (2).<ext>}, {@code (3)}…, and the clash is logged. (Camel's {@code move}
     * option deletes whatever has the target's name first, so the route does not use it.)
     *
     * @param rejected the rejection and its report, or null when the file was stored
     * @return where the file went, relative to the inbox
     */
    public String leaveInbox(String relativePath, Rejections.Rejected rejected) throws IOException {
        String rel = relativePath.replace('\\', '/');
        Path file = inbox.resolve(rel);
        String planned = rejected == null
                ? ".done/" + LocalDate.now(ZoneOffset.UTC) + "/" + rel
                : ".failed/" + rel;
        // The report, the sidecar, then the file: a crash on the way leaves the file in the inbox.
        List<Placed> pieces = new ArrayList<>();
        Path report = rejected == null ? null : temporary(inbox.resolve(planned), rejected.report());
        try {
            if (report != null) pieces.add(new Placed(report, REPORT));
            Path sidecar = sidecarOf(file);
            if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                pieces.add(new Placed(sidecar, SIDECAR));
            }
            pieces.add(new Placed(file, ""));
            for (int n = 1; ; n++) {
                String to = numbered(planned, n);
                if (sameFile(file, inbox.resolve(to))) {
                    // an earlier move placed the file here and stopped (killed) before taking it out of the inbox
                    Files.delete(file);
                    return to;
                }
                if (!free(to)) continue;
                if (placeAll(pieces, to)) {
                    if (n > 1) LOG.warn("{}: inbox/{} already exists: moved to inbox/{} instead", rel, planned, to);
                    if (rejected != null) {
                        LOG.warn("{}: rejected, moved to inbox/{}: {}", rel, to, rejected.message());
                        stats.rejectedTo(rel, to, rejected.message());
                    }
                    return to;
                }
                // taken meanwhile: what was placed already goes on to the next name with the rest
            }
        } finally {
            if (report != null) Files.deleteIfExists(report);    // still there only when the report was not placed
        }
    }

    private static final String SIDECAR = ".meta.json";
    private static final String REPORT = ".error.json";

    /** A file going out of the inbox with the file it belongs to, and where it is now. */
    private static final class Placed {
        Path at;
        final String suffix;

        Placed(Path at, String suffix) {
            this.at = at;
            this.suffix = suffix;
        }
    }

    /** Places every piece under {@code to}; false when a name was taken first. */
    private boolean placeAll(List<Placed> pieces, String to) throws IOException {
        for (Placed p : pieces) {
            Path dest = inbox.resolve(to + p.suffix);
            if (p.at.equals(dest)) continue;
            if (!moveNew(p.at, dest)) return false;
            p.at = dest;
        }
        return true;
    }

    /** True when neither a file nor its report or sidecar has the name {@code to}. */
    private boolean free(String to) {
        for (String suffix : List.of("", SIDECAR, REPORT)) {
            if (Files.exists(inbox.resolve(to + suffix), LinkOption.NOFOLLOW_LINKS)) return false;
        }
        return true;
    }

    /** {@code path} for n = 1, otherwise {@code path} with " (n)" before its extension. */
    static String numbered(String path, int n) {
        if (n == 1) return path;
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) + " (" + n + ")" + path.substring(dot) : path + " (" + n + ")";
    }

    /**
     * Moves {@code source} to {@code dest} unless {@code dest} exists; false when it does. Files.move
     * checks the target and then renames, and a rename replaces what appeared in between; a hard link is
     * made only if the name is free, in one step. Where there are no hard links (some shared file
     * systems), or for what is not a regular file (a link is moved, never followed), it is Files.move.
     */
    static boolean moveNew(Path source, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            boolean linked;
            try {
                Files.createLink(dest, source);
                linked = true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                linked = false;       // no hard links here: the plain move below
            }
            if (linked) {
                Files.delete(source);
                return true;
            }
        }
        try {
            Files.move(source, dest);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** True when both paths name one regular file (two links to it). */
    private static boolean sameFile(Path a, Path b) throws IOException {
        if (!Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)) return false;
        Object ka = Files.readAttributes(a, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return ka != null && ka.equals(Files.readAttributes(b, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
    }

    /** The bytes in a hidden file beside {@code target}, flushed to disk, to be moved into place. */
    private static Path temporary(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        return tmp;
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
