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
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/** The real WEC wide session classification: rows shorter than the header, LAP=0 cars, DRIVERn_ blocks. */
class AlKamelWideSampleTest {
    private static Classification session;
    private static Map<String, Entry> byNumber;

    @BeforeAll
    static void parse() throws FeedException {
        session = new AlKamelCsvParser().parse(Samples.text(Samples.WEC_WIDE));
        byNumber = session.entries().stream().collect(Collectors.toMap(Entry::number, Function.identity()));
    }

    @Test
    void everyRowIsReadWithoutReportedStatus() {
        assertThat(session.format()).isEqualTo(FeedFormat.ALKAMEL_WIDE);
        assertThat(session.entries()).hasSize(62);
        assertThat(session.statusReported()).isFalse();
        assertThat(session.entries()).allMatch(e -> e.status() == EntryStatus.CLASSIFIED);
    }

    @Test
    void fastestRowFieldByField() {
        assertThat(session.entries().get(0)).isEqualTo(new Entry(1, null, "51", "Ferrari AF Corse",
                List.of(new Driver("Alessandro", "PIER GUIDI", "ITA", DriverCategory.PLATINUM),
                        new Driver("James", "CALADO", "GBR", DriverCategory.PLATINUM),
                        new Driver("Antonio", "GIOVINAZZI", "ITA", DriverCategory.PLATINUM)),
                "Ferrari 499P", "HYPERCAR", null, null, null, "M", EntryStatus.CLASSIFIED, 5,
                206_540L, null, null, new BestLap(2, 206_540, 237.5), 2));
    }

    @Test
    void plusGapsAreTimes() {
        assertThat(byNumber.get("50").gap()).isEqualTo(Gap.time(356));
        assertThat(byNumber.get("50").gapPrevious()).isEqualTo(Gap.time(356));
        assertThat(byNumber.get("62").gap()).isEqualTo(Gap.time(34_194));
    }

    @Test
    void groupAndLicenceCategories() {
        Entry e = byNumber.get("4");
        assertThat(e.carClass()).isEqualTo("LMP2");
        assertThat(e.group()).isEqualTo("P/A");
        assertThat(e.drivers()).containsExactly(new Driver("George", "KURTZ", "USA", DriverCategory.BRONZE),
                new Driver("Alexander", "QUINN", "GBR", DriverCategory.GOLD),
                new Driver("Laurin", "HEINRICH", "GER", DriverCategory.GOLD));
        assertThat(byNumber.get("343").drivers().get(0).category()).isEqualTo(DriverCategory.SILVER);
    }

    @Test
    void carsWithoutATimeHaveLapZeroAndNoTime() {
        List<Entry> untimed = session.entries().subList(49, 62);
        assertThat(untimed).allMatch(e -> e.totalTimeMs() == null && e.bestLap() == null && e.gap() == null);
        assertThat(session.entries().subList(0, 49)).allMatch(e -> e.totalTimeMs() != null);
        Entry e = byNumber.get("10");
        assertThat(e.position()).isEqualTo(50);
        assertThat(e.laps()).isEqualTo(3);
        assertThat(byNumber.get("13").laps()).isZero();
    }

    @Test
    void carNumbersAreStrings() {
        assertThat(byNumber.get("007").team()).isEqualTo("Aston Martin Thor Team");
        assertThat(byNumber.get("7").team()).isEqualTo("Toyota Racing");
        assertThat(byNumber.get("009").position()).isEqualTo(13);
    }

    @Test
    void accentedAndMultiWordNamesFromTheirOwnColumns() {
        assertThat(byNumber.get("87").drivers()).containsExactly(
                new Driver("Petru", "UMBRÄRESCU", "ROU", DriverCategory.BRONZE),
                new Driver("Clemens", "SCHMID", "AUT", DriverCategory.SILVER),
                new Driver("José María", "LÓPEZ", "ARG", DriverCategory.PLATINUM));
        assertThat(byNumber.get("2").drivers().get(0)).isEqualTo(new Driver("Prince Jefri", "IBRAHIM", "MAS", DriverCategory.BRONZE));
        assertThat(byNumber.get("24").drivers().get(0)).isEqualTo(new Driver("David", "HEINEMEIER HANSSON", "DEN", DriverCategory.SILVER));
        assertThat(byNumber.get("343").drivers().get(1)).isEqualTo(new Driver("Reshad", "DE GÉRUS", "FRA", DriverCategory.GOLD));
    }

    @Test
    void classPositionsIncludeCarsWithoutATime() {
        Map<String, Integer> p = ClassPositions.assign(session.entries()).stream()
                .collect(Collectors.toMap(Entry::number, Entry::classPosition));
        assertThat(p).containsEntry("51", 1).containsEntry("17", 16).containsEntry("83", 17).containsEntry("94", 18)
                .containsEntry("4", 1).containsEntry("25", 17).containsEntry("24", 18).containsEntry("44", 19)
                .containsEntry("33", 1).containsEntry("62", 16).containsEntry("10", 17).containsEntry("150", 25);
    }
}
