package org.podium.championship;

import java.util.List;
import java.util.Objects;

/**
 * Who a standings row is: its identity key and how it appeared most recently.
 *
 * @param key       identity within the table: {@code driver:<folded name>}, {@code car:<number>},
 *                  {@code team:<folded name>} or {@code team:<folded name>#<number>}
 * @param name      display name: the driver's full name, "#7", "Team" or "Team #7"
 * @param team      the team of the latest appearance
 * @param carNumber the car number of the latest appearance
 * @param car       the car model of the latest appearance, where the feed gives it
 * @param drivers   the crew of the latest appearance
 * @param crew      every driver who scored points for the entrant, in the order they first did (the
 *                  latest spelling of each); the crew of the latest appearance where no one scored yet
 */
public record Entrant(String key, String name, String team, String carNumber, String car, List<String> drivers,
                      List<String> crew) {
    public Entrant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        crew = crew == null || crew.isEmpty() ? drivers : List.copyOf(crew);
    }

    public Entrant(String key, String name, String team, String carNumber, String car, List<String> drivers) {
        this(key, name, team, carNumber, car, drivers, List.of());
    }
}
