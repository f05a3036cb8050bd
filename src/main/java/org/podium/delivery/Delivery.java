package org.podium.delivery;

import java.time.Instant;

/**
 * One document version queued for one target.
 *
 * @param chain          what orders it: a later delivery of the same chain and target is never sent before it
 * @param eventId        {@code <kind>/<id>/<version>}, e.g. {@code standings/alms/2023-24/teams-lmp2/3}
 * @param idempotencyKey the same on every attempt: a receiver that sees it twice has the document already
 * @param leaseUntil     while in the future, the instance {@code leaseOwner} is sending it
 */
public record Delivery(long id, String targetId, String path, String kind, int version, String chain, String eventId,
                       String idempotencyKey, byte[] body, DeliveryState state, int attempts, Instant nextAttemptAt,
                       String lastError, Instant lastAttemptAt, Instant createdAt, Instant deliveredAt,
                       String leaseOwner, Instant leaseUntil) {

    public boolean due(Instant now) { return !nextAttemptAt.isAfter(now); }

    public boolean leased(Instant now) { return leaseUntil != null && leaseUntil.isAfter(now); }

    @Override
    public String toString() {
        return "Delivery[" + id + " " + targetId + " " + eventId + " " + state + " attempts=" + attempts + "]";
    }
}
