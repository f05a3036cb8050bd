package org.podium.poll;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed request (a 5xx answer, a timeout, a cut connection) is tried again: up to {@code attempts}
 * more times, waiting {@code initialDelay}, then that times {@code multiplier} each time, at most
 * {@code maxDelay}. The waits are resilience4j's exponential backoff ({@link #intervals()}), which
 * {@link FeedClient}'s {@code Retry} runs; a wait is at least 1 ms.
 */
public record Retries(int attempts, Duration initialDelay, double multiplier, Duration maxDelay) {
    public Retries {
        if (attempts < 0) throw new IllegalArgumentException("attempts must be 0 or more, was " + attempts);
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay must not be negative");
        if (multiplier < 1) throw new IllegalArgumentException("multiplier must be 1 or more, was " + multiplier);
        if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be at least initialDelay");
    }

    /** The waits as resilience4j's capped exponential backoff: retry number (from 1) to milliseconds. */
    public IntervalFunction intervals() {
        return IntervalFunction.ofExponentialBackoff(Math.max(1, initialDelay.toMillis()), multiplier,
                Math.max(1, maxDelay.toMillis()));
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        if (retry < 1) throw new IllegalArgumentException("retry numbers start at 1");
        return Duration.ofMillis(intervals().apply(retry));
    }
}
