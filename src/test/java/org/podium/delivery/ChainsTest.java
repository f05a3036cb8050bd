package org.podium.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChainsTest {

    static final Instant NOW = Instant.parse("2024-02-13T12:00:00Z");

    @Test
    void aNoticesChainIsItsInvitationAnyOtherDocumentsItsPath() {
        assertThat(Chains.of("invitation-notice", "notices/lemans-2024-gtwc-europe/002-leader.json")).isEqualTo("notices/lemans-2024-gtwc-europe/");
        assertThat(Chains.of("standings", "standings/alms/2023-24/teams-lmp2.json")).isEqualTo("standings/alms/2023-24/teams-lmp2.json");
        assertThat(Chains.eventId("standings/alms/2023-24/teams-lmp2.json", 3)).isEqualTo("standings/alms/2023-24/teams-lmp2/3");
        assertThat(Chains.eventId("notices/lemans-2024-gtwc-europe/002-leader.json", 1)).isEqualTo("notices/lemans-2024-gtwc-europe/002-leader/1");
    }

    @Test
    void aChainGoesInQueueOrderAndWaitsForItsFirstThatCannotGo() {
        Delivery n1 = d(1, "notices/a/", NOW.plusSeconds(30), null); // waiting for its next attempt
        Delivery n2 = d(4, "notices/a/", NOW, null);
        Delivery s1 = d(2, "standings/x.json", NOW, null);
        Delivery s2 = d(5, "standings/x.json", NOW.minusSeconds(1), null);
        Delivery c1 = d(3, "combined/y.json", NOW, NOW.plusSeconds(60)); // another instance is sending it
        Delivery c2 = d(6, "combined/y.json", NOW, null);
        List<Delivery> pending = List.of(c1, c2, n1, n2, s1, s2);
        assertThat(Chains.sendable(pending, Set.of(), NOW, 50)).containsExactly(s1, s2);
        // once the first notice is due, the chain goes in its order
        Delivery n1due = d(1, "notices/a/", NOW, null);
        assertThat(Chains.sendable(List.of(n1due, n2), Set.of(), NOW, 50)).containsExactly(n1due, n2);
    }

    @Test
    void aDeadLetterHoldsItsChainAndOnlyItsChain() {
        Delivery n2 = d(4, "notices/a/", NOW, null);
        Delivery s1 = d(2, "standings/x.json", NOW, null);
        assertThat(Chains.sendable(List.of(n2, s1), Set.of("notices/a/"), NOW, 50)).containsExactly(s1);
    }

    @Test
    void atMostMax() {
        List<Delivery> many = List.of(d(1, "a", NOW, null), d(2, "a", NOW, null), d(3, "b", NOW, null));
        assertThat(Chains.sendable(many, Set.of(), NOW, 2)).extracting(Delivery::id).containsExactly(1L, 2L);
    }

    static Delivery d(long id, String chain, Instant next, Instant leaseUntil) {
        return new Delivery(id, "hub", chain + id, "standings", 1, chain, chain + id + "/1", "k" + id, new byte[0],
                DeliveryState.PENDING, 0, next, null, null, NOW, null, leaseUntil == null ? null : "other", leaseUntil);
    }
}
