package org.podium.model;

import java.time.Instant;

/**
 * Where a classification came from.
 *
 * @param format      the feed format (alkamel-race, alkamel-wide, sro-html, podium-json)
 * @param document    the document's name (file name, or URL for fetched documents)
 * @param sha256      SHA-256 of the raw bytes, lower-case hex
 * @param publishedAt when the source says it was published, null where it does not
 */
public record Source(String format, String document, String sha256, Instant publishedAt) {}
