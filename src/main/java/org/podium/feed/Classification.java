package org.podium.feed;

import java.util.List;
import java.util.Objects;

import org.podium.model.Entry;

/**
 * The rows a feed file holds, before the metadata that says which session they classify.
 *
 * @param format         the format they were read from
 * @param entries        in file order
 * @param statusReported whether the file states each car's status (see {@code SessionResult})
 */
public record Classification(FeedFormat format, List<Entry> entries, boolean statusReported) {
    public Classification {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
    }
}
