/**
 * Reading results feeds into the canonical model: format detection by content, the Al Kamel CSV
 * layouts, SRO results pages, Podium's canonical JSON, metadata from the inbox path or a sidecar,
 * and validation of the parsed classification. Plain Java, no I/O beyond the bytes handed in.
 */
package org.podium.feed;
