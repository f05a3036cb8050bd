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
}
