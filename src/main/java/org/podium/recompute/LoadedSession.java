package org.podium.recompute;

import org.podium.model.SessionResult;
import org.podium.store.StoredDocument;

/** The current version of a session as the recompute read it: its stored row and its content. */
public record LoadedSession(StoredDocument document, SessionResult result) {}
