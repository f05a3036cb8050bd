package org.podium.model;

import java.time.LocalDate;

/** A round of a season: its number, its name (e.g. Sepang), and where known the circuit and date. */
public record Event(int round, String name, String circuit, LocalDate date) {
    public Event {
        if (round < 1) throw new IllegalArgumentException("round must be 1 or more, was " + round);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("event without a name");
        name = name.strip();
        circuit = Driver.blankToNull(circuit);
    }
}
