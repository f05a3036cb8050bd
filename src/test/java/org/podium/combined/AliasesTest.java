package org.podium.combined;

import org.junit.jupiter.api.Test;
import org.podium.support.ConfigException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** config/aliases.yaml: loaded and validated, every problem naming the file and the key. */
class AliasesTest {
    private static final String FILE = "config/aliases.yaml";

    @Test
    void theRealAliasesFileLoads() {
        Aliases a = Aliases.load(Path.of(FILE));

        assertThat(a.teamNameSuffixes()).contains("Team", "Racing", "Racing Team", "Motorsport", "Motorsports",
                "Competition");
        assertThat(a.teams()).isEmpty();     // the shipped file names no real team's alias yet
        assertThat(a.nearMiss()).isEqualTo(new NearMissRule(2, 0.15));
    }

    @Test
    void theDemosAliasesFileLoads() {
        Aliases a = Aliases.load(org.podium.demo.DemoConfig.ALIASES);

        assertThat(a.teams()).anySatisfy(g -> {
            assertThat(g.name()).isEqualTo("Red Lantern by Huang");
            assertThat(g.aliases()).containsExactly("Huang Red Lantern");
        });
        assertThat(a.nearMiss()).isEqualTo(new NearMissRule(2, 0.15));
    }

    @Test
    void aSpellingClaimedByTwoTeamsFails() {
        String yaml = """
                teamNameSuffixes: [Racing]
                teams:
                  - { name: Alpha Racing, aliases: [Beta] }
                  - { name: Gamma, aliases: [Alpha] }
                """;

        assertThatThrownBy(() -> Aliases.parse(yaml, FILE))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.file()).isEqualTo(FILE);
                    assertThat(c.keyPath()).isEqualTo("teams[1].aliases[0]");
                    assertThat(c.problem()).contains("\"alpha\"", "teams[0]");
                });
    }

    @Test
    void anUnknownKeyFails() {
        assertThatThrownBy(() -> Aliases.parse("team: []\n", FILE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ": team: unknown key");
    }

    @Test
    void aNearMissShareOutsideZeroToOneFails() {
        String yaml = "nearMiss: { maxEdits: 2, maxShareOfLength: 1.5 }\n";

        assertThatThrownBy(() -> Aliases.parse(yaml, FILE))
                .isInstanceOf(ConfigException.class)
                .hasMessage(FILE + ": nearMiss.maxShareOfLength: must be a number from 0 to 1, was 1.5");
    }

    @Test
    void aGroupWithoutAliasesFails() {
        String yaml = "teams:\n  - { name: Alpha, aliases: [] }\n";

        assertThatThrownBy(() -> Aliases.parse(yaml, FILE))
                .isInstanceOf(ConfigException.class)
                .hasMessage(FILE + ": teams[0].aliases: must list at least one other spelling");
    }

    @Test
    void aSpellingWithNoLettersFails() {
        String yaml = "drivers:\n  - { name: Anna Example, aliases: [\"--\"] }\n";

        assertThatThrownBy(() -> Aliases.parse(yaml, FILE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ": drivers[0].aliases[0]: has no letters or digits");
    }

    @Test
    void aDriverAliasGivesTheCanonicalName() {
        Aliases a = Aliases.parse("drivers:\n  - { name: Grégoire Saucy, aliases: [G. Saucy] }\n", FILE);

        assertThat(a.driverName("G SAUCY")).isEqualTo("Grégoire Saucy");
        assertThat(a.driverName("Anna Example")).isEqualTo("Anna Example");
    }
}
