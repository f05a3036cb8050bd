/**
 * The canonical model every feed format is normalised into (docs/formats.md, Podium JSON). Plain records, no I/O.
 * Times are durations in milliseconds; JSON carries them as {@code …Ms} numbers and durations such as
 * the planned race length as ISO-8601 strings.
 */
package org.podium.model;
