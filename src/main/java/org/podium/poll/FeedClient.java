package org.podium.poll;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GETs for one feed, with the feed's limits: connect and response timeouts, a size limit enforced while the
 * body is read, retries with exponential backoff (resilience4j's {@code Retry}) on 5xx answers, timeouts and
 * cut connections (not on a refused connection, an unknown host or a failed TLS handshake, which fail at
 * once), redirects
 * followed only where the {@link LinkPolicy} allows, {@code Connection: close} where the feed asks for it,
 * and conditional GETs from remembered validators.
 *
 * <p>Why Apache HttpClient 5 directly and not a camel-http endpoint: camel-http either copies the whole
 * body into a stream cache before the route sees it, or (with {@code disableStreamCache}) hands over a
 * stream that HttpClient drains to its end when the producer returns; in both cases an oversized body is
 * read whole, so the size limit cannot be enforced while reading. Its timeouts are also component-wide,
 * where each feed has its own. The JDK {@code HttpClient} refuses to send a {@code Connection} header
 * (a restricted header unless a JVM-wide system property is set at start-up), which the Al Kamel portal
 * needs. HttpClient 5 is the client camel-http itself is built on (already on the class path), and lets a
 * request be aborted mid-body: an oversized or late body is dropped without reading the rest, and a body
 * shorter than its {@code Content-Length} is an error, never a document.
 */
final class FeedClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");
    private static final int MAX_REDIRECTS = 5;

    /** Aborts requests that overrun the feed's response timeout; one daemon thread for every feed. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "podium-poll-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Feed feed;
    private final LinkPolicy policy;
    private final CloseableHttpClient client;
    private final RetryConfig retryConfig;
    private final String token;
    /** Requests sent, every attempt and redirect hop: a poll's share is the difference (one poll of a feed at a time). */
    private final AtomicLong requests = new AtomicLong();

    FeedClient(Feed feed, LinkPolicy policy, String userAgent) {
        this.feed = feed;
        this.policy = policy;
        this.retryConfig = retryConfig(feed.retries());
        this.token = feed.token();
        BasicHttpClientConnectionManager connections = new BasicHttpClientConnectionManager();
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(feed.connectTimeout()))
                .setSocketTimeout(Timeout.of(feed.responseTimeout()))
                .build());
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(feed.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(feed.connectTimeout()))
                        .build())
                .setUserAgent(userAgent)
                .disableRedirectHandling()      // followed here, host by host
                .disableAutomaticRetries()      // retried by the feed's Retry, with backoff
                .disableCookieManagement()      // a stateful portal must not carry one answer into the next
                .disableContentCompression()    // so Content-Length counts the bytes read
                .disableAuthCaching()
                .build();
    }

    /**
     * GETs {@code uri}, retrying as the feed says.
     *
     * @param validators sent as a conditional GET; {@link Validators#NONE} for a plain GET
     * @throws Refused     the answer may not be kept (too large, a redirect elsewhere): never retried
     * @throws FetchFailed no complete answer after the retries
     */
    Fetched get(URI uri, Validators validators) throws Refused, FetchFailed, InterruptedException {
        return get(uri, validators, true);
    }

    /**
     * GETs a page that only lists documents. Unlike a document, a page whose end is marked only by the
     * connection closing is taken as it is: a cut page lists fewer links this time, the next poll has them.
     */
    Fetched page(URI uri) throws Refused, FetchFailed, InterruptedException {
        return get(uri, Validators.NONE, false);
    }

    /**
     * The request under the feed's {@link Retry}: a retryable failed attempt (5xx, 408, 429, a timeout, a cut
     * connection or body) is tried again after the backoff's wait, logged with its cause and the wait; any
     * other failure (a refused connection, an unknown host, a TLS failure, a 4xx, a refusal) ends it at once.
     *
     * @param document true for a document bound for the inbox: see {@link #confirmed}
     */
    private Fetched get(URI uri, Validators validators, boolean document) throws Refused, FetchFailed, InterruptedException {
        Retry retry = Retry.of(feed.id(), retryConfig);
        retry.getEventPublisher().onRetry(e -> LOG.info("{}: {} failed ({}); retry {} of {} in {} ms", feed.id(), uri,
                e.getLastThrowable() == null ? "no cause" : e.getLastThrowable().getMessage(), e.getNumberOfRetryAttempts(),
                feed.retries().attempts(), e.getWaitInterval().toMillis()));
        AtomicInteger tries = new AtomicInteger();
        try {
            return Retry.decorateCheckedSupplier(retry, () -> {
                tries.incrementAndGet();
                return confirmed(uri, validators, document);
            }).get();
        } catch (Attempt failure) {
            // the Retry's wait was interrupted (it keeps the interrupt), or the request was: Podium is stopping
            if (Thread.interrupted()) throw new InterruptedException(uri + ": interrupted");
            throw new FetchFailed(failure.getMessage() + (tries.get() > 1 ? " (" + tries.get() + " attempts)" : ""), failure.getCause());
        } catch (Refused | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(uri + ": " + t, t);
        }
    }

    /** The feed's retries as a resilience4j {@code Retry} configuration: only {@link Attempt#retryable} failures are tried again. */
    private static RetryConfig retryConfig(Retries retries) {
        return RetryConfig.custom()
                .maxAttempts(retries.attempts() + 1)
                .intervalFunction(retries.intervals())
                .retryOnException(e -> e instanceof Attempt a && a.retryable)
                .build();
    }

    /** A complete answer, and whether its body's end was marked only by the connection closing. */
    private record Answer(Fetched fetched, boolean endUndeclared) {}

    /**
     * A document whose body declares no length (neither Content-Length nor chunked: it ends when the
     * connection closes, as servers often answer a {@code Connection: close} request) could have been cut
     * short without anything saying so. It is fetched a second time and kept only when both bodies are
     * the same bytes.
     */
    private Fetched confirmed(URI uri, Validators validators, boolean document) throws Refused, Attempt {
        Answer first = once(uri, validators);
        if (!document || !first.endUndeclared()) return first.fetched();
        Fetched again = once(uri, validators).fetched();
        if (again.notModified() || !java.util.Arrays.equals(first.fetched().body(), again.body())) {
            throw new Attempt("the body declares no length (it ends when the connection closes) and two fetches gave "
                    + first.fetched().body().length + " and " + again.body().length
                    + " different bytes: cut short or changing, not written", true, null);
        }
        return first.fetched();
    }

    /** One attempt, following allowed redirects. */
    private Answer once(URI start, Validators validators) throws Refused, Attempt {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpGet get = new HttpGet(uri);
            if (feed.closesConnections()) get.setHeader("Connection", "close");
            // to the feed's allowed hosts only: every link and redirect was checked against them
            if (token != null) get.setHeader("Authorization", "Bearer " + token);
            if (validators.etag() != null) get.setHeader("If-None-Match", validators.etag());
            if (validators.lastModified() != null) get.setHeader("If-Modified-Since", validators.lastModified());
            AtomicBoolean late = new AtomicBoolean();
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                late.set(true);
                get.cancel();
            }, feed.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ClassicHttpResponse response = null;
            try {
                requests.incrementAndGet();
                response = client.executeOpen(RoutingSupport.determineHost(get), get, HttpClientContext.create());
                int code = response.getCode();
                if (isRedirect(code)) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) throw new Attempt("answered " + code + " without a Location", false, null);
                    try {
                        uri = policy.redirect(uri, location.getValue());
                    } catch (Refused e) {
                        throw new Refused("redirect refused: " + e.getMessage());
                    }
                    continue;
                }
                if (code == 304) {
                    return new Answer(new Fetched(uri, 304, new byte[0], header(response, "ETag"), header(response, "Last-Modified")), false);
                }
                if (code >= 500 || code == 408 || code == 429) throw new Attempt("answered " + code, true, null);
                if (code < 200 || code > 299) throw new Attempt("answered " + code, false, null);
                byte[] body = read(response.getEntity(), get);
                HttpEntity entity = response.getEntity();
                boolean endUndeclared = entity != null && entity.getContentLength() < 0 && !entity.isChunked();
                return new Answer(new Fetched(uri, code, body, header(response, "ETag"), header(response, "Last-Modified")),
                        endUndeclared);
            } catch (SocketTimeoutException e) {
                throw new Attempt("no answer within " + feed.responseTimeout().toMillis() + " ms", true, e);
            } catch (IOException e) {
                if (late.get()) {
                    throw new Attempt("the response took longer than " + feed.responseTimeout().toMillis() + " ms", true, e);
                }
                if (Thread.currentThread().isInterrupted()) throw new Attempt("interrupted", false, e);
                throw new Attempt(describe(e), !unreachable(e), e);
            } catch (HttpException e) {
                throw new Attempt(describe(e), false, e);
            } finally {
                deadline.cancel(false);
                if (response != null) {
                    // After an abort the connection is gone: closing must not read the rest of the body.
                    try { response.close(); } catch (IOException ignored) { /* the outcome is already known */ }
                }
            }
        }
        throw new Attempt("more than " + MAX_REDIRECTS + " redirects", false, null);
    }

    /** Reads the body whole, or refuses it: over the limit (declared or read), or shorter than declared. */
    private byte[] read(HttpEntity entity, HttpGet get) throws IOException, Refused, Attempt {
        if (entity == null) return new byte[0];
        long declared = entity.getContentLength();
        if (declared > feed.maxBytes()) {
            get.cancel();
            throw new Refused("declares " + declared + " bytes, over the feed's limit of " + feed.maxBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > feed.maxBytes()) {
                    get.cancel();
                    throw new Refused("sent more than the feed's limit of " + feed.maxBytes() + " bytes; dropped");
                }
                out.write(buf, 0, n);
            }
        }
        if (declared >= 0 && total != declared) {
            throw new Attempt("the body has " + total + " bytes where Content-Length said " + declared, true, null);
        }

        return out.toByteArray();
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static String header(ClassicHttpResponse r, String name) {
        Header h = r.getFirstHeader(name);
        return h == null || h.getValue().isBlank() ? null : h.getValue();
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Requests sent so far by this feed's client. */
    long requestsSent() { return requests.get(); }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the HTTP client: {}", feed.id(), e.getMessage());
        }
    }

    /**
     * True when the portal cannot be reached at all (connection refused, no such host, no route, a TLS
     * handshake or certificate failure): trying again seconds later gives the same answer, so the poll
     * fails at once instead of walking the backoff ladder; the next scheduled poll tries again.
     */
    static boolean unreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    /** One failed attempt; retryable ones (5xx, timeouts, cut connections) are tried again. */
    private static final class Attempt extends Exception {
        final boolean retryable;

        Attempt(String message, boolean retryable, Throwable cause) {
            super(message, cause, false, false);
            this.retryable = retryable;
        }
    }
}
