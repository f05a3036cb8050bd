package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;

/**
 * Every row of the real race and wide samples against a reading made here with a plain split: car,
 * position, status, laps, team, vehicle, class, and each driver's names exactly as the file writes
 * them. No car may come out without drivers.
 */
class AlKamelSamplesReadAgainTest {
    private static final Map<String, EntryStatus> WORDS = Map.of(
            "Classified", EntryStatus.CLASSIFIED, "Not classified", EntryStatus.NOT_CLASSIFIED,
            "Disqualified", EntryStatus.DISQUALIFIED, "Not started", EntryStatus.DID_NOT_START);

    private record Read(String[] header, List<String[]> rows) {
        int col(String name) {
            for (int i = 0; i < header.length; i++) if (header[i].strip().equals(name)) return i;
            return -1;
        }
    }

    private static Read read(String sample) {
        String[] lines = Samples.text(sample).split("\r?\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) if (!lines[i].isEmpty()) rows.add(lines[i].split(";", -1));
        return new Read(lines[0].split(";", -1), rows);
    }

    private static String cell(String[] row, int col) {
        String s = col < 0 || col >= row.length ? "" : row[col].strip();
        return s.isEmpty() ? null : s;
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.ELMS_RACE, Samples.ELMS_2014})
    void raceLayoutRowByRow(String sample) throws FeedException {
        Read f = read(sample);
        List<Entry> entries = new AlKamelCsvParser().parse(Samples.text(sample)).entries();
        assertThat(entries).hasSize(f.rows().size());
        for (int i = 0; i < entries.size(); i++) {
            String[] r = f.rows().get(i);
            Entry e = entries.get(i);
            assertThat(e.position()).as("%s line %d", sample, i + 2).isEqualTo(Integer.parseInt(r[f.col("POSITION")]));
            assertThat(e.number()).isEqualTo(r[f.col("NUMBER")]);
            assertThat(e.status()).isEqualTo(WORDS.get(r[f.col("STATUS")]));
            assertThat(e.laps()).isEqualTo(Integer.parseInt(r[f.col("LAPS")]));
            assertThat(e.team()).isEqualTo(cell(r, f.col("TEAM")));
            assertThat(e.car()).isEqualTo(cell(r, f.col("VEHICLE")));
            assertThat(e.carClass()).isEqualTo(cell(r, f.col("CLASS")));
            List<String> written = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                String name = cell(r, f.col("DRIVER_" + n));
                if (name != null) written.add(name);
            }
            assertThat(written).as("drivers of car %s", e.number()).isNotEmpty();
            // Given FAMILY put back together is the cell as written
            assertThat(e.drivers()).extracting(Driver::fullName).isEqualTo(written);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.WEC_WIDE, Samples.GRCUP_RESULTS})
    void driverBlockLayoutsRowByRow(String sample) throws FeedException {
        Read f = read(sample);
        List<Entry> entries = new AlKamelCsvParser().parse(Samples.text(sample)).entries();
        assertThat(entries).hasSize(f.rows().size());
        int pos = f.col("POS") >= 0 ? f.col("POS") : f.col("POSITION");
        for (int i = 0; i < entries.size(); i++) {
            String[] r = f.rows().get(i);
            Entry e = entries.get(i);
            assertThat(e.position()).as("%s line %d", sample, i + 2).isEqualTo(Integer.parseInt(r[pos]));
            assertThat(e.number()).isEqualTo(r[f.col("NUMBER")]);
            assertThat(e.team()).isEqualTo(cell(r, f.col("TEAM")));
            assertThat(e.car()).isEqualTo(cell(r, f.col("VEHICLE")));
            List<Driver> written = new ArrayList<>();
            for (String prefix : List.of("DRIVER_", "DRIVER1_", "DRIVER2_", "DRIVER3_", "DRIVER4_", "DRIVER5_", "DRIVER6_")) {
                String first = cell(r, f.col(prefix + "FIRSTNAME"));
                String second = cell(r, f.col(prefix + "SECONDNAME"));
                if (second != null) written.add(new Driver(first, second, cell(r, f.col(prefix + "COUNTRY")), null));
            }
            assertThat(written).as("drivers of car %s", e.number()).isNotEmpty();
            assertThat(e.drivers()).extracting(d -> d.firstName() + "|" + d.lastName() + "|" + d.nationality())
                    .isEqualTo(written.stream().map(d -> d.firstName() + "|" + d.lastName() + "|" + d.nationality()).toList());
        }
    }
}
