package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/** The real 2014 ELMS Imola race classification: LF line ends, header stops at FL_KPH. */
class AlKamelImola2014SampleTest {
    private static Classification race;
    private static Map<String, Entry> byNumber;

    @BeforeAll
    static void parse() throws FeedException {
        race = new AlKamelCsvParser().parse(Samples.text(Samples.ELMS_2014));
        byNumber = race.entries().stream().collect(Collectors.toMap(Entry::number, Function.identity()));
    }

    @Test
    void everyRowIsRead() {
        assertThat(race.format()).isEqualTo(FeedFormat.ALKAMEL_RACE);
        assertThat(race.entries()).hasSize(37);
        assertThat(race.entries().get(36).sourceLine()).isEqualTo(38);
    }

    @Test
    void winnerRowFieldByField() {
        assertThat(race.entries().get(0)).isEqualTo(new Entry(1, null, "38", "Jota Sport",
                List.of(new Driver("Simon", "DOLAN", null, null), new Driver("Harry", "TINCKNELL", null, null),
                        new Driver("Filipe", "ALBUQUERQUE", null, null)),
                "Zytek Z11SN - Nissan", "LMP2", null, null, null, "D", EntryStatus.CLASSIFIED, 139,
                4 * 3_600_000L + 4_690, null, null, new BestLap(71, 96_144, 183.8), 2));
    }

    @Test
    void notClassifiedCarWithNegativeLapGapToTheCarAhead() {
        Entry e = byNumber.get("43");
        assertThat(e.position()).isEqualTo(33);
        assertThat(e.status()).isEqualTo(EntryStatus.NOT_CLASSIFIED);
        assertThat(e.laps()).isEqualTo(136);
        assertThat(e.totalTimeMs()).isEqualTo(3 * 3_600_000L + 54 * 60_000 + 58_952);
        assertThat(e.gap()).isEqualTo(Gap.laps(3));
        assertThat(e.gapPrevious()).isEqualTo(Gap.laps(-12));
    }

    @Test
    void statusesAndClasses() {
        assertThat(race.entries().stream().filter(e -> e.status() == EntryStatus.CLASSIFIED).count()).isEqualTo(32);
        assertThat(race.entries().stream().filter(e -> e.status() == EntryStatus.NOT_CLASSIFIED).count()).isEqualTo(5);
        assertThat(race.entries()).extracting(Entry::carClass).containsOnly("LMP2", "LMGTE", "GTC");
    }

    @Test
    void classPositionsForGteAndGtc() {
        Map<String, Integer> p = ClassPositions.assign(race.entries()).stream()
                .collect(Collectors.toMap(Entry::number, Entry::classPosition));
        assertThat(p).containsEntry("72", 1).containsEntry("65", 12).containsEntry("54", 14)
                .containsEntry("60", 1).containsEntry("62", 13).containsEntry("75", 14)
                .containsEntry("38", 1).containsEntry("34", 7).containsEntry("43", 8).containsEntry("48", 9);
    }

    @Test
    void hyphenatedAndSuffixedFamilyNames() {
        assertThat(byNumber.get("41").drivers().get(0)).isEqualTo(new Driver("Tom", "KIMBER-SMITH", null, null));
        assertThat(byNumber.get("56").drivers().get(0)).isEqualTo(new Driver("Alexander", "TALKANITSA JR", null, null));
        assertThat(byNumber.get("82").drivers().get(1)).isEqualTo(new Driver("Sébastien", "CRUBILÉ", null, null));
        assertThat(byNumber.get("95").drivers().get(0)).isEqualTo(new Driver("Adrien", "DE LEENER", null, null));
    }
}
