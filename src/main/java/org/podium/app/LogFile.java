package org.podium.app;

import org.apache.logging.log4j.core.LoggerContext;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends the log to a file instead of standard error while it is open (log4j2.xml picks the appender from
 * {@value #PROPERTY}): the demo logs into its home folder, so that its terminal shows its summary alone.
 * Closing it sends the log back to standard error.
 */
final class LogFile implements AutoCloseable {

    static final String PROPERTY = "podium.log.file";

    private final Path file;

    private LogFile(Path file) {
        this.file = file;
    }

    /** From now on the log goes to {@code file} (appended to; made on the first line logged). */
    static LogFile open(Path file) {
        Path f = file.toAbsolutePath().normalize();
        System.setProperty(PROPERTY, f.toString());
        reconfigure();
        return new LogFile(f);
    }

    /** The file the log goes to, if it goes to a file. */
    static Optional<Path> current() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of);
    }

    Path file() { return file; }

    @Override
    public void close() {
        System.clearProperty(PROPERTY);
        reconfigure();
    }

    /** Reads log4j2.xml again, which selects its appender from the system properties. */
    private static void reconfigure() {
        LoggerContext.getContext(false).reconfigure();
    }
}
