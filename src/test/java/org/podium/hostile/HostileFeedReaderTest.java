package org.podium.hostile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile file through the parsers alone: a clear rejection (a FeedException with at least one
 * problem and a hint) or a valid result, never another exception or a crash.
 */
class HostileFeedReaderTest {

    private final FeedReader reader = new FeedReader(Set.of("alms", "gtwc-asia", "gtwc-europe"), 20L * 1024 * 1024);

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRejectedClearlyOrReadSafely() {
        Map<String, byte[]> files = HostileCorpus.files();
        assertThat(files.keySet().stream().filter(p -> !p.endsWith(".meta.json"))).hasSizeGreaterThanOrEqualTo(40);
        return files.entrySet().stream().filter(e -> !e.getKey().endsWith(".meta.json")).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] sidecar = files.get(e.getKey() + ".meta.json");
            long t0 = System.nanoTime();
            try {
                SessionResult r = reader.read(e.getValue(), e.getKey(), sidecar);
                assertThat(r.entries()).isNotEmpty();
                System.out.printf("ACCEPT %-70s %6d ms%n", e.getKey(), (System.nanoTime() - t0) / 1_000_000);
            } catch (FeedException fe) {
                assertThat(fe.problems()).isNotEmpty();
                assertThat(fe.hint()).isNotBlank();
                System.out.printf("REJECT %-70s %6d ms %s%n", e.getKey(), (System.nanoTime() - t0) / 1_000_000,
                        fe.getMessage().substring(0, Math.min(160, fe.getMessage().length())));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> dangerousTeamNamesAreReadExactlyAsWritten() {
        Map<String, byte[]> files = HostileCorpus.files();
        return HostileCorpus.dangerousTeams().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            SessionResult r = reader.read(files.get(e.getKey()), e.getKey(), files.get(e.getKey() + ".meta.json"));
            assertThat(r.entries().get(0).team()).isEqualTo(e.getValue());
        }));
    }
}
