package org.podium.feed;

/**
 * What an SRO results page says about itself. Hints only: the session's metadata still comes from
 * the inbox path or a sidecar.
 *
 * @param title     the page's {@code <title>}
 * @param cup       "Sprint Cup" or "Endurance Cup" where the title names one, else null
 * @param raceName  the first line of the first {@code <h2>} (Race 1, Main Race…), null where absent
 * @param eventName its second line (the circuit or event), null where absent
 * @param year      the year of its {@code <year> Results} line, null where absent
 */
public record SroPageInfo(String title, String cup, String raceName, String eventName, Integer year) {}
