package org.podium.feed;

import java.util.Objects;

/** An SRO results page read: its classification and what the page says about itself. */
public record SroPage(Classification classification, SroPageInfo info) {
    public SroPage {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(info, "info");
    }
}
