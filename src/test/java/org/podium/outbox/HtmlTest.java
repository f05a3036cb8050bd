package org.podium.outbox;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void aScriptTagInATeamNameBecomesText() {
        assertThat(Html.text("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void quotesAndAmpersandsCannotCloseAnAttribute() {
        assertThat(Html.text("\" onmouseover='x' & y")).isEqualTo("&quot; onmouseover=&#39;x&#39; &amp; y");
    }

    @Test
    void controlCharactersBecomeReplacementCharacters() {
        assertThat(Html.text("Nul\u0000Team\u007F")).isEqualTo("Nul\uFFFDTeam\uFFFD");
    }

    @Test
    void accentsAndOrdinaryPunctuationAreKept() {
        assertThat(Html.text("Phoenix Lótus Racing (#44), Björn – 1.541")).isEqualTo("Phoenix Lótus Racing (#44), Björn – 1.541");
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

    @Test
    void aCellIsNeutralisedThenEscaped() {
        assertThat(Html.cell("=<b>1</b>")).isEqualTo("&#39;=&lt;b&gt;1&lt;/b&gt;");
        assertThat(Jsoup.parse("<td>" + Html.cell("=<b>1</b>") + "</td>").text()).isEqualTo("'=<b>1</b>");
    }
}
