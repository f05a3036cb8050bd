package org.podium.serve;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.net.URI;

/**
 * The Camel side of the outbox API (routes/6-serve.yaml): reads the request's headers, lets
 * {@link BearerToken} and {@link OutboxDocuments} decide, and writes their answer into the response.
 */
public final class OutboxApi {

    private final OutboxDocuments documents;
    private final BearerToken token;

    public OutboxApi(OutboxDocuments documents, BearerToken token) {
        this.documents = documents;
        this.token = token;
    }

    /** @return true when the request may go on; otherwise the exchange holds a 401 */
    public boolean authorize(Exchange exchange) {
        Message in = exchange.getMessage();
        if (token.admits(in.getHeader("Authorization", String.class))) return true;
        respond(in, Reply.text(401, "unauthorized: send Authorization: Bearer <token>"));
        in.setHeader("WWW-Authenticate", "Bearer realm=\"podium\"");
        return false;
    }

    public void answer(Exchange exchange) {
        Message in = exchange.getMessage();
        respond(in, documents.get(rawPath(in), in.getHeader("If-None-Match", String.class)));
    }

    /** The path as the client sent it, still encoded: Camel's own path header is decoded. */
    static String rawPath(Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) return null;
        int q = uri.indexOf('?');
        String path = q >= 0 ? uri.substring(0, q) : uri;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            try {
                path = URI.create(path).getRawPath();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return path;
    }

    private static void respond(Message in, Reply r) {
        // nothing of the request goes back as a response header
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        if (r.contentType() != null) in.setHeader(Exchange.CONTENT_TYPE, r.contentType());
        if (r.etag() != null) in.setHeader("ETag", r.etag());
        if (r.cacheControl() != null) in.setHeader("Cache-Control", r.cacheControl());
        in.setHeader("X-Content-Type-Options", "nosniff");
        in.setBody(r.body());
    }
}
