package org.podium.delivery;

import java.time.Duration;

/**
 * How often, and how far apart, a delivery is tried. Attempt 1 is the first send; after failed attempt
 * {@code n} the next waits {@code firstDelay × multiplier^(n-1)}, at most {@code maxDelay}, less a random
 * share of up to {@code jitter} of it (0: exactly; 0.5: between half and all of it), so that targets
 * coming back from an outage are not hit by every instance's backlog at the same instant. After
 * {@code attempts} failed attempts the delivery is a dead letter.
 */
public record RetryPolicy(int attempts, Duration firstDelay, double multiplier, Duration maxDelay, double jitter) {

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        if (firstDelay.isNegative()) throw new IllegalArgumentException("firstDelay must not be negative");
        if (multiplier < 1) throw new IllegalArgumentException("multiplier must be 1 or more, was " + multiplier);
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must be at least firstDelay (" + firstDelay + ")");
        }
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be from 0 to 1, was " + jitter);
    }

    /** True when {@code failedAttempts} attempts have failed and no more are made. */
    public boolean exhausted(int failedAttempts) { return failedAttempts >= attempts; }

    /**
     * The wait after failed attempt {@code failedAttempts} (1 for the first).
     *
     * @param random a number from 0 (inclusive) to 1 (exclusive)
     */
    public Duration delayAfter(int failedAttempts, double random) {
        double ms = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        ms = Math.min(ms, maxDelay.toMillis());
        ms = ms * (1 - jitter * random);
        return Duration.ofMillis(Math.round(ms));
    }
}
