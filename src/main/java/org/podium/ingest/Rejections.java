package org.podium.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.feed.FeedException;
import org.podium.outbox.AtomicFiles;
import org.podium.outbox.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * A rejected file goes to {@code inbox/.failed/} (the route moves it) with {@code <file>.error.json}
 * beside it: what failed, where, why, and what to do.
 */
public final class Rejections {

    public static final String SCHEMA = "podium.rejection/1";
    private static final Logger LOG = LoggerFactory.getLogger("podium.ingest");
    /** Rejected files are hashed as they are streamed, up to this size. */
    private static final long MAX_HASHED_BYTES = 64L * 1024 * 1024;

    private final Path inbox;
    private final Clock clock;
    private final IngestStats stats;

    public Rejections(Path inbox, Clock clock, IngestStats stats) {
        this.inbox = inbox;
        this.clock = clock;
        this.stats = stats;
    }

    /** Where a rejected file goes, relative to the inbox; never onto an earlier rejected file. */
    public String failedPath(String relativePath) {
        return unique(inbox, ".failed/" + relativePath.replace('\\', '/'));
    }

    /** {@code path}, or {@code path} with " (2)", " (3)"… before its extension when taken. */
    static String unique(Path inbox, String path) {
        if (!Files.exists(inbox.resolve(path))) return path;
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String stem = dot > slash ? path.substring(0, dot) : path;
        String ext = dot > slash ? path.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = stem + " (" + n + ")" + ext;
            if (!Files.exists(inbox.resolve(candidate))) return candidate;
        }
    }

    /**
     * Writes the error report for a rejected file and returns where the file must move (relative to the
     * inbox).
     */
    public String reject(String relativePath, Throwable error) {
        String rel = relativePath.replace('\\', '/');
        String target = failedPath(rel);
        ObjectNode report = report(rel, error);
        AtomicFiles.write(inbox.resolve(target + ".error.json"), Json.bytes(report));
        moveSidecar(rel, target);
        stats.rejected();
        LOG.warn("{}: rejected, moved to inbox/{}: {}", rel, target, report.path("error").path("message").asText());
        return target;
    }

    private void moveSidecar(String rel, String target) {
        Path sidecar = inbox.resolve(rel + ".meta.json");
        if (!Files.isRegularFile(sidecar)) return;
        try {
            Path dest = inbox.resolve(target + ".meta.json");
            Files.createDirectories(dest.getParent());
            Files.move(sidecar, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("{}: could not move its sidecar to inbox/{}: {}", rel, target, e.getMessage());
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    ObjectNode report(String rel, Throwable error) {
        ObjectNode r = Json.object();
        r.put("schema", SCHEMA);
        r.put("file", rel);
        r.put("rejectedAt", clock.instant().toString());
        Path file = inbox.resolve(rel);
        try {
            // never through a link: what it points to is not the inbox's to read
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Ingestion.inInbox(inbox, file)
                    && Files.size(file) <= MAX_HASHED_BYTES) {
                r.put("sha256", sha256(file));
            }
        } catch (IOException ignored) {
            // the hash is a convenience; the report matters more
        }
        ObjectNode e = r.putObject("error");
        if (error instanceof FeedException fe) {
            e.put("type", "feed");
            e.put("message", fe.getMessage());
            ArrayNode problems = r.putArray("problems");
            for (org.podium.feed.Problem p : fe.problems()) {
                ObjectNode o = problems.addObject();
                if (p.line() != null) o.put("line", p.line());
                if (p.column() != null) o.put("column", p.column());
                if (p.field() != null) o.put("field", p.field());
                o.put("message", p.message());
            }
            if (fe.unlistedProblems() > 0) r.put("problemsNotListed", fe.unlistedProblems());
            r.put("whatToDo", fe.hint() != null ? fe.hint()
                    : "correct the file and drop it into the inbox again; the file is kept here unchanged");
        } else {
            e.put("type", error.getClass().getSimpleName());
            e.put("message", String.valueOf(error.getMessage()));
            r.putArray("problems");
            r.put("whatToDo", "the file could not be processed; check the message, then drop it into the inbox again");
        }
        return r;
    }

}
