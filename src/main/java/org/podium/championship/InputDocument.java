package org.podium.championship;

import org.podium.model.ResultStatus;

import java.util.Objects;

/** A results document standings were computed from. */
public record InputDocument(String sessionKey, String document, String sha256, ResultStatus status) {
    public InputDocument {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(status, "status");
    }
}
