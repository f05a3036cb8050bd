package org.podium.poll;

import java.net.URI;
import java.util.Objects;

/**
 * A complete answer to a GET: a body read whole within the limits, or a 304.
 *
 * @param uri          the URI that answered (after any allowed redirects)
 * @param status       200…299, or 304
 * @param body         the bytes, empty for a 304
 * @param etag         the {@code ETag} validator, or null
 * @param lastModified the {@code Last-Modified} validator, or null
 */
public record Fetched(URI uri, int status, byte[] body, String etag, String lastModified) {
    public Fetched {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        if (status != 304 && (status < 200 || status > 299)) throw new IllegalArgumentException("not a complete answer: " + status);
    }

    public boolean notModified() { return status == 304; }
}
