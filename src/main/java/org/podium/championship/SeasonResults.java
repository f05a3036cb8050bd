package org.podium.championship;

import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A season's sessions placed on its calendar: which session is which scoring race, and which
 * qualifying session set which race's grid.
 *
 * <p>A race session matches a calendar race by session name where the calendar gives one, else by
 * race number, else as the round's only race. A qualifying session with race number N sets race
 * N's grid. A qualifying session without a number sets the grid of every race of its round that
 * gives pole points and has no numbered qualifying of its own: one qualifying for a whole weekend
 * is the common case, and a numbered session is the more specific statement where both exist.
 */
final class SeasonResults {

    record RaceResult(CalendarRound round, CalendarRace race, SessionResult result, String kind, PointsScale scale,
                      Duration planned) {}

    record PoleResult(CalendarRound round, CalendarRace race, SessionResult result) {}

    final List<RaceResult> races = new ArrayList<>();
    final List<PoleResult> poles = new ArrayList<>();

    private SeasonResults() {}

    static SeasonResults place(SeriesRules rules, SeasonCalendar calendar, List<SessionResult> sessions,
                               List<String> warnings) {
        SeasonResults out = new SeasonResults();
        List<SessionResult> ordered = sessions.stream().sorted(Comparator.comparing(SessionResult::sessionKey)).toList();
        Map<String, RaceResult> raceTaken = new LinkedHashMap<>();
        for (SessionResult s : ordered) {
            if (s.session().type() != SessionType.RACE) continue;
            Optional<CalendarRound> round = round(calendar, s, warnings);
            if (round.isEmpty()) continue;
            Optional<CalendarRace> race = matchRace(round.get(), s);
            if (race.isEmpty()) {
                warnings.add(s.sessionKey() + ": session \"" + s.session().name() + "\" matches no race of round "
                        + round.get().round() + " (" + describe(round.get()) + "); not scored");
                continue;
            }
            String kind = s.session().kind() != null ? s.session().kind() : race.get().kind();
            PointsScale scale = rules.scoring().kinds().get(kind);
            if (scale == null) {
                warnings.add(s.sessionKey() + ": race kind \"" + kind + "\" is not defined in the series' scoring kinds ("
                        + String.join(", ", rules.scoring().kinds().keySet()) + "); not scored");
                continue;
            }
            String slot = round.get().round() + "/" + race.get().race();
            RaceResult previous = raceTaken.get(slot);
            if (previous != null) {
                warnings.add(s.sessionKey() + ": race " + race.get().race() + " of round " + round.get().round()
                        + " already comes from " + previous.result().sessionKey() + "; not scored");
                continue;
            }
            Duration planned = s.session().plannedDuration() != null ? s.session().plannedDuration() : race.get().planned();
            RaceResult rr = new RaceResult(round.get(), race.get(), s, kind, scale, planned);
            raceTaken.put(slot, rr);
            out.races.add(rr);
        }
        if (rules.scoring().pole().points() > 0) placePoles(calendar, ordered, warnings, out);
        return out;
    }

    private static void placePoles(SeasonCalendar calendar, List<SessionResult> ordered, List<String> warnings,
                                   SeasonResults out) {
        Map<String, PoleResult> byRace = new LinkedHashMap<>();
        // numbered sessions first: they win over a round-wide qualifying for the race they name
        List<SessionResult> qualifying = ordered.stream()
                .filter(s -> s.session().type() == SessionType.QUALIFYING)
                .sorted(Comparator.comparing((SessionResult s) -> s.session().race() == null)
                        .thenComparing(SessionResult::sessionKey))
                .toList();
        for (SessionResult s : qualifying) {
            Optional<CalendarRound> round = round(calendar, s, warnings);
            if (round.isEmpty()) continue;
            List<CalendarRace> targets;
            if (s.session().race() != null) {
                Optional<CalendarRace> race = round.get().race(s.session().race());
                if (race.isEmpty()) {
                    warnings.add(s.sessionKey() + ": qualifying for race " + s.session().race() + ", but round "
                            + round.get().round() + " has no race " + s.session().race() + "; no pole given");
                    continue;
                }
                targets = race.get().pole() ? List.of(race.get()) : List.of();
                String slot = round.get().round() + "/" + race.get().race();
                if (race.get().pole() && byRace.containsKey(slot)) {
                    warnings.add(s.sessionKey() + ": the grid of race " + race.get().race() + " of round "
                            + round.get().round() + " already comes from " + byRace.get(slot).result().sessionKey()
                            + "; no pole given");
                    continue;
                }
            } else {
                targets = round.get().races().stream()
                        .filter(CalendarRace::pole)
                        .filter(r -> !byRace.containsKey(round.get().round() + "/" + r.race()))
                        .toList();
            }
            for (CalendarRace r : targets) {
                PoleResult pr = new PoleResult(round.get(), r, s);
                byRace.put(round.get().round() + "/" + r.race(), pr);
                out.poles.add(pr);
            }
        }
    }

    private static Optional<CalendarRound> round(SeasonCalendar calendar, SessionResult s, List<String> warnings) {
        Optional<CalendarRound> round = calendar.round(s.event().round());
        if (round.isEmpty()) {
            warnings.add(s.sessionKey() + ": round " + s.event().round() + " is not in the season's calendar (rounds "
                    + calendar.rounds().stream().map(r -> String.valueOf(r.round())).collect(Collectors.joining(", "))
                    + "); not scored");
        }
        return round;
    }

    static Optional<CalendarRace> matchRace(CalendarRound round, SessionResult s) {
        String name = s.session().name();
        Optional<CalendarRace> byName = round.races().stream()
                .filter(r -> r.session() != null && r.session().equalsIgnoreCase(name))
                .findFirst();
        if (byName.isPresent()) return byName;
        // a race the calendar names by session is matched by that name only
        List<CalendarRace> unnamed = round.races().stream().filter(r -> r.session() == null).toList();
        Integer number = s.session().race();
        if (number != null) return unnamed.stream().filter(r -> r.race() == number).findFirst();
        if (round.races().size() == 1 && unnamed.size() == 1) return Optional.of(unnamed.get(0));
        return Optional.empty();
    }

    static String describe(CalendarRound round) {
        return round.races().stream()
                .map(r -> "race " + r.race() + (r.session() == null ? "" : " \"" + r.session() + "\""))
                .collect(Collectors.joining(", "));
    }
}
