package org.podium.combined;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Team names matched across series by the stated rules of config/aliases.yaml. */
class TeamIdentityTest {
    private static final TeamIdentity REAL = new TeamIdentity(Results.aliases());

    @Test
    void suffixRulesMergeKaijuMotorsportAndKaijuMotorsportsInCapitals() {
        assertThat(REAL.key("Kaiju Motorsport")).isEqualTo("kaiju");
        assertThat(REAL.same("Kaiju Motorsport", "KAIJU MOTORSPORTS")).isTrue();
    }

    @Test
    void caseAccentsAndTheRacingSuffixFold() {
        assertThat(REAL.same("Phoenix Lótus Racing", "PHOENIX LOTUS")).isTrue();
    }

    @Test
    void punctuationAndWhitespaceFold() {
        assertThat(REAL.same("Jade-Harbour  Racing.", "Jade Harbour")).isTrue();
    }

    @Test
    void aSuffixWordIsDroppedAsAPrefixToo() {
        assertThat(REAL.same("Team Tsunami", "Tsunami Racing")).isTrue();
    }

    @Test
    void severalSuffixesAreDroppedOneAfterAnother() {
        assertThat(REAL.normalise("Monsoon Motorsports Racing Team")).isEqualTo("monsoon");
    }

    @Test
    void aNameMadeOnlyOfSuffixWordsKeepsOneWord() {
        assertThat(REAL.normalise("Racing Team")).isEqualTo("racing");
    }

    @Test
    void byAndItsNameAreNotDropped() {
        TeamIdentity noAliases = new TeamIdentity(new Aliases(Results.aliases().teamNameSuffixes(),
                new NearMissRule(2, 0.15), List.of(), List.of()));

        assertThat(noAliases.normalise("Red Lantern by Huang")).isEqualTo("red lantern by huang");
        assertThat(noAliases.same("Red Lantern by Huang", "Huang Red Lantern")).isFalse();
    }

    @Test
    void anAliasMergesSpellingsThatNoRuleMatches() {
        assertThat(REAL.same("Red Lantern by Huang", "HUANG RED LANTERN")).isTrue();
        assertThat(REAL.canonicalName(REAL.key("Huang Red Lantern"))).contains("Red Lantern by Huang");
    }

    @Test
    void oneLetterApartIsANearMissNotAMatch() {
        String garuda = REAL.key("Garuda Racing");
        String garudda = REAL.key("Garudda Racing");

        assertThat(REAL.same("Garuda Racing", "Garudda Racing")).isFalse();
        assertThat(REAL.nearMiss(garuda, garudda)).hasValue(1);
    }

    @Test
    void namesFarApartAreNoNearMiss() {
        assertThat(REAL.nearMiss(REAL.key("Kaiju Motorsport"), REAL.key("Tsunami Team"))).isEmpty();
    }

    @Test
    void twoEditsCountOnlyInANameLongEnoughForFifteenPercent() {
        // 2 edits: over 15 % of 10 letters, within 15 % of 14
        assertThat(REAL.nearMiss("abcdefghij", "abcdefghxy")).isEmpty();
        assertThat(REAL.nearMiss("abcdefghijklmn", "abcdefghijklxy")).hasValue(2);
    }

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(TeamIdentity.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(TeamIdentity.levenshtein("", "abc")).isEqualTo(3);
        assertThat(TeamIdentity.levenshtein("garuda", "garuda")).isZero();
    }
}
