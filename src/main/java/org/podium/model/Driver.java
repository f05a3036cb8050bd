package org.podium.model;

import java.util.Objects;

/** A driver as a feed names them; {@code firstName} may be empty (Al Kamel's " BANKCY"). */
public record Driver(String firstName, String lastName, String nationality, DriverCategory category) {
    public Driver {
        firstName = firstName == null ? "" : firstName.strip();
        Objects.requireNonNull(lastName, "lastName");
        lastName = lastName.strip();
        if (lastName.isEmpty()) throw new IllegalArgumentException("driver without a last name");
        nationality = blankToNull(nationality);
    }

    public String fullName() { return firstName.isEmpty() ? lastName : firstName + " " + lastName; }

    static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
