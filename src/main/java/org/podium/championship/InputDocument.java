package org.podium.championship;

import org.podium.model.ResultStatus;
import org.podium.model.SessionType;

import java.util.Map;
import java.util.Objects;

/**
 * A results document standings were computed from.
 *
 * @param version the document's version as stored (1 for the first received for its session, 2 for
 *                the one that replaced it…); null where the standings were computed outside the store
 * @param event   the event's name as the document gives it (Abu Dhabi); null where not known
 * @param session the session's name as the document gives it (Race 2, Race after 6 hours); null where
 *                not known
 * @param type    race or qualifying; null where not known
 */
public record InputDocument(String sessionKey, String document, String sha256, ResultStatus status, Integer version,
                            String event, String session, SessionType type) {
    public InputDocument {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(status, "status");
    }

    public InputDocument(String sessionKey, String document, String sha256, ResultStatus status) {
        this(sessionKey, document, sha256, status, null, null, null, null);
    }

    /** The calendar round, as the session key gives it ({@code alms/2023-24/03/race-2} → 3); 0 where it does not. */
    public int round() {
        String[] parts = sessionKey.split("/");
        if (parts.length < 4) return 0;
        try {
            return Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The series and season the document belongs to: {@code alms/2023-24}. */
    public String seasonPath() {
        String[] parts = sessionKey.split("/");
        return parts.length < 2 ? sessionKey : parts[0] + "/" + parts[1];
    }

    /** The same document with its stored version, looked up by SHA-256; unchanged where it is not there. */
    public InputDocument withVersion(Map<String, Integer> versionBySha256) {
        Integer v = sha256 == null ? null : versionBySha256.get(sha256);
        return v == null ? this : new InputDocument(sessionKey, document, sha256, status, v, event, session, type);
    }
}
