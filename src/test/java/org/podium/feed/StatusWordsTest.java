package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.podium.model.EntryStatus;

class StatusWordsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "Classified|CLASSIFIED",
            "CLASSIFIED|CLASSIFIED",
            "Not classified|NOT_CLASSIFIED",
            "Not Classified|NOT_CLASSIFIED",
            "NOT CLASSIFIED|NOT_CLASSIFIED",
            "NC|NOT_CLASSIFIED",
            "Retired|RETIRED",
            "DNF|RETIRED",
            "dnf|RETIRED",
            "DNS|DID_NOT_START",
            "Did not start|DID_NOT_START",
            "Disqualified|DISQUALIFIED",
            "DSQ|DISQUALIFIED",
            "Excluded|EXCLUDED"})
    void everyStatusWordCaseInsensitively(String word, EntryStatus status) {
        assertThat(StatusWords.of(word)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Running", "Classifed", "1"})
    void otherWordsAreNoStatus(String word) {
        assertThat(StatusWords.of(word)).isNull();
    }
}
