package org.podium.ingest;

import org.podium.support.Sha256;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.feed.FeedException;
import org.podium.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A rejected file goes to {@code inbox/.failed/} with {@code <file>.error.json} beside it: what failed,
 * where, why, and what to do. This builds the report; the route's last step
 * ({@link Ingestion#leaveInbox}) puts the file, its report and its sidecar there.
 */
public final class Rejections {

    public static final String SCHEMA = "podium.rejection/1";
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

    /** A file rejected: why, in a line, and its report as it will be written beside it. */
    public record Rejected(String message, byte[] report) {}

    /** The rejection of an inbox file, with its error report. */
    public Rejected reject(String relativePath, Throwable error) {
        ObjectNode report = report(relativePath.replace('\\', '/'), error);
        stats.rejected();
        return new Rejected(report.path("error").path("message").asText(), Json.bytes(report));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Sha256.hex(in);
        }
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
