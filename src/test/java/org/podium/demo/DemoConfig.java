package org.podium.demo;

import java.nio.file.Path;

/**
 * The configuration the demo season runs on: the shipped {@code config/} with the demo's own series files
 * (its fictional calendars) and aliases laid over it, as {@code podium demo} does.
 */
public final class DemoConfig {
    private DemoConfig() {}

    /** The demo's own files, laid over {@code config/}. */
    public static final Path OVERLAY = Path.of("src/main/resources/demo/config");

    /** The demo's series files: every series the demo season publishes. */
    public static final Path SERIES = OVERLAY.resolve("series");

    /** The demo's aliases file. */
    public static final Path ALIASES = OVERLAY.resolve("aliases.yaml");
}
