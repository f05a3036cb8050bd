package org.podium.poll;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DueFeedsTest {

    /** Every ten minutes, read in Dubai time (which changes nothing for minutes). */
    private static final Feed ALMS = FeedsFile.parse("""
            feeds:
              - id: alms
                series: alms
                kind: alkamel-portal
                enabled: true
                baseUrl: "https://alms.alkamelsystems.com/"
                allowedHosts: [alms.alkamelsystems.com]
                season: "2023-24"
                portalSeason: "03_2023-2024"
                championship: ASIAN LE MANS SERIES
                events: [ { round: 1, event: Sepang, portalEvent: "01_Sepang" } ]
                cron: "0 0/10 * * * ?"
                timeZone: Asia/Dubai
            """, "feeds.yaml", FeedsFileTest.SERIES).require("alms");

    @Test
    void aFeedNeverPolledIsDue() {
        assertThat(FeedPolls.due(ALMS, null, Instant.parse("2024-02-10T10:05:00Z"))).isTrue();
    }

    @Test
    void aFeedWhoseCronFiredSinceItsLastPollIsDue() {
        assertThat(FeedPolls.due(ALMS, Instant.parse("2024-02-10T09:58:00Z"), Instant.parse("2024-02-10T10:05:00Z"))).isTrue();
    }

    @Test
    void aFeedPolledAfterItsCronLastFiredIsNotDue() {
        assertThat(FeedPolls.due(ALMS, Instant.parse("2024-02-10T10:01:00Z"), Instant.parse("2024-02-10T10:05:00Z"))).isFalse();
    }

    @Test
    void theNextFireTimeFollowsTheCron() {
        assertThat(FeedStatus.nextFire(ALMS, Instant.parse("2024-02-10T10:01:00Z"))).isEqualTo(Instant.parse("2024-02-10T10:10:00Z"));
    }
}
