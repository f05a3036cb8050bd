package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each value a file writes in CLASS, GROUP or DIVISION placed in the series' classes and cups, on the real series files. */
class CategoriesTest {

    static final Path SERIES = Path.of("config/series");

    /** A car as a feed writes it: number, CLASS (or an SRO page's Class column, read as cup), GROUP, DIVISION. */
    record Written(String number, String carClass, String cup, String group, String division) {}

    static SessionResult race(String series, String season, Written... cars) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < cars.length; i++) {
            Written w = cars[i];
            entries.add(new Entry(i + 1, null, w.number(), "Team " + w.number(), List.of(), "Car", w.carClass(), w.cup(),
                    w.group(), w.division(), null, EntryStatus.CLASSIFIED, 50, null, null, null, null, i + 2));
        }
        return new SessionResult(series, season, new Event(1, "Monza", null, null),
                new Session(SessionType.RACE, "Race", null, "race", null, null), ResultStatus.OFFICIAL,
                new Source("alkamel-race", "Race.CSV", "0".repeat(64), null), true, entries);
    }

    static SeriesRules real(String id) {
        return SeriesRules.load(SERIES.resolve(id + ".yaml"));
    }

    @Test
    void aCupWrittenInClassKeepsTheCarInItsCupAndGivesItTheDefaultClass() {
        // a GT World Challenge Europe race file writing the cup in CLASS; an SRO page writing "Bronze Cup"
        var placed = new Categories(real("gtwc-europe")).place(race("gtwc-europe", "2023",
                new Written("7", "Bronze", null, null, null),
                new Written("93", null, "Bronze Cup", null, null),
                new Written("32", "PRO", null, null, null),
                new Written("88", "pro-am cup", null, null, null)));

        assertThat(placed.problems()).isEmpty();
        assertThat(placed.result().entries()).extracting(Entry::number, Entry::carClass, Entry::cup, Entry::classPosition)
                .containsExactly(tuple("7", "GT3", "Bronze", 1), tuple("93", "GT3", "Bronze", 2),
                        tuple("32", "GT3", "Pro", 3), tuple("88", "GT3", "Pro-Am", 4));
    }

    @Test
    void aValueThatMapsToNothingIsRefusedNamingWhatTheSeriesKnows() {
        Categories alms = new Categories(real("alms"));
        var placed = alms.place(race("alms", "2023-24",
                new Written("22", "LMP2", null, null, null),
                new Written("91", "LMGT3", null, null, null),
                new Written("92", "LMGT3", null, null, null),
                new Written("17", "LMP3", null, "Am", null)));

        assertThat(placed.result()).isNull();
        assertThat(placed.problems()).containsExactly(
                "\"LMGT3\", written for cars #91 (line 3), #92 (line 4), is not a class or cup of Asian Le Mans Series",
                "\"Am\", written for car #17 (line 5), is not a class or cup of Asian Le Mans Series");
        assertThat(alms.known()).isEqualTo("classes LMP2, LMP3, GT; cups none");
    }

    @Test
    void writtenValuesGiveAClassACupBothOrNothing() throws IOException {
        String text = Files.readString(SERIES.resolve("alms.yaml"))
                .replace("cups: []", "cups: [Pro-Am]")
                .replace("written: {}", "written: { \"LMP2 Pro/Am\": { class: LMP2, cup: Pro-Am }, \"LMGT3\": { class: GT },"
                        + " \"P/A\": { cup: Pro-Am }, \"Asian Le Mans\": {} }");
        Categories categories = new Categories(SeriesRules.parse(text, "alms.yaml"));

        var placed = categories.place(race("alms", "2023-24",
                new Written("30", "LMP2 Pro/Am", null, null, "Asian Le Mans"),
                new Written("91", "LMGT3", null, "P/A", null),
                new Written("22", "lmp2", null, null, "ASIAN LE MANS")));

        assertThat(placed.problems()).isEmpty();
        assertThat(placed.result().entries()).extracting(Entry::number, Entry::carClass, Entry::cup, Entry::group, Entry::division)
                .containsExactly(tuple("30", "LMP2", "Pro-Am", null, "Asian Le Mans"),
                        tuple("91", "GT", "Pro-Am", "P/A", null),
                        tuple("22", "LMP2", null, null, "ASIAN LE MANS"));
        assertThat(categories.known()).isEqualTo("classes LMP2, LMP3, GT; cups Pro-Am; also written: \"LMP2 Pro/Am\""
                + " (class LMP2, cup Pro-Am), \"LMGT3\" (class GT), \"P/A\" (cup Pro-Am), \"Asian Le Mans\" (names no class or cup)");
    }

    @Test
    void twoClassesForOneCarAndACarWithoutAClassAreRefused() throws IOException {
        var placed = new Categories(real("alms")).place(race("alms", "2023-24",
                new Written("22", "LMP2", null, null, "GT"),
                new Written("5", null, null, null, null)));

        assertThat(placed.problems()).containsExactly(
                "car #22 (line 2) is written both class LMP2 and class GT",
                "car #5 (line 3) has no class: the file writes none, and the series has no defaultClass");
    }
}
