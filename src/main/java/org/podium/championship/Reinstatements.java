package org.podium.championship;

import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies reinstatements to the sessions they name, before scoring: the car becomes classified at
 * the overall position the decision gives (by default the one the file shows), the cars from that
 * position down move back one place, and every table's positions follow from the new order. The
 * car then counts as classified whatever distance rule the series has.
 */
final class Reinstatements {
    private Reinstatements() {}

    /** Returns the sessions with reinstatements applied; {@code restored} gets {@code sessionKey|car} → decision. */
    static List<SessionResult> apply(List<SessionResult> sessions, Adjustments adjustments,
                                     Map<String, Adjustment> restored, List<String> warnings) {
        List<SessionResult> out = new ArrayList<>(sessions);
        for (Adjustment a : adjustments.list()) {
            if (a.type() != AdjustmentType.REINSTATEMENT) continue;
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                SessionResult s = out.get(i);
                if (s.session().type() == SessionType.RACE && s.event().round() == a.round()
                        && (a.session() == null || a.session().equalsIgnoreCase(s.session().name())
                        || a.session().equalsIgnoreCase(s.session().key()))) {
                    matches.add(i);
                }
            }
            if (matches.size() != 1) {
                warnings.add(a + ": " + (matches.isEmpty() ? "no such race session is in" :
                        "round " + a.round() + " has several race sessions; name one with session:") + "; not applied");
                continue;
            }
            int index = matches.get(0);
            SessionResult s = out.get(index);
            List<Entry> entries = new ArrayList<>(s.entries());
            entries.sort(Comparator.comparingInt(Entry::position));
            Entry car = entries.stream().filter(e -> e.number().equals(a.entrant().car())).findFirst().orElse(null);
            if (car == null) {
                warnings.add(a + ": car #" + a.entrant().car() + " is not in " + s.sessionKey() + "; not applied");
                continue;
            }
            if (car.status() == EntryStatus.CLASSIFIED && s.statusReported()) {
                warnings.add(a + ": car #" + a.entrant().car() + " is already classified in " + s.sessionKey()
                        + "; nothing to restore");
                continue;
            }
            entries.remove(car);
            int at = Math.min(a.position() != null ? a.position() : car.position(), entries.size() + 1) - 1;
            entries.add(at, car.withStatus(EntryStatus.CLASSIFIED));
            List<Entry> renumbered = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) renumbered.add(atPosition(entries.get(i), i + 1));
            out.set(index, new SessionResult(s.series(), s.season(), s.event(), s.session(), s.status(), s.source(),
                    s.statusReported(), renumbered));
            restored.put(s.sessionKey() + "|" + car.number(), a);
        }
        return out;
    }

    private static Entry atPosition(Entry e, int position) {
        return new Entry(position, e.classPosition(), e.number(), e.team(), e.drivers(), e.car(), e.carClass(), e.cup(),
                e.group(), e.division(), e.tyres(), e.status(), e.laps(), e.totalTimeMs(), e.gap(), e.gapPrevious(),
                e.bestLap(), e.sourceLine());
    }
}
