package org.podium.invitation;

import org.podium.combined.CombinedRule;

import java.util.Objects;

/** An invitation to the top team of a combined classification (docs/rules.md, B). */
public record CombinedTeamsClassification(CombinedRule rule) implements InvitationClassification {
    public CombinedTeamsClassification {
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String id() { return "combined/" + rule.id(); }
}
