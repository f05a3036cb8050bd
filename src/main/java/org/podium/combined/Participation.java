package org.podium.combined;

import org.podium.championship.RoundScore;
import org.podium.championship.SessionScore;
import org.podium.championship.StandingsRow;
import org.podium.model.EntryStatus;
import org.podium.model.SessionType;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which rounds an entrant took part in. A car took part in a round when it is in a race
 * classification of that round with any status but did-not-start: a car that retired or was not
 * classified was there and raced; scoring is not required. A pole alone is not taking part in a race.
 */
public final class Participation {
    private Participation() {}

    public static SortedSet<Integer> rounds(StandingsRow row) {
        SortedSet<Integer> out = new TreeSet<>();
        for (RoundScore r : row.rounds()) {
            for (SessionScore s : r.sessions()) {
                if (s.type() == SessionType.RACE && s.status() != EntryStatus.DID_NOT_START) {
                    out.add(r.round());
                    break;
                }
            }
        }
        return out;
    }
}
