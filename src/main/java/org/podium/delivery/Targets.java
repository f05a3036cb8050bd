package org.podium.delivery;

import java.util.List;
import java.util.Optional;

/** The targets of {@code config/deliveries.yaml}, in the file's order. */
public record Targets(List<Target> all) {

    public Targets {
        all = List.copyOf(all);
    }

    public static Targets none() { return new Targets(List.of()); }

    public List<Target> wanting(String ledgerKind) {
        return all.stream().filter(t -> t.wants(ledgerKind)).toList();
    }

    public Optional<Target> get(String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
