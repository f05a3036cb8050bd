/**
 * The outbox read over HTTP: each document the outbox ledger records, the outbox index and a feed index
 * of the documents, with validators for caching, refusing every path that is not an outbox document.
 * {@link org.podium.serve.OutboxDocuments} decides; {@link org.podium.serve.OutboxApi} is its Camel adapter.
 */
package org.podium.serve;
