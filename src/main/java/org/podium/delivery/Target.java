package org.podium.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A downstream system that receives documents by webhook: its URL, the kinds it wants, the shared secret
 * each request is signed with, how long one request may take and how failed ones are tried again.
 */
public record Target(String id, URI url, Set<DocumentKind> kinds, String secret, Duration timeout, RetryPolicy retry) {

    public boolean wants(String ledgerKind) {
        return DocumentKind.byLedgerKind(ledgerKind).map(kinds::contains).orElse(false);
    }

    /** Never the secret: a target may be logged. */
    @Override
    public String toString() {
        return "Target[" + id + " " + url + " " + kinds + "]";
    }
}
