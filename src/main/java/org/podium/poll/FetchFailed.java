package org.podium.poll;

/** A request that did not give a complete answer after its retries: an error status, a timeout, a cut body. */
public final class FetchFailed extends Exception {
    public FetchFailed(String message, Throwable cause) { super(message, cause); }
}
