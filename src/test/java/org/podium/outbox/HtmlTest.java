package org.podium.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void controlCharactersBecomeReplacementCharacters() {
        assertThat(Html.plain("Nul\u0000Team\u007F")).isEqualTo("Nul\uFFFDTeam\uFFFD");
    }

    @Test
    void accentsAndOrdinaryPunctuationAreKept() {
        assertThat(Html.plain("Phoenix Lótus Racing (#44), Björn – 1.541")).isEqualTo("Phoenix Lótus Racing (#44), Björn – 1.541");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+SUM(1;2)", "-2+3", "@HYPERLINK(\"x\")", "\tTab", "\rReturn"})
    void aTextASpreadsheetWouldEvaluateGetsALeadingApostrophe(String text) {
        assertThat(Html.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kaiju Motorsports", "a=b", "1+1", "", " =padded"})
    void otherTextsAreLeftAlone(String text) {
        assertThat(Html.neutralise(text)).isEqualTo(text);
    }
}
