package org.podium.serve;

import org.podium.support.Sha256;
import org.podium.outbox.FeedIndexDocument;
import org.podium.outbox.Outbox;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a request for {@code /outbox/<path>}: the document the outbox ledger records at that path, the
 * outbox index ({@code index.json}) or a feed index of every document ({@code feed-index.json}).
 *
 * <p>Only a path the ledger records is ever read, and only through folders and a file that are not links:
 * a temporary being written ({@code .x.tmp}), a file the ledger does not know (left by an earlier run or
 * put there by hand), a link to elsewhere are all "not found". A path that could mean something else to
 * another reader (a dot segment, an encoded slash, dot or percent, a backslash, an empty segment) is a bad
 * request. Neither answer says anything about the file system.
 *
 * <p>Caching: the ETag is the SHA-256 of the bytes sent, so a client that sends it back in
 * {@code If-None-Match} gets a 304 while the document is unchanged. Documents that are rewritten as
 * results come in (results, standings, combined classifications, the indexes, the report) are
 * {@code no-cache}: a cache keeps them but asks again every time, since a standings table may change at any
 * minute and a 304 costs a few bytes. Notices are never rewritten (a new notice is a new file), so they are
 * cached for a year as {@code immutable}. With a token, every answer is {@code private}: a shared cache must
 * not hand a document it got for one token to a caller without one.
 */
public final class OutboxDocuments {

    public static final String PREFIX = "/outbox/";
    public static final String INDEX = "index.json";
    public static final String FEED_INDEX = "feed-index.json";

    private static final String CHANGING = "no-cache";
    private static final String NEVER_REWRITTEN = "max-age=31536000, immutable";

    private final Outbox outbox;
    private final Path root;
    private final boolean tokenRequired;

    public OutboxDocuments(Outbox outbox, boolean tokenRequired) {
        this.outbox = outbox;
        this.root = outbox.root().toAbsolutePath().normalize();
        this.tokenRequired = tokenRequired;
    }

    /**
     * @param rawPath     the request's path as sent, still percent-encoded, without the query
     * @param ifNoneMatch the request's {@code If-None-Match}, or null
     */
    public Reply get(String rawPath, String ifNoneMatch) {
        Optional<String> path = outboxPath(rawPath);
        if (path.isEmpty()) return Reply.text(400, "bad request: not an outbox path");
        String p = path.get();
        if (p.equals(FEED_INDEX)) return reply(FeedIndexDocument.bytes(outbox.entries()), "application/json", CHANGING, ifNoneMatch);
        if (!p.equals(INDEX) && outbox.entry(p).isEmpty()) return notFound();
        Optional<byte[]> bytes = read(p);
        if (bytes.isEmpty()) return notFound();
        return reply(bytes.get(), contentType(p), p.startsWith("notices/") ? NEVER_REWRITTEN : CHANGING, ifNoneMatch);
    }

    /**
     * The outbox path a request path names, decoded, or empty when it is not a plain relative path below
     * {@code /outbox/}: every segment a visible name, nothing encoded that could change how it splits.
     */
    static Optional<String> outboxPath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) return Optional.empty();
        String rest = rawPath.substring(PREFIX.length());
        if (rest.isEmpty() || rest.indexOf('\\') >= 0) return Optional.empty();
        StringBuilder out = new StringBuilder();
        for (String segment : rest.split("/", -1)) {
            String name = decode(segment);
            if (name == null || name.isEmpty() || name.startsWith(".")) return Optional.empty();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '/' || c == '\\' || c == '%' || c == ':' || Character.isISOControl(c)) return Optional.empty();
            }
            if (!out.isEmpty()) out.append('/');
            out.append(name);
        }
        return Optional.of(out.toString());
    }

    /** Percent-decodes one segment as UTF-8, or null when it is malformed. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        try {
            // the multi-argument constructor would encode again; a URI of the segment alone decodes it
            return new URI("x:/" + segment).getPath().substring(1);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The file's bytes, unless it, or a folder on the way to it, is a link or it is not a regular file. */
    private Optional<byte[]> read(String relative) {
        Path file = root;
        try {
            for (String part : relative.split("/")) {
                file = file.resolve(part);
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink() || a.isOther()) return Optional.empty();
            }
            if (!file.normalize().startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Reply reply(byte[] bytes, String contentType, String cacheControl, String ifNoneMatch) {
        String etag = "\"" + Sha256.hex(bytes) + "\"";
        String cache = tokenRequired ? "private, " + cacheControl : cacheControl;
        if (matches(ifNoneMatch, etag)) return new Reply(304, null, etag, cache, new byte[0]);
        return new Reply(200, contentType, etag, cache, bytes);
    }

    /** RFC 9110 section 13.1.2: a list of entity tags or "*", compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) return true;
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals(etag)) return true;
        }
        return false;
    }

    private static Reply notFound() {
        return Reply.text(404, "not found: no such document in the outbox");
    }

    static String contentType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        for (List<String> t : List.of(List.of(".json", "application/json"), List.of(".md", "text/markdown; charset=utf-8"),
                List.of(".html", "text/html; charset=utf-8"), List.of(".csv", "text/csv; charset=utf-8"))) {
            if (name.endsWith(t.get(0))) return t.get(1);
        }
        return "application/octet-stream";
    }
}
