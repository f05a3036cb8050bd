package org.podium.store;

import java.time.Instant;

/**
 * A notice as the ledger records it: its identity (invitation, seq), what it says (state,
 * recipient), and its documents exactly as they are (to be) written, so that a notice recorded before
 * a crash is written after it with the same bytes.
 *
 * @param path      the JSON document's path in the outbox; the Markdown one is beside it ({@code .md})
 * @param writtenAt null until its files are in the outbox
 */
public record LedgerNotice(String invitationId, int seq, String state, String recipientKey, Integer supersedes,
                           String basisHash, String path, String json, String markdown, Instant createdAt,
                           Instant writtenAt) {}
