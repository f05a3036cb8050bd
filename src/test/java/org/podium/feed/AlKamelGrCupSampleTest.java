package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Gap;

/**
 * The real 2025 Toyota GR Cup Indianapolis race 2 exports: the "Results" file with its one
 * unnumbered driver block, and the "Results by Class" file published beside it. Each is checked
 * against a reading of the file made here with a plain split, and the two against each other.
 */
class AlKamelGrCupSampleTest {
    private static Classification results;
    private static Classification byClass;

    @BeforeAll
    static void parse() throws FeedException {
        results = new AlKamelCsvParser().parse(Samples.text(Samples.GRCUP_RESULTS));
        byClass = new AlKamelCsvParser().parse(Samples.text(Samples.GRCUP_BY_CLASS));
    }

    /** The file's data lines split on ';', the header's names as written, nothing else. */
    private static List<String[]> rows(String sample) {
        List<String[]> out = new ArrayList<>();
        String[] lines = Samples.text(sample).split("\r?\n");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isEmpty()) out.add(lines[i].split(";", -1));
        return out;
    }

    private static int column(String sample, String name) {
        String[] header = Samples.text(sample).split("\r?\n")[0].split(";", -1);
        for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
        throw new AssertionError("no column " + name + " in " + sample);
    }

    @Test
    void resultsAreTheResultsLayoutWithStatus() throws FeedException {
        assertThat(new FormatDetector().detect(Samples.bytes(Samples.GRCUP_RESULTS)).format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
        assertThat(results.format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS);
        assertThat(results.statusReported()).isTrue();
        assertThat(results.entries()).hasSize(29);
    }

    @Test
    void firstThreeCarsExactly() {
        List<Entry> e = results.entries();
        assertThat(e.get(0)).isEqualTo(new Entry(1, null, "13", "BSI Racing", List.of(new Driver("Westin", "Workman", "USA", null)),
                "Toyota GR86", null, "Am", null, "GR Cup", null, EntryStatus.CLASSIFIED, 23, 45 * 60_000L + 30_694,
                null, null, new BestLap(13, 100_747, 140.3), 2));
        assertThat(e.get(1)).isEqualTo(new Entry(2, null, "55", "RVA Graphics Motorsports by Speed Syndicate",
                List.of(new Driver("Spike", "Kohlbecker", "USA", null)), "Toyota GR86", null, "Am", null, "GR Cup", null,
                EntryStatus.CLASSIFIED, 23, 45 * 60_000L + 30_850, Gap.time(156), Gap.time(156), new BestLap(12, 100_409, 140.7), 3));
        assertThat(e.get(2)).isEqualTo(new Entry(3, null, "7", "Copeland Motorsports", List.of(new Driver("Jaxon", "Bell", "USA", null)),
                "Toyota GR86", null, "Am", null, "GR Cup", null, EntryStatus.CLASSIFIED, 23, 45 * 60_000L + 31_601,
                Gap.time(907), Gap.time(751), new BestLap(13, 100_801, 140.2), 4));
    }

    @Test
    void everyCarOfTheResultsFileFieldByField() {
        String f = Samples.GRCUP_RESULTS;
        int pos = column(f, "POSITION"), num = column(f, "NUMBER"), status = column(f, "STATUS"), laps = column(f, "LAPS"),
                team = column(f, "TEAM"), group = column(f, "GROUP"), first = column(f, "DRIVER_FIRSTNAME"),
                second = column(f, "DRIVER_SECONDNAME"), country = column(f, "DRIVER_COUNTRY");
        List<String[]> rows = rows(f);
        assertThat(results.entries()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            Entry e = results.entries().get(i);
            assertThat(e.position()).as("line %d", i + 2).isEqualTo(Integer.parseInt(r[pos]));
            assertThat(e.number()).isEqualTo(r[num]);
            assertThat(r[status]).isEqualTo("Classified");
            assertThat(e.status()).isEqualTo(EntryStatus.CLASSIFIED);
            assertThat(e.laps()).isEqualTo(Integer.parseInt(r[laps]));
            assertThat(e.team()).isEqualTo(r[team]);
            assertThat(e.group()).isEqualTo(r[group].isEmpty() ? null : r[group]);
            assertThat(e.drivers()).as("drivers of car %s", r[num]).containsExactly(new Driver(r[first], r[second], r[country], null));
        }
    }

    @Test
    void noCarWithoutDrivers() {
        assertThat(results.entries()).allSatisfy(e -> assertThat(e.drivers()).isNotEmpty());
        assertThat(byClass.entries()).allSatisfy(e -> assertThat(e.drivers()).isNotEmpty());
    }

    @Test
    void carNumbersKeepTheirLeadingZeros() {
        assertThat(results.entries()).extracting(Entry::number).contains("021", "03", "3");
    }

    @Test
    void lapGapsAndGapsOverAMinute() {
        Entry forman = results.entries().get(21);
        assertThat(forman.number()).isEqualTo("03");
        assertThat(forman.gap()).isEqualTo(Gap.time(76_855));
        assertThat(forman.gapPrevious()).isEqualTo(Gap.time(56_571));
        Entry llano = results.entries().get(22);
        assertThat(llano.gap()).isEqualTo(Gap.laps(1));
        assertThat(llano.drivers()).containsExactly(new Driver("Ramon", "Llano", "MEX", null));
    }

    @Test
    void resultsByClassIsItsOwnLayoutWithoutStatus() throws FeedException {
        assertThat(new FormatDetector().detect(Samples.bytes(Samples.GRCUP_BY_CLASS)).format())
                .isEqualTo(FeedFormat.ALKAMEL_RESULTS_BY_CLASS);
        assertThat(byClass.format()).isEqualTo(FeedFormat.ALKAMEL_RESULTS_BY_CLASS);
        assertThat(byClass.statusReported()).isFalse();
        assertThat(byClass.entries()).hasSize(29);
        assertThat(byClass.entries().get(0)).isEqualTo(new Entry(1, null, "13", "BSI Racing",
                List.of(new Driver("Westin", "Workman", null, null)), "Toyota GR86", null, "Am", null, null, null,
                EntryStatus.CLASSIFIED, 23, 45 * 60_000L + 30_694, null, null, new BestLap(13, 100_747, 140.3), 2));
    }

    @Test
    void everyCarOfTheResultsByClassFileFieldByField() {
        String f = Samples.GRCUP_BY_CLASS;
        int cls = column(f, "CLASS_TYPE"), pos = column(f, "POS"), num = column(f, "NUMBER"), team = column(f, "TEAM"),
                vehicle = column(f, "VEHICLE"), driver = column(f, "DRIVER"), laps = column(f, "LAPS");
        List<String[]> rows = rows(f);
        assertThat(byClass.entries()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            Entry e = byClass.entries().get(i);
            assertThat(e.position()).as("line %d", i + 2).isEqualTo(Integer.parseInt(r[pos]));
            assertThat(e.number()).isEqualTo(r[num]);
            assertThat(e.cup()).isEqualTo(r[cls]);
            assertThat(e.team()).isEqualTo(r[team]);
            assertThat(e.car()).isEqualTo(r[vehicle]);
            assertThat(e.laps()).isEqualTo(Integer.parseInt(r[laps]));
            assertThat(e.drivers()).singleElement().satisfies(d -> assertThat(d.fullName()).isEqualTo(r[driver]));
        }
    }

    @Test
    void bothFilesOfTheRaceAgree() {
        assertThat(byClass.entries()).hasSameSizeAs(results.entries());
        for (int i = 0; i < results.entries().size(); i++) {
            Entry r = results.entries().get(i);
            Entry c = byClass.entries().get(i);
            assertThat(c.position()).isEqualTo(r.position());
            assertThat(c.number()).isEqualTo(r.number());
            assertThat(c.team()).isEqualTo(r.team());
            assertThat(c.car()).isEqualTo(r.car());
            assertThat(c.cup()).isEqualTo(r.cup());
            assertThat(c.laps()).isEqualTo(r.laps());
            assertThat(c.totalTimeMs()).isEqualTo(r.totalTimeMs());
            assertThat(c.gap()).as("gap of car %s", r.number()).isEqualTo(r.gap());
            assertThat(c.bestLap()).isEqualTo(r.bestLap());
            // the Results file adds the country; the names are the same
            assertThat(c.drivers()).extracting(d -> d.firstName() + "|" + d.lastName())
                    .isEqualTo(r.drivers().stream().map(d -> d.firstName() + "|" + d.lastName()).toList());
        }
    }

    @Test
    void aMixedCaseFamilyNameSplitsAtTheLastSpace() {
        assertThat(byClass.entries().get(15).drivers()).containsExactly(new Driver("Parker", "DeLong", null, null));
    }
}
