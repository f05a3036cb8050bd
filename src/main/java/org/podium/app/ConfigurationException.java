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
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ConfigurationException(msg, e);
    }
}
