package org.podium.invitation;

import java.util.List;
import java.util.Objects;

/**
 * Who an invitation goes to: a team, and for an invitation decided on cars, the car and its crew.
 *
 * @param teamKey the team's identity across series (normalised name, aliases applied)
 * @param car     the car number; null where teams are ranked
 * @param drivers the car's crew at its latest appearance; empty where teams are ranked
 */
public record Recipient(String team, String teamKey, String car, List<String> drivers) {
    public Recipient {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(teamKey, "teamKey");
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }

    /** Whether two decisions name the same recipient: the same team, and the same car where a car is named. */
    public String identity() { return car == null ? teamKey : teamKey + "#" + car; }

    /** "Harbour Lights Racing #7", or the team alone. */
    public String display() { return car == null ? team : team + " #" + car; }
}
