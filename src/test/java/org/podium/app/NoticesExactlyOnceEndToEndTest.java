package org.podium.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code once} twice and {@code rebuild} once over the same inbox leave {@code outbox/notices/}
 * exactly as the first run left it: a restart, a rebuild or the same files dropped again publish
 * nothing new.
 */
class NoticesExactlyOnceEndToEndTest {

    @Test
    void onceTwiceAndRebuildLeaveTheNoticesAsTheFirstRunLeftThem(@TempDir Path dir) throws IOException {
        Path home = dir.resolve("home");
        TestHome.copyTree(Path.of("routes"), home.resolve("routes"));
        TestHome.copyDemoConfig(home.resolve("config"));
        List<String> steps = Bundled.lines("demo/steps.txt");
        for (String step : steps) Bundled.copyTree("demo/steps/" + step, home.resolve("inbox"), false);

        assertThat(once(home, "once")).isZero();
        Map<String, String> first = snapshot(home.resolve("outbox/notices"));
        // A slow machine may publish partway through the batch first: the last notice is what counts.
        String europe = lastNotice(first, "lemans-2024-gtwc-europe");
        String asia = lastNotice(first, "lemans-2024-asia-combined");
        assertThat(europe).endsWith("-confirmed.json");
        assertThat(first.get(europe)).contains("\"team\" : \"Harbour Lights Racing\"");
        assertThat(asia).endsWith("-confirmed.json");
        assertThat(first.get(asia)).contains("\"team\" : \"Kaiju Motorsports\"");
        assertThat(first).containsKey(asia.replace(".json", ".md"));

        // The same files dropped again: duplicates, nothing new.
        for (String step : steps) Bundled.copyTree("demo/steps/" + step, home.resolve("inbox"), true);
        assertThat(once(home, "once")).isZero();
        assertThat(snapshot(home.resolve("outbox/notices"))).isEqualTo(first);

        assertThat(once(home, "rebuild")).isZero();
        assertThat(snapshot(home.resolve("outbox/notices"))).isEqualTo(first);
    }

    private static int once(Path home, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[]{command, "--home", home.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("podium.inbox.read-lock-min-age", "50"));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static String lastNotice(Map<String, String> notices, String invitation) {
        return notices.keySet().stream().filter(k -> k.startsWith(invitation + "/") && k.endsWith(".json"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no notice for " + invitation));
    }

    /** Every file under the folder, by relative path, with its content. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String f : TestHome.files(dir)) m.put(f, Files.readString(dir.resolve(f)));
        return m;
    }
}
