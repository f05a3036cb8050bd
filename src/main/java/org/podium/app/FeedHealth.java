package org.podium.app;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the feed poller knows of each feed, as health and {@code once} read it. The poller binds one
 * under the name {@value #BEAN}; without it Podium polls no feeds, and both treat the feeds as fine.
 */
@FunctionalInterface
public interface FeedHealth {

    String BEAN = "feedHealth";

    /** Every configured feed, enabled or not. */
    List<Feed> feeds();

    /**
     * One feed's last poll.
     *
     * @param lastError   the last problem (a failed fetch, a poll that could not run), or null
     * @param nextFireAt  when its schedule fires next, null when it is disabled
     */
    record Feed(String feedId, boolean enabled, Instant lastPollAt, Instant lastSuccessAt, Instant lastErrorAt,
                String lastError, Instant nextFireAt) {
        public Feed {
            Objects.requireNonNull(feedId, "feedId");
        }

        /** True when the feed's latest problem came after its latest success: it is failing now. */
        public boolean failing() {
            return lastErrorAt != null && (lastSuccessAt == null || lastSuccessAt.isBefore(lastErrorAt));
        }

        /** True when it is failing because of a problem at or after {@code since}. */
        public boolean failedSince(Instant since) {
            return failing() && !lastErrorAt.isBefore(since);
        }
    }
}
