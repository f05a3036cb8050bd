package org.podium.delivery;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documents a target may ask for, by the names {@code config/deliveries.yaml} uses, and the kind the
 * outbox ledger records each under ({@code Outbox}, {@code NoticeDesk}). A notice is delivered as its JSON
 * document; its Markdown text and the report are for people reading the outbox, not for webhooks.
 */
public enum DocumentKind {
    NOTICES("notices", "invitation-notice"),
    STANDINGS("standings", "standings"),
    COMBINED("combined", "combined"),
    RESULTS("results", "session-result");

    private final String id;
    private final String ledgerKind;

    DocumentKind(String id, String ledgerKind) {
        this.id = id;
        this.ledgerKind = ledgerKind;
    }

    public String id() { return id; }

    public String ledgerKind() { return ledgerKind; }

    public static Optional<DocumentKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static Optional<DocumentKind> byLedgerKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.ledgerKind.equals(kind)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(DocumentKind::id).toList());
    }
}
