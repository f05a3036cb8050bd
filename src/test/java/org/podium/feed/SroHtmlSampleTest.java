package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/** The SRO results page sample: th-named columns, cups in the Class column, no status column. */
class SroHtmlSampleTest {
    private static SroPage page;

    @BeforeAll
    static void parse() throws FeedException {
        page = new SroHtmlParser().parse(Samples.text(Samples.SRO_PAGE));
    }

    @Test
    void everyRowIsReadWithoutReportedStatus() {
        assertThat(page.classification().format()).isEqualTo(FeedFormat.SRO_HTML);
        assertThat(page.classification().entries()).hasSize(6);
        assertThat(page.classification().statusReported()).isFalse();
        assertThat(page.classification().entries()).allMatch(e -> e.status() == EntryStatus.CLASSIFIED);
    }

    @Test
    void winnerRowFieldByField() {
        assertThat(page.classification().entries().get(0)).isEqualTo(new Entry(1, null, "32", "Fictional Racing Team",
                List.of(new Driver("Anna", "EXAMPLE", null, null), new Driver("Ben", "SAMPLE", null, null)),
                "BMW M4 GT3", null, "Pro", null, null, null, EntryStatus.CLASSIFIED, 38,
                3_600_000L + 60_000 + 12_345, null, null, null, 22));
    }

    @Test
    void classColumnIsTheCupAndClassStaysEmpty() {
        assertThat(page.classification().entries()).extracting(Entry::cup)
                .containsExactly("Pro", "Pro", "Gold", "Bronze", "Silver", "Bronze");
        assertThat(page.classification().entries()).extracting(Entry::carClass).containsOnlyNulls();
    }

    @Test
    void gapsInTimeAndLaps() {
        List<Entry> e = page.classification().entries();
        assertThat(e.get(1).gap()).isEqualTo(Gap.time(657));
        assertThat(e.get(4).gap()).isEqualTo(Gap.laps(1));
        assertThat(e.get(5).gap()).isEqualTo(Gap.laps(13));
        assertThat(e.get(5).totalTimeMs()).isEqualTo(42 * 60_000L + 10_010);
    }

    @Test
    void carNumbersAreStrings() {
        assertThat(page.classification().entries()).extracting(Entry::number).containsExactly("32", "88", "6", "911", "007", "7");
    }

    @Test
    void pageHintsFromTitleAndHeading() {
        assertThat(page.info()).isEqualTo(new SroPageInfo(
                "Results | GT World Challenge Europe powered by AWS Sprint Cup | SRO", "Sprint Cup", "Race 1", "Misano World Circuit", 2023));
    }
}
