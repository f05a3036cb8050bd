package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.podium.model.Driver;

class DriverNamesTest {

    @ParameterizedTest(name = "\"{0}\" is {1} / {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "Griffin PEEBLES|Griffin|PEEBLES",
            "Horst Felix FELBERMAYR|Horst Felix|FELBERMAYR",
            "David HEINEMEIER HANSSON|David|HEINEMEIER HANSSON",
            "Prince Jefri IBRAHIM|Prince Jefri|IBRAHIM",
            "Job VAN UITERT|Job|VAN UITERT",
            "Reshad DE GÉRUS|Reshad|DE GÉRUS",
            "Abdulla Ali AL-KHELAIFI|Abdulla Ali|AL-KHELAIFI",
            "Matthew Richard BELL|Matthew Richard|BELL",
            "Tom KIMBER-SMITH|Tom|KIMBER-SMITH",
            "Laurents HÖRR|Laurents|HÖRR",
            "Petru UMBRÄRESCU|Petru|UMBRÄRESCU",
            "Jens Reno MØLLER|Jens Reno|MØLLER",
            "José María LÓPEZ|José María|LÓPEZ",
            "Grégoire SAUCY|Grégoire|SAUCY",
            "Paul-Loup CHATIN|Paul-Loup|CHATIN",
            "Alexander TALKANITSA JR|Alexander|TALKANITSA JR",
            "Scott HUFFAKER II|Scott|HUFFAKER II"})
    void familyNameIsTheTrailingUpperCaseRun(String raw, String given, String family) {
        assertThat(DriverNames.parse(raw)).isEqualTo(new Driver(given, family, null, null));
    }

    @Test
    void leadingSpaceMeansNoGivenName() {
        assertThat(DriverNames.parse(" BANKCY")).isEqualTo(new Driver("", "BANKCY", null, null));
    }

    @Test
    void aSingleUpperCaseWordIsTheFamilyName() {
        assertThat(DriverNames.parse("BANKCY")).isEqualTo(new Driver("", "BANKCY", null, null));
    }

    @Test
    void upperCaseInitialsWithoutLeadingSpaceAreAGivenName() {
        assertThat(DriverNames.parse("PJ HYETT")).isEqualTo(new Driver("PJ", "HYETT", null, null));
    }

    @Test
    void aNameWithoutUpperCaseWordsSplitsAtTheLastSpace() {
        assertThat(DriverNames.parse("Anna Maria Example")).isEqualTo(new Driver("Anna Maria", "Example", null, null));
    }

    @Test
    void unicodeSpacesSeparateAndSurroundNoWord() {
        assertThat(DriverNames.parse("Griffin\u00A0PEEBLES\u00A0")).isEqualTo(new Driver("Griffin", "PEEBLES", null, null));
        assertThat(DriverNames.parse("Horst\u2007Felix FELBERMAYR\u202F")).isEqualTo(new Driver("Horst Felix", "FELBERMAYR", null, null));
        assertThat(DriverNames.parse("\u00A0BANKCY")).isEqualTo(new Driver("", "BANKCY", null, null));
    }

    @Test
    void anEmptyNameIsNoDriver() {
        assertThat(DriverNames.parse("")).isNull();
        assertThat(DriverNames.parse("   ")).isNull();
        assertThat(DriverNames.parse("\u00A0\u2007")).isNull();
    }
}
