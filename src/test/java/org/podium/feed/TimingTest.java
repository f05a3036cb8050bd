package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.podium.model.Gap;

class TimingTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource(delimiter = '|', value = {
            "4:00'01.773 | 14401773",   // H:MM'SS.mmm, race total
            "21'19.554   | 1279554",    // MM'SS.mmm under an hour
            "1'50.468    | 110468",     // M'SS.mmm lap
            "3:26.540    | 206540",     // M:SS.mmm, wide layout
            "3:01:32.386 | 10892386",   // H:MM:SS.mmm, SRO America
            "8.569       | 8569",       // S.mmm gap
            "0.929       | 929",
            "+0.356      | 356",        // wide layout gap
            "1'14.288    | 74288",      // M'SS.mmm gap
            "01:00:00    | 3600000",
            "1:50.4      | 110400"})    // tenths
    void apostropheAndColonTimes(String text, long ms) {
        assertThat(Timing.millis(text)).isEqualTo(ms);
    }

    @Test
    void hoursReachTwentyFourAndBeyond() {
        assertThat(Timing.millis("24:01'02.345")).isEqualTo(24 * 3_600_000L + 62_345);
        assertThat(Timing.millis("25:00'00.001")).isEqualTo(25 * 3_600_000L + 1);
        assertThat(Timing.millis("24:01:02.345")).isEqualTo(24 * 3_600_000L + 62_345);
    }

    @Test
    void aLeadingMinusGivesANegativeTime() {
        assertThat(Timing.millis("-1'50.468")).isEqualTo(-110_468);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1'50'46", "1:70.000", "4:61'00.000", "1'50.", "1.2.3", "1'50.468x", "12345678901", "1:2:3:4", "1'2:3"})
    void notTimesAreRefused(String text) {
        assertThatThrownBy(() -> Timing.millis(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-"})
    void theLeaderHasNoGap(String text) {
        assertThat(Timing.gap(text)).isNull();
    }

    @Test
    void lapGapsPluralSingularAndNegative() {
        assertThat(Timing.gap("13 Laps")).isEqualTo(Gap.laps(13));
        assertThat(Timing.gap("1 Laps")).isEqualTo(Gap.laps(1));
        assertThat(Timing.gap("1 Lap")).isEqualTo(Gap.laps(1));
        assertThat(Timing.gap("2 laps")).isEqualTo(Gap.laps(2));
        assertThat(Timing.gap("-94 Laps")).isEqualTo(Gap.laps(-94));
    }

    @Test
    void timeGapsWithAndWithoutPlus() {
        assertThat(Timing.gap("+0.657")).isEqualTo(Gap.time(657));
        assertThat(Timing.gap("8.569")).isEqualTo(Gap.time(8_569));
        assertThat(Timing.gap("1'59.312")).isEqualTo(Gap.time(119_312));
    }

    @Test
    void aGapThatIsNeitherIsRefused() {
        assertThatThrownBy(() -> Timing.gap("some Laps")).hasMessageContaining("not a gap");
        assertThatThrownBy(() -> Timing.gap("soon")).hasMessageContaining("not a gap");
    }
}
