package org.podium.poll;

import java.time.Instant;

/**
 * Where a mirror feed ({@code mirror: true}) copies another Podium's documents: this Podium's outbox,
 * seen from the poller through this interface alone, so that polling does not depend on publishing.
 */
public interface MirrorTarget {

    /** True when {@code path} already holds the document with this SHA-256. */
    boolean holds(String path, String sha256);

    /** Writes the document as it is at {@code path}, with the other Podium's kind, version and time of change. */
    void mirror(String path, String kind, int version, Instant updated, byte[] bytes);

    /** Lists what was copied in the outbox's index. */
    void writeIndex();
}
