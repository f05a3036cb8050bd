package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.support.Json;
import org.podium.store.ResultStore;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provisional classification, then the official one that changes it: the standings of the season
 * are recomputed from the newer version, and both versions are kept.
 */
class AmendmentEndToEndTest {

    static Stream<String> databases() { return org.podium.store.TestDatabases.kinds(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theOfficialFileReplacesTheProvisionalOneAndTheStandingsChange(String db, @TempDir Path dir) throws Exception {
        List<String> steps = Bundled.lines("demo/steps.txt");
        try (TestHome home = new TestHome(dir, db).start()) {
            // The Asian Le Mans season up to the provisional classification of its last race.
            for (String step : steps.subList(22, 31)) Bundled.copyTree("demo/steps/" + step, home.home.inbox(), false);
            home.awaitIdle();
            JsonNode before = Json.MAPPER.readTree(home.outbox("standings/alms/2023-24/cars-gt.json").toFile());
            assertThat(before.path("status").asText()).isEqualTo("provisional");
            assertThat(DemoStandingsEndToEndTest.top(before, 3)).containsExactly(
                    "1 #44 Phoenix Lótus Racing 113.0", "2 #57 Desert Falcon Racing 89.0", "3 #8 Kaiju Motorsport 88.0");

            Bundled.copyTree("demo/steps/" + steps.get(31), home.home.inbox(), false);
            home.awaitIdle();
            JsonNode after = Json.MAPPER.readTree(home.outbox("standings/alms/2023-24/cars-gt.json").toFile());
            assertThat(after.path("status").asText()).isEqualTo("final");
            assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt() + 1);
            assertThat(DemoStandingsEndToEndTest.top(after, 3)).containsExactly(
                    "1 #44 Phoenix Lótus Racing 103.0", "2 #8 Kaiju Motorsport 95.0", "3 #57 Desert Falcon Racing 92.0");

            JsonNode race = Json.MAPPER.readTree(home.outbox("results/alms/2023-24/03-race-2.json").toFile());
            assertThat(race.path("status").asText()).isEqualTo("OFFICIAL");
            assertThat(race.path("documentVersion").asInt()).isEqualTo(2);
            assertThat(home.bean("resultStore", ResultStore.class).versions("alms/2023-24/03/race-2")).hasSize(2);
        }
    }
}
