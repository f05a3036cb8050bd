package org.podium.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), 3, Duration.ofSeconds(30), 0.5);

    @Test
    void theWaitGrowsByTheMultiplierUpToTheMaximum() {
        // random 0: no jitter taken off
        assertThat(policy.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.delayAfter(3, 0)).isEqualTo(Duration.ofSeconds(18));
        assertThat(policy.delayAfter(4, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(40, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesOffAtMostItsShare() {
        assertThat(policy.delayAfter(2, 0.999_999)).isBetween(Duration.ofMillis(3_000), Duration.ofMillis(3_001));
        assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(4_500));
        RetryPolicy none = new RetryPolicy(5, Duration.ofSeconds(2), 3, Duration.ofSeconds(30), 0);
        assertThat(none.delayAfter(2, 0.7)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theLastAttemptExhaustsIt() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 0)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), 2, Duration.ofSeconds(2), 0)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 1.5)).hasMessageContaining("jitter");
    }
}
