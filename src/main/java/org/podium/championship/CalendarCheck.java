package org.podium.championship;

import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a session result has a place in its series: the season is described in
 * {@code config/series/<id>.yaml}, the round is one of its rounds, the event is that round's event, a
 * race is one of that round's races, and every class or cup the file writes is one the series knows
 * ({@link Categories}). A result without a place would be stored and never scored, or scored without
 * its cars' classes and cups, so it is rejected instead, with what the series holds.
 */
public final class CalendarCheck {

    /** Why a result has no place in the calendar, and what to change. */
    public record Misplaced(String problem, String whatToDo) {}

    private final SeriesCatalog catalog;

    public CalendarCheck(SeriesCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The result placed in its series: checked against the calendar, and each car's class and cup
     * written as the series names them.
     *
     * @param result    the placed result; null when misplaced
     * @param misplaced why it has no place; null when placed
     */
    public record Placement(SessionResult result, Misplaced misplaced) {}

    /** Checks the calendar, then places each car in the series' classes and cups. */
    public Placement place(SessionResult s) {
        Optional<Misplaced> off = check(s);
        if (off.isPresent()) return new Placement(null, off.get());
        Optional<SeriesRules> rules = catalog.get(s.series());
        if (rules.isEmpty()) return new Placement(s, null);
        Categories categories = new Categories(rules.get());
        Categories.Placed placed = categories.place(s);
        if (placed.result() != null) return new Placement(placed.result(), null);
        String file = "config/series/" + s.series() + ".yaml";
        return new Placement(null, new Misplaced(String.join("; ", placed.problems()) + ". The series knows: "
                + categories.known(),
                "if the value is another name for a class or cup, add it under written: in " + file
                        + " (for example written: { \"LMGT3\": { class: GT } }); a new class or cup goes under classes: or cups:;"
                        + " a value that names no class or cup (a championship's name) is written: { \"GR Cup\": {} }"));
    }

    /** Whether the result has a place in the series' calendar (season, round, event, race). */
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
        String known = FOLDED.get(s);
        if (known != null) return known;
        String folded = foldNow(s);
        if (FOLDED.size() >= 1_000) FOLDED.clear();
        FOLDED.put(s, folded);
        return folded;
    }

    // Every file is checked against its round's event name: the few names of a calendar are folded once.
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String foldNow(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
