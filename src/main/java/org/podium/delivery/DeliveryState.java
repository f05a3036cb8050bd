package org.podium.delivery;

/** Where a delivery stands: waiting to be sent (or sent again), received by the target, or given up on. */
public enum DeliveryState { PENDING, DELIVERED, DEAD }
