package org.podium.invitation;

import org.podium.championship.InputDocument;
import org.podium.model.ResultStatus;

import java.util.Locale;
import java.util.Objects;

/**
 * A results document that changed between two notices: one more in the classification, a new
 * version of one already counted, or one no longer counted.
 *
 * @param before the document as the earlier notice counted it; null for an added one
 * @param after  the document as this notice counts it; null for a removed one
 */
public record DocumentChange(Kind kind, InputDocument before, InputDocument after) {
    public enum Kind {
        ADDED, AMENDED, REMOVED;

        public String id() { return name().toLowerCase(Locale.ROOT); }
    }

    public DocumentChange {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ADDED) != (before == null) || (kind == Kind.REMOVED) != (after == null)) {
            throw new IllegalArgumentException(kind + " with before " + before + " and after " + after);
        }
    }

    /** The document this notice counts, or for a removed one, the one the earlier notice counted. */
    public InputDocument document() { return after == null ? before : after; }

    public String sessionKey() { return document().sessionKey(); }

    public Integer oldVersion() { return before == null ? null : before.version(); }

    public Integer newVersion() { return after == null ? null : after.version(); }

    public ResultStatus oldStatus() { return before == null ? null : before.status(); }

    public ResultStatus newStatus() { return after == null ? null : after.status(); }
}
