package org.podium.store;

import org.podium.model.ResultStatus;

import java.time.Instant;

/** One stored version of a session document, without its content. */
public record StoredDocument(long id, String sessionKey, String series, String season, int round, int version,
                             String sha256, ResultStatus status, boolean finalFlag, Integer hour, String format,
                             String documentName, String inboxPath, Instant receivedAt, int entries) {

    /**
     * Which version of a session counts: OFFICIAL over PROVISIONAL, a Final file over an Official one,
     * the finish over an hourly snapshot (a file without an hour is the finish), then the newest.
     */
    public static final java.util.Comparator<StoredDocument> PRECEDENCE = java.util.Comparator
            .comparing((StoredDocument d) -> d.status == ResultStatus.OFFICIAL)
            .thenComparing(d -> d.finalFlag)
            .thenComparing(d -> d.hour == null ? Integer.MAX_VALUE : d.hour)
            .thenComparing(d -> d.receivedAt)
            .thenComparingLong(d -> d.id);
}
