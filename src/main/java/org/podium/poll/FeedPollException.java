package org.podium.poll;

/** A poll that did not do its whole job; thrown so that the feed's circuit breaker counts it. */
public final class FeedPollException extends Exception {
    private final transient PollResult result;

    public FeedPollException(PollResult result) {
        super("poll of feed " + result.feedId() + " failed: " + result.problem(), null, false, false);
        this.result = result;
    }

    public PollResult result() { return result; }
}
