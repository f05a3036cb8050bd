/**
 * The canonical model every feed format is normalised into (DESIGN.md §2). Plain records, no I/O.
 * Times are durations in milliseconds; JSON carries them as {@code …Ms} numbers and durations such as
 * the planned race length as ISO-8601 strings.
 */
package org.podium.model;
