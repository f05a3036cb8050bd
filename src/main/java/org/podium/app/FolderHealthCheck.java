package org.podium.app;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Readiness: Podium can write into a folder it needs (the inbox, where files are moved to
 * {@code .done/} and {@code .failed/}; the outbox). Proven by writing and deleting a hidden file, which
 * the inbox route never takes: a read-only mount passes a permission check but not this.
 */
final class FolderHealthCheck extends AbstractHealthCheck {

    private final String what;
    private final Path dir;

    FolderHealthCheck(String what, Path dir) {
        super("podium", "podium-" + what);
        this.what = what;
        this.dir = dir;
    }

    @Override
    public boolean isLiveness() { return false; }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(what, dir.toString());
        if (!Files.isDirectory(dir)) {
            builder.down().message("the " + what + " folder " + dir + " does not exist");
            return;
        }
        try {
            Path probe = Files.createTempFile(dir, ".podium-health-", ".tmp");
            Files.delete(probe);
            builder.up();
        } catch (IOException e) {
            builder.down().message("cannot write into the " + what + " folder " + dir + ": " + e);
        }
    }
}
