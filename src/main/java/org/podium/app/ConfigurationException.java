package org.podium.app;

/** Podium cannot start as configured: a bad setting, a bad rules file, an unreachable store. */
final class ConfigurationException extends RuntimeException {
    ConfigurationException(String message, Throwable cause) { super(message, cause); }

    /** Podium's own message when there is one, else the innermost, which names the key or the file. */
    static ConfigurationException from(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException c) return c;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ConfigurationException(msg, e);
    }
}
