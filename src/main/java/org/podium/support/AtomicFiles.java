package org.podium.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Writes a file so that a reader sees either the old content or the new, never half of it: the bytes
 * go to a hidden temporary file in the same folder, are flushed to disk, then renamed into place.
 * Hidden names (a leading dot) are also what the inbox consumer ignores, so the poller uses this too.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* the original error matters */ }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file's bytes to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Like {@link #write(Path, byte[])} for content too large to hold in memory: it is streamed into the
     * temporary file. Returns the SHA-256 (hex) of what was written.
     */
    public static String stream(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            MessageDigest sha = Sha256.digest();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024), sha);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Sha256.hex(sha);
        } catch (IOException | RuntimeException e) {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* the original error matters */ }
            if (e instanceof RuntimeException r) throw r;
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), (IOException) e);
        }
    }

    /** Writes only when the target does not exist yet; returns false when it already did. */
    public static boolean writeNew(Path target, byte[] content) {
        if (Files.exists(target)) return false;
        write(target, content);
        return true;
    }

    /**
     * Removes temporary files a crash may have left behind in a folder tree. Only those older than
     * {@code olderThan}: another instance sharing the folder may be writing a younger one right now.
     */
    public static int sweepTemporaries(Path root, java.time.Duration olderThan) {
        if (!Files.isDirectory(root)) return 0;
        long before = System.currentTimeMillis() - olderThan.toMillis();
        int[] n = {0};
        try (var files = Files.walk(root)) {
            files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p);
            }).forEach(p -> {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < before && Files.deleteIfExists(p)) n[0]++;
                } catch (IOException ignored) { /* next sweep */ }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }
}
