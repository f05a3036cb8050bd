package org.podium.championship;

import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a session result has a place in its series' calendar: the season is described in
 * {@code config/series/<id>.yaml}, the round is one of its rounds, the event is that round's event, and a
 * race is one of that round's races. A result without a place would be stored and never scored, so it
 * is rejected instead, with what the calendar holds.
 */
public final class CalendarCheck {

    /** Why a result has no place in the calendar, and what to change. */
    public record Misplaced(String problem, String whatToDo) {}

    private final SeriesCatalog catalog;

    public CalendarCheck(SeriesCatalog catalog) {
        this.catalog = catalog;
    }

    public Optional<Misplaced> check(SessionResult s) {
        Optional<SeriesRules> rules = catalog.get(s.series());
        if (rules.isEmpty()) return Optional.empty();     // the reader already refuses a series it does not know
        String file = "config/series/" + s.series() + ".yaml";
        Optional<SeasonCalendar> calendar = rules.get().calendar(s.season());
        if (calendar.isEmpty()) {
            return Optional.of(new Misplaced("season " + s.season() + " is not in the calendar of " + file + " (its seasons: "
                    + String.join(", ", rules.get().seasons().keySet()) + ")",
                    "put the file under one of those seasons, or add the season's calendar under seasons: in " + file));
        }
        Optional<CalendarRound> round = calendar.get().round(s.event().round());
        if (round.isEmpty()) {
            return Optional.of(new Misplaced("round " + s.event().round() + " is not in the " + s.season() + " calendar of "
                    + file + " (" + rounds(calendar.get()) + ")",
                    "put the file under its round's folder, <NN>_<event> as the calendar names it, e.g. "
                            + folder(calendar.get().rounds().get(0))));
        }
        String event = s.event().name();
        if (event != null && !event.isBlank() && !sameEvent(event, round.get().event())) {
            return Optional.of(new Misplaced("round " + round.get().round() + " of the " + s.season() + " calendar is "
                    + round.get().event() + ", not " + event + " (" + rounds(calendar.get()) + ")",
                    "put the file under " + folder(round.get()) + " if it is from " + round.get().event()
                            + ", or under the folder of the round " + event + " is"));
        }
        if (s.session().type() == SessionType.RACE && SeasonResults.matchRace(round.get(), s).isEmpty()) {
            return Optional.of(new Misplaced("race session \"" + s.session().name() + "\" matches no race of round "
                    + round.get().round() + " " + round.get().event() + " (" + SeasonResults.describe(round.get()) + ")",
                    "name the session folder after one of the round's races (Race 1, Race 2…), or add the race to the round in "
                            + file));
        }
        return Optional.empty();
    }

    private static String rounds(SeasonCalendar calendar) {
        return "rounds: " + calendar.rounds().stream().map(r -> r.round() + " " + r.event()).collect(Collectors.joining(", "));
    }

    private static String folder(CalendarRound round) {
        return String.format(Locale.ROOT, "%02d_%s", round.round(), round.event());
    }

    /** The same event whatever the case, accents, spaces and punctuation: "Abu Dhabi", "abu-dhabi", "ABU DHABI". */
    static boolean sameEvent(String a, String b) {
        return fold(a).equals(fold(b));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
