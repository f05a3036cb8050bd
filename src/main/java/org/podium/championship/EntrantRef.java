package org.podium.championship;

/**
 * Whom an adjustment names: a driver (by name), a car (by number), a team, or a team's car.
 * Names match with case and accents folded; a car number matches exactly ("007" is not "7").
 */
public record EntrantRef(String driver, String team, String car) {
    public EntrantRef {
        driver = blankToNull(driver);
        team = blankToNull(team);
        car = blankToNull(car);
        if (driver == null && team == null && car == null) throw new IllegalArgumentException("names no entrant");
        if (driver != null && (team != null || car != null)) {
            throw new IllegalArgumentException("a driver is named alone, without team or car");
        }
    }

    public static EntrantRef driver(String name) { return new EntrantRef(name, null, null); }

    public static EntrantRef team(String name) { return new EntrantRef(null, name, null); }

    public static EntrantRef car(String number) { return new EntrantRef(null, null, number); }

    /** Whether a row of a table names this entrant. */
    boolean matches(Ranks ranks, String driverName, String teamName, String carNumber) {
        return switch (ranks) {
            case DRIVERS -> driver != null && Names.fold(driver).equals(Names.fold(driverName));
            case CARS -> driver == null && team == null && car.equals(carNumber);
            case TEAMS -> team != null && Names.fold(team).equals(Names.fold(teamName))
                    && (car == null || carNumber == null || car.equals(carNumber));
        };
    }

    @Override
    public String toString() {
        if (driver != null) return "driver " + driver;
        if (team != null && car != null) return "team " + team + " car #" + car;
        return team != null ? "team " + team : "car #" + car;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
