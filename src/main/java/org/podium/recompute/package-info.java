/**
 * A season's way from "changed" to "published": {@link org.podium.recompute.SeasonChanges} queues a
 * season when ingestion stores a new current version of one of its sessions (a burst costs one
 * recompute); {@link org.podium.recompute.Classifier} loads the season's current sessions once,
 * computes its standings, then the combined classifications and the invitation decisions
 * ({@link org.podium.recompute.Classification}); the outbox publishes that and hands back a
 * {@link org.podium.recompute.Publication}, with which {@link org.podium.recompute.Recompute} marks the
 * seasons published. Recompute also queues what a stop, a crash or another instance left unpublished.
 * Called by the routes {@code routes/3-recompute.yaml} and {@code routes/4-publish.yaml}; no Camel here.
 */
package org.podium.recompute;
