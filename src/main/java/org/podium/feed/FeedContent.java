package org.podium.feed;

import java.util.List;
import java.util.Objects;

import org.podium.model.Entry;

/**
 * What a feed file holds, read without the metadata that says which session it classifies.
 *
 * @param sha256         the file's SHA-256, hex
 * @param entries        in file order, with class positions
 * @param statusReported whether the file states each car's status (see {@code SessionResult})
 * @param page           what an SRO page says about itself, null for other formats
 */
public record FeedContent(Detected detected, String sha256, List<Entry> entries, boolean statusReported, SroPageInfo page) {
    public FeedContent {
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
    }
}
