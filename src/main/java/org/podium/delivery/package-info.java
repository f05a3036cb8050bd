/**
 * Delivering published documents to downstream systems by signed webhooks: the targets and what they want
 * ({@code config/deliveries.yaml}), the retry policy, the signature, and the order rule (a later document
 * of a chain never goes before an earlier one). Plain Java; the Camel adapters are in {@code org.podium.app}.
 */
package org.podium.delivery;
