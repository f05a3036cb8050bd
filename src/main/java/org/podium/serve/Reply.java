package org.podium.serve;

/**
 * What the API answers to one request.
 *
 * @param status       the HTTP status
 * @param contentType  null for a reply without a body
 * @param etag         the quoted SHA-256 of the document's bytes, or null
 * @param cacheControl null where nothing may be cached
 * @param body         empty for a 304
 */
public record Reply(int status, String contentType, String etag, String cacheControl, byte[] body) {

    static Reply text(int status, String message) {
        return new Reply(status, "text/plain; charset=utf-8", null, "no-store",
                (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
