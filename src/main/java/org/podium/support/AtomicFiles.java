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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a file so that a reader sees either the old content or the new, never half of it: the bytes
 * go to a hidden temporary file in the same folder, are flushed to disk, then renamed into place.
 * Hidden names (a leading dot) are also what the inbox consumer ignores, so the poller uses this too.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] content) {
        Path tmp = stage(target, content);
        try {
            forceAll(java.util.List.of(tmp));
            moveIntoPlace(tmp, target);
        } catch (RuntimeException e) {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* the original error matters */ }
            throw e;
        }
    }

    /**
     * The first half of {@link #write(Path, byte[])} for a batch of files: the bytes go to a hidden
     * temporary file beside {@code target}, not yet flushed to disk. {@link #forceAll}, then
     * {@link #moveIntoPlace} and {@link #forceDirectories} complete it; {@link #sweepTemporaries}
     * removes what a crash leaves in between.
     *
     * @return the temporary file
     */
    public static Path stage(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
            }
            return tmp;
        } catch (IOException e) {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* the original error matters */ }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Flushes files to disk, several at a time: the file system commits flushes that wait together in
     * one journal commit, so a batch costs about as much as a few files flushed one after the other.
     */
    public static void forceAll(java.util.Collection<Path> files) {
        forceEach(files, false);
    }

    /**
     * Flushes folders to disk (their entries: the names renamed into them), where the platform allows
     * it; where it does not (Windows cannot open a folder), the renames are as durable as it makes them.
     */
    public static void forceDirectories(java.util.Collection<Path> dirs) {
        forceEach(dirs, true);
    }

    /** Renames a staged file over its target (atomically where the file system can). */
    public static void moveIntoPlace(Path staged, Path target) {
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static final int FLUSHERS = 8;
    private static final java.util.concurrent.ExecutorService FLUSH = java.util.concurrent.Executors.newFixedThreadPool(FLUSHERS, r -> {
        Thread t = new Thread(r, "podium-outbox-flush");
        t.setDaemon(true);
        return t;
    });

    private static void forceEach(java.util.Collection<Path> paths, boolean dirs) {
        if (paths.isEmpty()) return;
        if (paths.size() == 1) {
            force(paths.iterator().next(), dirs);
            return;
        }
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (Path p : paths) done.add(FLUSH.submit(() -> force(p, dirs)));
        RuntimeException failed = null;
        for (var f : done) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed == null) failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while flushing outbox files to disk", e);
            }
        }
        if (failed != null) throw failed;
    }

    private static void force(Path p, boolean dir) {
        try (FileChannel ch = dir ? FileChannel.open(p, StandardOpenOption.READ) : FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (dir) return;    // a folder that cannot be opened (Windows): nothing more can be done for it
            throw new UncheckedIOException("cannot flush " + p + " to disk: " + e.getMessage(), e);
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
        try {
            // Other instances sharing the folder write and rename their temporaries meanwhile: a file or
            // folder that is gone by the time it is looked at is passed over, not an error.
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                    String name = p.getFileName().toString();
                    if (a.isRegularFile() && name.startsWith(".") && name.endsWith(".tmp")
                            && a.lastModifiedTime().toMillis() < before) {
                        try {
                            if (Files.deleteIfExists(p)) n[0]++;
                        } catch (IOException ignored) { /* next sweep */ }
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException && !p.equals(root)) return java.nio.file.FileVisitResult.CONTINUE;
                    throw e;
                }

                @Override
                public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e == null || e instanceof java.nio.file.NoSuchFileException && !dir.equals(root)) return java.nio.file.FileVisitResult.CONTINUE;
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }
}
