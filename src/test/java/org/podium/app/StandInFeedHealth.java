package org.podium.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stands in for the feed poller in tests: one enabled feed, {@code alms-portal}, whose last poll failed
 * {@code failedAgo} (an ISO-8601 duration) before this bean was made, and which never succeeded.
 * Bound with {@code camel.beans.feedHealth = #class:org.podium.app.StandInFeedHealth('PT0S')}.
 */
public class StandInFeedHealth implements FeedHealth {

    private final Feed feed;

    public StandInFeedHealth(String failedAgo) {
        Instant at = Instant.now().minus(Duration.parse(failedAgo));
        feed = new Feed("alms-portal", true, at, null, at,
                "https://portal.example/?season=2023-24: 503 Service Unavailable after 3 attempts", at.plusSeconds(300));
    }

    @Override
    public List<Feed> feeds() { return List.of(feed); }
}
