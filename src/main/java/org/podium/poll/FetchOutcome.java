package org.podium.poll;

import java.util.Locale;

/** What became of one document fetch; each is logged on its own line. */
public enum FetchOutcome {
    /** New or changed bytes, written into the inbox. */
    FETCHED,
    /** The source answered 304 Not Modified. */
    UNCHANGED,
    /** The source sent the bytes already written once (or the index says so): nothing written. */
    SAME_HASH,
    /** Not followed or not kept: another host, a path trick, over the size limit. */
    REFUSED,
    /** No complete answer after the retries, or an answer that cannot be trusted. */
    FAILED;

    /** As the log writes it: {@code fetched}, {@code unchanged(304)}, {@code same-hash}… */
    public String label() {
        return this == UNCHANGED ? "unchanged(304)" : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
