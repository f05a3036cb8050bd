package org.podium.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home folder given as a setting ({@code PODIUM_HOME} or {@code -Dpodium.home}, here the system
 * property, the one a test can set) instead of {@code --home}.
 */
class HomeSettingTest {

    @TempDir Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int podium(String... args) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Commands.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @AfterEach
    void clear() {
        System.clearProperty("podium.home");
    }

    @Test
    void withoutHomeTheConfiguredHomeIsUsed() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("configured"));
        System.setProperty("podium.home", dir.resolve("configured").toString());

        assertThat(podium("once")).isZero();
        assertThat(dir.resolve("configured/inbox")).isDirectory();
        assertThat(dir.resolve("configured/data")).isDirectory();
    }

    @Test
    void aConfiguredHomeThatIsNotTheHomeGivenIsAConfigurationError() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("given"));
        System.setProperty("podium.home", dir.resolve("configured").toString());

        assertThat(podium("once", "--home", dir.resolve("given").toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name different folders");
        assertThat(dir.resolve("configured")).doesNotExist();
    }
}
