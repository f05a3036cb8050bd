package org.podium.poll;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One round of a series' calendar as a feed knows it.
 *
 * @param round         the round number in the series calendar
 * @param event         the event's name as the calendar writes it (the inbox folder is {@code <NN>_<event>})
 * @param source        the source's own id for it: the portal's event value ({@code 01_Sepang}) or the
 *                      results site's slug ({@code brands-hatch})
 * @param namedSessions the session names the calendar gives this round's races ({@code Race after 6 hours}),
 *                      lower case; a results page's intermediate checkpoint is taken only when named here
 */
public record FeedEvent(int round, String event, String source, Set<String> namedSessions) {
    public FeedEvent {
        if (round < 1) throw new IllegalArgumentException("round must be 1 or more, was " + round);
        if (event == null || event.isBlank()) throw new IllegalArgumentException("event must be given");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("the source's event id must be given");
        event = event.strip();
        Objects.requireNonNull(namedSessions, "namedSessions");
        Set<String> lower = new TreeSet<>();
        for (String s : namedSessions) lower.add(s.strip().toLowerCase(Locale.ROOT));
        namedSessions = Set.copyOf(lower);
    }

    /** The event folder under the season in the inbox: {@code 01_Sepang}. */
    public String inboxFolder() {
        return String.format(Locale.ROOT, "%02d_%s", round, event);
    }

    /** True when the calendar names a session so (case-insensitive). */
    public boolean namesSession(String session) {
        return namedSessions.contains(session.strip().toLowerCase(Locale.ROOT));
    }
}
