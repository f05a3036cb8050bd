package org.podium.championship;

import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Points for one race, or the pole of one qualifying session, within one table's scope. Pure.
 *
 * <p>Places count among the scope's classified cars only: a not-classified car carrying POSITION 3
 * neither scores nor takes a place. Where the feed reports no status (or the series does not go
 * by it), a car is classified when it covered the series' share of the laps of the winner of the
 * scope being scored: the class winner for a class table, the cup winner for a cup table.
 */
final class RaceScorer {
    /** Laps compare against a share of the winner's laps; tolerance for 0.7 × 10 = 7.000000000000001. */
    private static final double EPSILON = 1e-9;

    private RaceScorer() {}

    static List<Contribution> race(SeasonResults.RaceResult rr, Predicate<Entry> inScope, String scopeLabel,
                                   Scoring scoring, Map<String, Adjustment> restored) {
        SessionResult s = rr.result();
        List<Entry> entries = s.entries().stream().sorted(Comparator.comparingInt(Entry::position)).toList();
        Predicate<Entry> restoredCar = e -> restored.containsKey(s.sessionKey() + "|" + e.number());

        double factor = 1;
        String raceNote = null;
        Entry leader = entries.stream().filter(e -> e.status().classified() || restoredCar.test(e)).findFirst().orElse(null);
        ShortenedRule shortened = scoring.shortened();
        Duration planned = rr.planned();
        if (leader != null && leader.laps() < shortened.noPointsUnderLeaderLaps()) {
            factor = 0;
            raceNote = "no points: the leader completed " + laps(leader.laps()) + ", fewer than "
                    + shortened.noPointsUnderLeaderLaps();
        } else if (leader != null && planned != null && leader.totalTimeMs() != null
                && leader.totalTimeMs() < shortened.halfPointsUnderTimeShare() * planned.toMillis()) {
            factor = 0.5;
            raceNote = "half points: the winner's time " + clock(leader.totalTimeMs()) + " is under "
                    + percent(shortened.halfPointsUnderTimeShare()) + " of the planned " + clock(planned.toMillis());
        }

        List<Entry> scoped = entries.stream().filter(inScope).toList();
        ClassificationRule rule = scoring.classification();
        boolean byDistance = !(s.statusReported() && rule.byStatus());
        Entry scopeWinner = scoped.stream().filter(e -> e.status().classified() || restoredCar.test(e)).findFirst().orElse(null);

        List<Contribution> out = new ArrayList<>();
        int place = 0;
        for (Entry e : scoped) {
            Adjustment reinstatement = restored.get(s.sessionKey() + "|" + e.number());
            boolean classified;
            String note = raceNote;
            if (reinstatement != null) {
                classified = true;
                note = join("reinstated: " + reinstatement.reason() + " (" + reinstatement.reference() + ")", raceNote);
            } else if (!e.status().classified()) {
                classified = false;
                note = "no points: " + e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            } else if (byDistance && scopeWinner != null
                    && e.laps() + EPSILON < rule.minShareOfWinnerDistance() * scopeWinner.laps()) {
                classified = false;
                note = "no points: not classified, " + laps(e.laps()) + " is under " + percent(rule.minShareOfWinnerDistance())
                        + " of the " + scopeLabel + " winner's " + scopeWinner.laps();
            } else {
                classified = true;
            }
            Integer position = null;
            double points = 0;
            if (classified) {
                position = ++place;
                points = rr.scale().forPlace(place) * factor;
            }
            out.add(new Contribution(rr.round().round(), rr.round().event(), rr.race().race(), rr.kind(),
                    SessionType.RACE, s.sessionKey(), sha(s), e.number(), e.team(), e.drivers(), e.car(), e.status(),
                    position, points, note, reinstatement));
        }
        return out;
    }

    /** The pole: the first car of the scope with a time, in qualifying order. */
    static Optional<Contribution> pole(SeasonResults.PoleResult pr, Predicate<Entry> inScope, double points) {
        SessionResult s = pr.result();
        return s.entries().stream()
                .sorted(Comparator.comparingInt(Entry::position))
                .filter(inScope)
                .filter(e -> e.totalTimeMs() != null || e.bestLap() != null)
                .filter(e -> e.status() != EntryStatus.DISQUALIFIED && e.status() != EntryStatus.EXCLUDED
                        && e.status() != EntryStatus.DID_NOT_START)
                .findFirst()
                .map(e -> new Contribution(pr.round().round(), pr.round().event(), pr.race().race(), pr.race().kind(),
                        SessionType.QUALIFYING, s.sessionKey(), sha(s), e.number(), e.team(), e.drivers(), e.car(),
                        e.status(), null, points, "pole", null));
    }

    private static String sha(SessionResult s) { return s.source() == null ? null : s.source().sha256(); }

    private static String join(String a, String b) { return b == null ? a : a + "; " + b; }

    private static String laps(int n) { return n + (n == 1 ? " lap" : " laps"); }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
