package org.podium.app;

import org.podium.support.ConfigException;

/** Podium cannot start as configured: a bad setting, a bad rules file, an unreachable store. */
final class ConfigurationException extends RuntimeException {
    ConfigurationException(String message, Throwable cause) { super(message, cause); }

    /**
     * Podium's own message when there is one: a setting's, or a configuration file's (which names the file,
     * the key, and for a YAML error the line and column); else the innermost, which names the key or the file.
     */
    static ConfigurationException from(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException c) return c;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.podium.support.ConfigException c) return new ConfigurationException(c.getMessage(), e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root instanceof java.nio.file.FileSystemException f ? fileProblem(f)
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ConfigurationException(msg, e);
    }

    /** A file system error's message is the bare path: said with what went wrong with it. */
    static String fileProblem(java.nio.file.FileSystemException f) {
        String what = f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : f instanceof java.nio.file.NotDirectoryException ? "not a folder"
                : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        return (f.getFile() == null ? "" : f.getFile() + ": ") + what
                + (f.getOtherFile() == null ? "" : " (with " + f.getOtherFile() + ")");
    }
}
