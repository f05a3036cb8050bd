package org.podium.poll;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a feed's documents come from, and so how they are discovered (docs/formats.md). */
public enum FeedKind {
    /** An Al Kamel results portal: event pages listing {@code Results/…} CSV links. */
    ALKAMEL_PORTAL("alkamel-portal"),
    /** SRO results pages: a season page, event pages with a race list, one HTML page per race. */
    SRO_RESULTS("sro-results"),
    /** A Podium feed index: canonical documents with their SHA-256. */
    PODIUM_INDEX("podium-index");

    private final String id;

    FeedKind(String id) { this.id = id; }

    /** The name used in {@code config/feeds.yaml}. */
    public String id() { return id; }

    public static Optional<FeedKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(FeedKind::id).collect(Collectors.joining(", "));
    }
}
