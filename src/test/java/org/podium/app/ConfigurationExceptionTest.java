package org.podium.app;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationExceptionTest {

    @Test
    void aFileProblemAtStartSaysWhatWentWrongWithTheFileNotOnlyItsPath() {
        var missing = ConfigurationException.from(new IllegalStateException("bean outbox",
                new UncheckedIOException(new NoSuchFileException("/srv/podium/outbox/x"))));
        assertThat(missing.getMessage()).isEqualTo("/srv/podium/outbox/x: no such file or folder");
        var denied = ConfigurationException.from(new UncheckedIOException(new AccessDeniedException("/srv/podium/data")));
        assertThat(denied.getMessage()).isEqualTo("/srv/podium/data: permission denied");
        // anything else keeps its innermost message
        assertThat(ConfigurationException.from(new RuntimeException("outer", new IllegalArgumentException("podium.x: not a number")))
                .getMessage()).isEqualTo("podium.x: not a number");
    }
}
