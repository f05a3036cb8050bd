package org.podium.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up sweep of temporaries in a folder other instances share: their publications write and
 * rename temporaries while it walks the tree. A file gone by the time the sweep looks at it once made
 * the walk throw, and the instance stopped at start with a configuration error naming the file.
 */
class AtomicFilesSweepTest {

    @Test
    void filesRenamedAwayWhileTheSweepWalksAreSkippedNotAnError(@TempDir Path root) throws Exception {
        Path busy = Files.createDirectories(root.resolve("results/alms/2023-24"));
        Path left = busy.resolve(".left-by-a-crash.json.tmp");
        Files.writeString(left, "{}");
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        for (int i = 0; i < 200; i++) Files.writeString(busy.resolve(i + ".json"), "{}");

        // another instance publishing: temporaries appear and are renamed into place, over and over
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger renames = new AtomicInteger();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    Path tmp = busy.resolve("." + (i % 200) + ".json." + i + ".tmp");
                    Files.writeString(tmp, "{}");
                    Files.move(tmp, busy.resolve((i % 200) + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    renames.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                writerFailed.set(e);
            }
        });
        other.start();
        int sweeps = 0;
        int removed = 0;
        try {
            // as many sweeps as it takes for the other instance to rename 4 000 temporaries beside them
            while (renames.get() < 4_000 && writerFailed.get() == null) {
                removed += AtomicFiles.sweepTemporaries(root, Duration.ofHours(1));
                sweeps++;
            }
        } catch (UncheckedIOException e) {
            throw new AssertionError("sweep " + (sweeps + 1) + " failed while another instance renamed temporaries: " + e.getMessage(), e);
        } finally {
            stop.set(true);
            other.join();
        }
        assertThat(writerFailed.get()).isNull();
        assertThat(sweeps).isGreaterThan(10);
        // the one left by a crash is gone; the other instance's younger ones were left alone
        assertThat(removed).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(Files.list(busy).filter(p -> !p.getFileName().toString().startsWith(".")).count()).isEqualTo(200);
    }
}
