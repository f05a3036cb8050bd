package org.podium.poll;

import java.net.URI;

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
    public boolean notModified() { return status == 304; }
}
