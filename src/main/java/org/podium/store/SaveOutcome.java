package org.podium.store;

/**
 * What saving a document did.
 *
 * @param duplicate    the same bytes were already stored for this session: nothing was written
 * @param current      the saved (or already stored) version is the session's current one
 * @param superseded   the version that was current before, or null
 */
public record SaveOutcome(StoredDocument document, boolean duplicate, boolean current, StoredDocument superseded) {}
