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

/** The real ELMS race classification (UTF-8 BOM, CRLF, trailing ';', DRIVER_5 after FL_KPH). */
class AlKamelRaceSampleTest {
    private static Classification race;
    private static Map<String, Entry> byNumber;

    @BeforeAll
    static void parse() throws FeedException {
        race = new AlKamelCsvParser().parse(Samples.text(Samples.ELMS_RACE));
        byNumber = race.entries().stream().collect(Collectors.toMap(Entry::number, Function.identity()));
    }

    private static Entry car(String number) { return byNumber.get(number); }

    @Test
    void everyRowIsRead() {
        assertThat(race.format()).isEqualTo(FeedFormat.ALKAMEL_RACE);
        assertThat(race.entries()).hasSize(47);
        assertThat(race.entries()).extracting(Entry::position).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 47).boxed().toList());
        assertThat(race.statusReported()).isTrue();
    }

    @Test
    void winnerRowFieldByField() {
        Entry e = race.entries().get(0);
        assertThat(e).isEqualTo(new Entry(1, null, "22", "United Autosports",
                List.of(new Driver("Griffin", "PEEBLES", null, null), new Driver("Grégoire", "SAUCY", null, null),
                        new Driver("Benjamin", "HANLEY", null, null)),
                "Oreca 07 - Gibson", "LMP2", null, null, null, "G", EntryStatus.CLASSIFIED, 112,
                4 * 3_600_000L + 1_773, null, null, new BestLap(6, 110_468, 189.7), 2));
    }

    @Test
    void secondRowHasTimeGapsAndAnAccentedFamilyName() {
        Entry e = car("34");
        assertThat(e.drivers()).containsExactly(new Driver("Bijoy", "GARG", null, null), new Driver("Reshad", "DE GÉRUS", null, null));
        assertThat(e.gap()).isEqualTo(Gap.time(8_569));
        assertThat(e.gapPrevious()).isEqualTo(Gap.time(8_569));
        assertThat(e.totalTimeMs()).isEqualTo(4 * 3_600_000L + 10_342);
        assertThat(e.sourceLine()).isEqualTo(3);
    }

    @Test
    void notClassifiedRowUnderAnHourWithLapGaps() {
        Entry e = car("50");
        assertThat(e).isEqualTo(new Entry(45, null, "50", "Richard Mille AF Corse",
                List.of(new Driver("Custodio", "TOLEDO", null, null), new Driver("Lilou", "WADOUX", null, null),
                        new Driver("Riccardo", "AGOSTINI", null, null)),
                "Ferrari 296 LMGT3 Evo", "LMGT3", null, null, null, "G", EntryStatus.NOT_CLASSIFIED, 9,
                21 * 60_000L + 19_554, Gap.laps(103), Gap.laps(18), new BestLap(6, 126_894, 165.1), 46));
    }

    @Test
    void disqualifiedRowKeepsItsNegativeLapGap() {
        Entry e = car("51");
        assertThat(e.position()).isEqualTo(46);
        assertThat(e.status()).isEqualTo(EntryStatus.DISQUALIFIED);
        assertThat(e.laps()).isEqualTo(103);
        assertThat(e.totalTimeMs()).isEqualTo(4 * 3_600_000L + 60_000 + 46_437);
        assertThat(e.gap()).isEqualTo(Gap.laps(9));
        assertThat(e.gapPrevious()).isEqualTo(Gap.laps(-94));
    }

    @Test
    void statusesAsPublished() {
        Map<EntryStatus, Long> counts = race.entries().stream().collect(Collectors.groupingBy(Entry::status, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                EntryStatus.CLASSIFIED, 40L, EntryStatus.NOT_CLASSIFIED, 5L, EntryStatus.DISQUALIFIED, 2L));
        assertThat(race.entries().subList(40, 45)).allMatch(e -> e.status() == EntryStatus.NOT_CLASSIFIED);
        assertThat(car("11").status()).isEqualTo(EntryStatus.DISQUALIFIED);
    }

    @Test
    void classesAsPublished() {
        assertThat(race.entries()).extracting(Entry::carClass).containsOnly("LMP2", "LMP2 Pro/Am", "LMP3", "LMGT3");
        assertThat(race.entries().stream().filter(e -> "LMGT3".equals(e.carClass())).count()).isEqualTo(14);
        assertThat(race.entries().stream().filter(e -> "LMP3".equals(e.carClass())).count()).isEqualTo(10);
    }

    @Test
    void classPositionsCountEveryCarOfTheClassInFileOrder() {
        Map<String, Integer> p = ClassPositions.assign(race.entries()).stream()
                .collect(Collectors.toMap(Entry::number, Entry::classPosition));
        assertThat(p).containsEntry("22", 1).containsEntry("43", 7).containsEntry("9", 8).containsEntry("29", 11)
                .containsEntry("27", 1).containsEntry("99", 2)
                .containsEntry("13", 1).containsEntry("31", 9).containsEntry("11", 10)
                .containsEntry("57", 1).containsEntry("54", 8).containsEntry("50", 13).containsEntry("51", 14);
    }

    @Test
    void missingGivenNameLeavesAnEmptyFirstName() {
        assertThat(car("77").drivers().get(0)).isEqualTo(new Driver("", "BANKCY", null, null));
        assertThat(car("77").drivers().get(1)).isEqualTo(new Driver("Huub", "VAN EIJNDHOVEN", null, null));
    }

    @Test
    void namesSplitAtTheCaseChange() {
        assertThat(car("88").drivers()).containsExactly(new Driver("Horst", "FELBERMAYR", null, null),
                new Driver("Horst Felix", "FELBERMAYR", null, null), new Driver("Rene", "BINDER", null, null));
        assertThat(car("28").drivers()).contains(new Driver("Job", "VAN UITERT", null, null), new Driver("Paul-Loup", "CHATIN", null, null));
        assertThat(car("62").drivers().get(0)).isEqualTo(new Driver("Abdulla Ali", "AL-KHELAIFI", null, null));
        assertThat(car("11").drivers()).containsExactly(new Driver("Matthew Richard", "BELL", null, null),
                new Driver("Douwe", "DEDECKER", null, null), new Driver("Max", "VAN DER SNEL", null, null));
        assertThat(car("7").drivers()).startsWith(new Driver("Jens Reno", "MØLLER", null, null), new Driver("Cem", "BÖLÜKBASI", null, null));
        assertThat(car("18").drivers().get(2)).isEqualTo(new Driver("Laurents", "HÖRR", null, null));
    }

    @Test
    void minuteGapAndOneLapGap() {
        assertThat(car("88").gapPrevious()).isEqualTo(Gap.time(74_288));
        assertThat(car("20").gap()).isEqualTo(Gap.laps(1));
    }
}
