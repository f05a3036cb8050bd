package org.podium.feed;

import java.util.Locale;
import java.util.Map;

import org.podium.model.EntryStatus;

/**
 * A car's status as the feeds spell it: Al Kamel's STATUS column (Classified, Not classified,
 * Disqualified and Not started seen in real exports; Retired, DNS, DNF, DSQ, NC, Excluded also
 * handled, see docs/formats.md) and the words SRO pages put in the Pos, Time or Gap cell. Compared
 * case-insensitively, with any kind of space between words.
 */
public final class StatusWords {
    public static final String ACCEPTED =
            "Classified, Not classified (NC), Retired (DNF), Not started (DNS, Did not start), Disqualified (DSQ), Excluded";

    private static final Map<String, EntryStatus> WORDS = Map.ofEntries(
            Map.entry("classified", EntryStatus.CLASSIFIED),
            Map.entry("not classified", EntryStatus.NOT_CLASSIFIED),
            Map.entry("nc", EntryStatus.NOT_CLASSIFIED),
            Map.entry("retired", EntryStatus.RETIRED),
            Map.entry("ret", EntryStatus.RETIRED),
            Map.entry("dnf", EntryStatus.RETIRED),
            Map.entry("did not finish", EntryStatus.RETIRED),
            Map.entry("dns", EntryStatus.DID_NOT_START),
            // a 2014 ELMS race classification marks its non-starter this way
            Map.entry("not started", EntryStatus.DID_NOT_START),
            Map.entry("did not start", EntryStatus.DID_NOT_START),
            Map.entry("disqualified", EntryStatus.DISQUALIFIED),
            Map.entry("dsq", EntryStatus.DISQUALIFIED),
            Map.entry("dq", EntryStatus.DISQUALIFIED),
            Map.entry("excluded", EntryStatus.EXCLUDED),
            Map.entry("exc", EntryStatus.EXCLUDED));

    private StatusWords() {}

    /** The status a word names, or null when it names none. */
    public static EntryStatus of(String word) {
        if (word == null) return null;
        String w = Spaces.trim(word);
        if (w.isEmpty()) return null;
        StringBuilder sb = new StringBuilder(w.length());
        boolean space = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Spaces.isSpace(c)) {
                space = true;
                continue;
            }
            if (c == '.') continue; // "D.N.F."
            if (space && sb.length() > 0) sb.append(' ');
            space = false;
            sb.append(c);
        }
        return WORDS.get(sb.toString().toLowerCase(Locale.ROOT));
    }
}
