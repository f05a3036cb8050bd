package org.podium.feed;

import java.util.Objects;

import org.podium.model.SessionResult;

/**
 * A feed file read in full: the result, what the file was detected as, and the metadata it was
 * filed under (whose {@link SessionMetadata#precedence()} ranks versions of the same session).
 *
 * @param page what an SRO page says about itself, null for other formats
 */
public record FeedDocument(SessionResult result, Detected detected, SessionMetadata metadata, SroPageInfo page) {
    public FeedDocument {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(metadata, "metadata");
    }
}
