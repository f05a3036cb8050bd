package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

class ClassificationValidatorTest {

    private static Entry car(int position, String number, EntryStatus status, int line) {
        return new Entry(position, null, number, "Team", List.of(), null, "LMP2", null, null, null, null, status, 100,
                14_400_000L, null, null, null, line);
    }

    private static List<Entry> fine() {
        List<Entry> e = new ArrayList<>();
        e.add(car(1, "22", EntryStatus.CLASSIFIED, 2));
        e.add(car(2, "34", EntryStatus.CLASSIFIED, 3));
        e.add(car(3, "29", EntryStatus.NOT_CLASSIFIED, 4));
        e.add(car(4, "51", EntryStatus.DISQUALIFIED, 5));
        return e;
    }

    @Test
    void aConsistentClassificationPasses() {
        assertThat(ClassificationValidator.validate(fine(), true)).isEmpty();
    }

    @Test
    void atLeastOneEntry() {
        assertThat(ClassificationValidator.validate(List.of(), true)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no entries"));
    }

    @Test
    void positionsRunFromOneWithoutGaps() {
        List<Entry> e = fine();
        e.set(2, car(5, "29", EntryStatus.NOT_CLASSIFIED, 4));
        e.set(3, car(6, "51", EntryStatus.DISQUALIFIED, 5));
        assertThat(ClassificationValidator.validate(e, true)).singleElement().satisfies(p -> {
            assertThat(p.toString()).isEqualTo("line 4, field POSITION: position 5 where 3 was expected: positions run 1, 2, 3… in file order");
        });
    }

    @Test
    void positionsStartAtOne() {
        List<Entry> e = List.of(car(2, "22", EntryStatus.CLASSIFIED, 2));
        assertThat(ClassificationValidator.validate(e, true)).extracting(Problem::field).containsExactly("POSITION");
    }

    @Test
    void aCarNumberAppearsOnce() {
        List<Entry> e = fine();
        e.set(3, car(4, "34", EntryStatus.DISQUALIFIED, 5));
        assertThat(ClassificationValidator.validate(e, true)).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("line 5, field NUMBER: car \"34\" appears twice (also line 3)"));
    }

    @Test
    void classifiedCarsComeBeforeUnclassifiedOnes() {
        List<Entry> e = fine();
        e.set(3, car(4, "51", EntryStatus.CLASSIFIED, 5));
        assertThat(ClassificationValidator.validate(e, true)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("STATUS");
            assertThat(p.message()).contains("\"51\"", "\"29\"", "line 4");
        });
    }

    @Test
    void statusOrderIsNotCheckedWhereTheFileReportsNoStatus() {
        List<Entry> e = fine();
        e.set(3, car(4, "51", EntryStatus.CLASSIFIED, 5));
        assertThat(ClassificationValidator.validate(e, false)).isEmpty();
    }

    @Test
    void noNegativeLapsOrTimes() {
        List<Entry> e = new ArrayList<>(fine());
        e.set(0, new Entry(1, null, "22", null, List.of(), null, null, null, null, null, null, EntryStatus.CLASSIFIED, -1,
                -5L, Gap.time(-3), Gap.time(-4), null, 2));
        assertThat(ClassificationValidator.validate(e, true)).extracting(Problem::field)
                .containsExactly("LAPS", "TOTAL_TIME", "GAP_FIRST", "GAP_PREVIOUS");
    }

    @Test
    void negativeLapGapsAreAllowed() {
        List<Entry> e = new ArrayList<>(fine());
        e.set(3, new Entry(4, null, "51", null, List.of(), null, null, null, null, null, null, EntryStatus.DISQUALIFIED, 103,
                14_500_000L, Gap.laps(9), Gap.laps(-94), null, 5));
        assertThat(ClassificationValidator.validate(e, true)).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<Entry> e = fine();
        e.set(1, car(3, "22", EntryStatus.CLASSIFIED, 3));
        e.set(3, car(4, "51", EntryStatus.CLASSIFIED, 5));
        assertThat(ClassificationValidator.validate(e, true)).extracting(Problem::field)
                .containsExactly("POSITION", "NUMBER", "POSITION", "STATUS");
    }

    @Test
    void entriesWithoutLinesAreNamedByTheirIndex() {
        List<Entry> noLines = List.of(
                new Entry(1, null, "7", null, List.of(), null, null, null, null, null, null, EntryStatus.CLASSIFIED, 1, null, null, null, null, null),
                new Entry(2, null, "7", null, List.of(), null, null, null, null, null, null, EntryStatus.CLASSIFIED, 1, null, null, null, null, null));
        assertThat(ClassificationValidator.validate(noLines, true)).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("field NUMBER: entry 2: car \"7\" appears twice (also entry 1)"));
    }
}
