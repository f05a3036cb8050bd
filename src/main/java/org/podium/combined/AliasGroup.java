package org.podium.combined;

import java.util.List;
import java.util.Objects;

/** One entrant's canonical name and the other spellings feeds use for it. */
public record AliasGroup(String name, List<String> aliases) {
    public AliasGroup {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("an alias group needs a name");
        aliases = List.copyOf(aliases);
    }
}
