package org.podium.recompute;

import org.podium.model.SeasonRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SeasonChangesTest {

    final AtomicLong now = new AtomicLong();
    final SeasonChanges changes = new SeasonChanges(Duration.ofMillis(100), Duration.ofSeconds(5), now::get);

    static SeasonRef season(String s) { return new SeasonRef("alms", s); }

    void at(long millis) { now.set(Duration.ofMillis(millis).toNanos()); }

    @Test
    void aBurstOfFilesForOneSeasonIsOneRecomputeOnceItIsQuiet() {
        at(0);
        changes.changed(season("2023-24"));
        at(50);
        changes.changed(season("2023-24"));
        at(120);
        assertThat(changes.takeDue()).as("still within the quiet period of the last file").isEmpty();
        at(150);
        assertThat(changes.takeDue()).containsExactly(season("2023-24"));
        assertThat(changes.takeDue()).isEmpty();
    }

    @Test
    void aSeasonThatKeepsChangingIsTakenAfterTheMaximumDelay() {
        for (long t = 0; t <= 5_000; t += 50) {
            at(t);
            changes.changed(season("2023-24"));
        }
        assertThat(changes.takeDue()).containsExactly(season("2023-24"));
    }

    @Test
    void atMostMaxSeasonsAreTakenAtOnceTheLongestWaitingFirstAndTheRestStayDue() {
        at(0);
        changes.changed(season("2031"));
        at(10);
        changes.changed(season("2030"));
        at(20);
        changes.changed(season("2029"));
        at(500);

        assertThat(changes.takeDue(2)).containsExactly(season("2030"), season("2031"));
        assertThat(changes.pendingCount()).isEqualTo(1);
        assertThat(changes.takeDue(2)).containsExactly(season("2029"));
        assertThat(changes.takeDue(2)).isEmpty();
    }

    @Test
    void manySmallSeasonsGoTogetherWhileALargeOneGoesAloneAndNoneIsPassedOver() {
        at(0);
        changes.changed(season("2026"));
        at(10);
        changes.changed(season("2027"));
        at(20);
        changes.changed(season("2028"));
        at(30);
        changes.changed(season("2029"));
        at(500);
        java.util.Map<SeasonRef, Integer> sessions = java.util.Map.of(
                season("2026"), 4, season("2027"), 4, season("2028"), 120, season("2029"), 4);
        java.util.List<java.util.List<SeasonRef>> asked = new java.util.ArrayList<>();
        java.util.function.Function<java.util.List<SeasonRef>, java.util.Map<SeasonRef, Integer>> counts = seasons -> {
            asked.add(seasons);
            return sessions;
        };

        assertThat(changes.takeDue(10, 100, counts)).as("the large season would pass the bound: it waits for the next call")
                .containsExactly(season("2026"), season("2027"));
        assertThat(changes.takeDue(10, 100, counts)).as("a season larger than the bound still goes, alone")
                .containsExactly(season("2028"));
        assertThat(changes.takeDue(10, 100, counts)).containsExactly(season("2029"));
        assertThat(changes.takeDue(10, 100, counts)).isEmpty();
        assertThat(asked.get(0)).as("the sessions are counted for the due seasons only, longest waiting first")
                .containsExactly(season("2026"), season("2027"), season("2028"), season("2029"));
    }
}
