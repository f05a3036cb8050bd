package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
            "Not started|DID_NOT_START",
            "NOT STARTED|DID_NOT_START",
            "not started|DID_NOT_START",
            "Did not start|DID_NOT_START",
            "Disqualified|DISQUALIFIED",
            "DSQ|DISQUALIFIED",
            "Excluded|EXCLUDED"})
    void everyStatusWordCaseInsensitively(String word, EntryStatus status) {
        assertThat(StatusWords.of(word)).isEqualTo(status);
    }

    @Test
    void wordsWithNoBreakSpacesReadTheSame() {
        assertThat(StatusWords.of("Not\u00A0started\u00A0")).isEqualTo(EntryStatus.DID_NOT_START);
        assertThat(StatusWords.of("\u202FNot classified")).isEqualTo(EntryStatus.NOT_CLASSIFIED);
    }

    @Test
    void theAcceptedListNamesEveryWordFamily() {
        assertThat(StatusWords.ACCEPTED).contains("Classified", "Not classified", "NC", "Retired", "DNF", "Not started", "DNS",
                "Disqualified", "DSQ", "Excluded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Running", "Classifed", "1", "Started"})
    void otherWordsAreNoStatus(String word) {
        assertThat(StatusWords.of(word)).isNull();
    }
}
