package org.podium.model;

import java.util.List;
import java.util.Objects;

/**
 * One car's line in a classification.
 *
 * @param position      overall finishing position as published (NC and DSQ cars carry one too)
 * @param classPosition position within the car's class, derived from the order within the class
 * @param number        the car number, a string: "007" and "7" are different cars
 * @param carClass      class as published (LMP2, LMP3, GT, LMGT3…), null where the feed has none
 * @param cup           cup or sub-class (Pro, Gold, Silver, Bronze, Pro-Am, Am…), null where none
 * @param group         Al Kamel GROUP (e.g. P/A in WEC), null where empty
 * @param division      Al Kamel DIVISION, null where empty
 * @param totalTimeMs   elapsed race time, or the best time of a qualifying/practice session
 * @param sourceLine    the line (CSV) or table row (HTML) it came from, for error reports
 */
public record Entry(
        int position,
        Integer classPosition,
        String number,
        String team,
        List<Driver> drivers,
        String car,
        String carClass,
        String cup,
        String group,
        String division,
        String tyres,
        EntryStatus status,
        int laps,
        Long totalTimeMs,
        Gap gap,
        Gap gapPrevious,
        BestLap bestLap,
        Integer sourceLine) {

    public Entry {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        team = Driver.blankToNull(team);
        car = Driver.blankToNull(car);
        carClass = Driver.blankToNull(carClass);
        cup = Driver.blankToNull(cup);
        group = Driver.blankToNull(group);
        division = Driver.blankToNull(division);
        tyres = Driver.blankToNull(tyres);
    }

    public Entry withClassPosition(Integer p) {
        return new Entry(position, p, number, team, drivers, car, carClass, cup, group, division, tyres,
                status, laps, totalTimeMs, gap, gapPrevious, bestLap, sourceLine);
    }

    public Entry withStatus(EntryStatus s) {
        return new Entry(position, classPosition, number, team, drivers, car, carClass, cup, group, division, tyres,
                s, laps, totalTimeMs, gap, gapPrevious, bestLap, sourceLine);
    }
}
