package org.podium.championship;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a series' tie-break order, applied to entrants level on points.
 *
 * @param rule       which comparison
 * @param kindPrefix for {@link Rule#KIND_WINS}: the race kinds whose wins count (kind starts with it)
 */
public record TieBreak(Rule rule, String kindPrefix) {

    public enum Rule {
        /** Most wins. */
        WINS,
        /** Most wins, then most 2nd places, then most 3rd places, and so on. */
        COUNTBACK,
        /** Most wins in races of some kinds, e.g. {@code kind-wins:endurance}. */
        KIND_WINS
    }

    public TieBreak {
        Objects.requireNonNull(rule, "rule");
        if ((rule == Rule.KIND_WINS) != (kindPrefix != null && !kindPrefix.isBlank())) {
            throw new IllegalArgumentException("a kind prefix goes with kind-wins, and only with it");
        }
    }

    /** As written in config files: {@code wins}, {@code countback}, {@code kind-wins:<prefix>}. */
    public String id() {
        return switch (rule) {
            case WINS -> "wins";
            case COUNTBACK -> "countback";
            case KIND_WINS -> "kind-wins:" + kindPrefix;
        };
    }

    static Optional<TieBreak> fromId(String id) {
        if (id.equals("wins")) return Optional.of(new TieBreak(Rule.WINS, null));
        if (id.equals("countback")) return Optional.of(new TieBreak(Rule.COUNTBACK, null));
        if (id.startsWith("kind-wins:") && id.length() > "kind-wins:".length()) {
            return Optional.of(new TieBreak(Rule.KIND_WINS, id.substring("kind-wins:".length())));
        }
        return Optional.empty();
    }
}
