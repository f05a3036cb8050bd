package org.podium.poll;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetriesTest {

    @Test
    void theWaitDoublesUpToItsMaximum() {
        Retries r = new Retries(5, Duration.ofSeconds(2), 2, Duration.ofSeconds(10));
        assertThat(r.delayBefore(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.delayBefore(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(r.delayBefore(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(r.delayBefore(4)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theShippedLadderAndAZeroDelay() {
        Retries shipped = new Retries(3, Duration.ofSeconds(5), 2, Duration.ofMinutes(1));
        assertThat(shipped.intervals().apply(1)).isEqualTo(5_000L);
        assertThat(shipped.intervals().apply(3)).isEqualTo(20_000L);
        assertThat(shipped.delayBefore(5)).isEqualTo(Duration.ofMinutes(1));
        // resilience4j's backoff waits at least 1 ms
        assertThat(new Retries(2, Duration.ZERO, 2, Duration.ZERO).delayBefore(2)).isEqualTo(Duration.ofMillis(1));
    }
}
