package org.podium.feed;

import java.nio.charset.Charset;
import java.util.Objects;

/** What a file was recognised as, and the charset its bytes were decoded with. */
public record Detected(FeedFormat format, Charset charset) {
    public Detected {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
    }

    public String formatId() { return format.id(); }
}
