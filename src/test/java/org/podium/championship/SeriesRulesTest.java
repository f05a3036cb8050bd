package org.podium.championship;

import org.podium.support.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesRulesTest {
    private static final Path SERIES = Path.of("config/series");

    private static String real(String id) throws IOException {
        return Files.readString(SERIES.resolve(id + ".yaml"));
    }

    /** The real alms.yaml with one piece of text replaced, parsed under its real name. */
    private static SeriesRules almsWith(String from, String to) throws IOException {
        String text = real("alms");
        assertThat(text).contains(from);
        return SeriesRules.parse(text.replace(from, to), "config/series/alms.yaml");
    }

    @Test
    void theRealSeriesFilesLoad() {
        SeriesCatalog catalog = SeriesCatalog.load(SERIES);

        assertThat(catalog.ids()).containsExactly("alms", "gtwc-asia", "gtwc-europe");
    }

    @Test
    void asianLeMansSeasonHasFiveRacesInThreeRounds() {
        SeriesRules alms = SeriesRules.load(SERIES.resolve("alms.yaml"));

        SeasonCalendar season = alms.requireCalendar("2023-24");
        assertThat(season.rounds()).extracting(CalendarRound::event).containsExactly("Sepang", "Dubai", "Abu Dhabi");
        assertThat(season.rounds()).flatExtracting(CalendarRound::races).hasSize(5)
                .allSatisfy(r -> assertThat(r.planned()).isEqualTo(Duration.ofHours(4)));
    }

    @Test
    void asianLeMansScaleGivesHalfAPointBeyondTenthAndOneForPole() {
        SeriesRules alms = SeriesRules.load(SERIES.resolve("alms.yaml"));

        PointsScale race = alms.scoring().kinds().get("race");
        assertThat(race.forPlace(1)).isEqualTo(25);
        assertThat(race.forPlace(10)).isEqualTo(1);
        assertThat(race.forPlace(14)).isEqualTo(0.5);
        assertThat(alms.scoring().pole().points()).isEqualTo(1);
        assertThat(alms.scoring().classification().minShareOfWinnerDistance()).isEqualTo(0.70);
        assertThat(alms.teamScoring()).isEqualTo(TeamScoring.EACH_CAR_SEPARATELY);
        assertThat(alms.tieBreak()).extracting(TieBreak::id).containsExactly("countback");
    }

    @Test
    void spaStagesAfterSixAndTwelveHoursGiveNoPole() {
        SeriesRules europe = SeriesRules.load(SERIES.resolve("gtwc-europe.yaml"));

        CalendarRound spa = europe.requireCalendar("2023").round(4).orElseThrow();
        assertThat(spa.races()).extracting(CalendarRace::session, CalendarRace::kind, CalendarRace::pole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Race after 6 hours", "24h-6h", false),
                        org.assertj.core.groups.Tuple.tuple("Race after 12 hours", "24h-12h", false),
                        org.assertj.core.groups.Tuple.tuple("Race", "24h-finish", true));
        assertThat(europe.scoring().kinds().get("sprint").points())
                .containsExactly(16.5, 12.0, 9.5, 7.5, 6.0, 4.5, 3.0, 2.0, 1.0, 0.5);
    }

    @Test
    void asiaTieBreakIsWinsThenCountback() {
        SeriesRules asia = SeriesRules.load(SERIES.resolve("gtwc-asia.yaml"));

        assertThat(asia.tieBreak()).extracting(TieBreak::id).containsExactly("wins", "countback");
        assertThat(asia.defaultClass()).isEqualTo("GT3");
        assertThat(asia.cups()).containsExactly("Pro-Am", "Silver", "Am", "GT4");
    }

    @Test
    void aPointsValueThatIsNotANumberNamesFileKeyAndProblem() {
        assertThatThrownBy(() -> almsWith("points: [25, 18, 15, 12,", "points: [25, 18, 15, \"x\","))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/series/alms.yaml: scoring.kinds.race.points[3]: must be a number ≥ 0, was \"x\"");
    }

    @Test
    void pointsThatRiseDownTheOrderAreRejected() {
        assertThatThrownBy(() -> almsWith("points: [25, 18, 15, 12,", "points: [25, 18, 19, 12,"))
                .hasMessage("config/series/alms.yaml: scoring.kinds.race.points[2]: points must not rise down the order: 19 after 18");
    }

    @Test
    void anUnknownKeyIsRejected() {
        assertThatThrownBy(() -> almsWith("    beyondScale: 0.5", "    beyondscale: 0.5"))
                .hasMessageStartingWith("config/series/alms.yaml: scoring.kinds.race.beyondscale: unknown key (expected one of: points, beyondScale)");
    }

    @Test
    void aRaceKindUsedInTheCalendarMustBeDefined() {
        assertThatThrownBy(() -> almsWith("- { race: 1, kind: race, planned: PT4H, date: 2024-02-04 }",
                "- { race: 1, kind: sprint, planned: PT4H, date: 2024-02-04 }"))
                .hasMessage("config/series/alms.yaml: seasons.2023-24.rounds[1].races[0].kind: race kind \"sprint\""
                        + " is not defined under scoring.kinds (defined: race)");
    }

    @Test
    void aShareOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> almsWith("minShareOfWinnerDistance: 0.70", "minShareOfWinnerDistance: 70"))
                .hasMessage("config/series/alms.yaml: scoring.classification.minShareOfWinnerDistance: must be a number from 0 to 1, was 70");
    }

    @Test
    void aRoundNumberUsedTwiceIsRejected() {
        assertThatThrownBy(() -> almsWith("- round: 3\n", "- round: 2\n"))
                .hasMessage("config/series/alms.yaml: seasons.2023-24.rounds[2].round: round 2 appears twice (also seasons.2023-24.rounds[1])");
    }

    @Test
    void anUnknownTieBreakIsRejected() {
        assertThatThrownBy(() -> almsWith("tieBreak: [countback]", "tieBreak: [coin-toss]"))
                .hasMessage("config/series/alms.yaml: tieBreak[0]: must be wins, countback or kind-wins:<kind prefix>, was \"coin-toss\"");
    }

    @Test
    void aPlannedDurationMustBeIso8601() {
        assertThatThrownBy(() -> almsWith("planned: PT4H, date: 2024-02-04", "planned: 4 hours, date: 2024-02-04"))
                .hasMessage("config/series/alms.yaml: seasons.2023-24.rounds[1].races[0].planned: must be an ISO-8601 duration such as PT4H or PT1H30M, was \"4 hours\"");
    }

    @Test
    void cupTablesNeedCups() {
        assertThatThrownBy(() -> almsWith("  - { ranks: cars,    scope: class }", "  - { ranks: cars,    scope: cup }"))
                .hasMessage("config/series/alms.yaml: tables[2].scope: is cup, but the series lists no cups");
    }

    @Test
    void aKeyWrittenTwiceIsRejected() {
        assertThatThrownBy(() -> almsWith("cups: []", "cups: []\ncups: [Bronze]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/series/alms.yaml: line ")
                .hasMessageContaining("Duplicate field 'cups'");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> SeriesRules.parse("id: x\nname: [unclosed\n", "config/series/x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/series/x.yaml: line ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aBadFileInTheFolderFailsTheCatalogNamingThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("alms.yaml"), real("alms"));
        Files.writeString(dir.resolve("broken.yaml"), real("gtwc-asia").replace("byStatus: false", "byStatus: maybe"));

        assertThatThrownBy(() -> SeriesCatalog.load(dir))
                .hasMessage(dir.resolve("broken.yaml") + ": scoring.classification.byStatus: must be true or false, was \"maybe\"");
    }

    @Test
    void twoFilesWithTheSameSeriesIdAreRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), real("alms"));
        Files.writeString(dir.resolve("b.yaml"), real("alms"));

        assertThatThrownBy(() -> SeriesCatalog.load(dir))
                .hasMessage(dir.resolve("b.yaml") + ": id: series id \"alms\" is also used by " + dir.resolve("a.yaml"));
    }

    @Test
    void aSeasonNotInTheRulesIsNamedWithTheKnownOnes() {
        SeriesRules alms = SeriesRules.load(SERIES.resolve("alms.yaml"));

        assertThatThrownBy(() -> alms.requireCalendar("2099"))
                .hasMessageContaining("series alms has no season \"2099\"")
                .hasMessageContaining("known: 2023, 2023-24");
    }
    @Test
    void aRaceDateMustBeADate() throws IOException {
        assertThatThrownBy(() -> almsWith("date: 2024-02-04", "date: 4 February 2024"))
                .hasMessage("config/series/alms.yaml: seasons.2023-24.rounds[1].races[0].date: must be a date written"
                        + " YYYY-MM-DD, such as 2023-04-23, was \"4 February 2024\"");
    }

    @Test
    void theRealCalendarsHaveEveryRoundAndRaceOf2023() {
        SeriesRules europe = SeriesRules.load(SERIES.resolve("gtwc-europe.yaml"));
        SeriesRules asia = SeriesRules.load(SERIES.resolve("gtwc-asia.yaml"));
        SeriesRules alms = SeriesRules.load(SERIES.resolve("alms.yaml"));

        assertThat(europe.requireCalendar("2023").rounds()).extracting(CalendarRound::event).containsExactly(
                "Monza", "Brands Hatch", "Paul Ricard", "Spa", "Misano", "Nürburgring", "Hockenheim", "Valencia",
                "Barcelona", "Zandvoort");
        assertThat(asia.requireCalendar("2023").rounds()).extracting(CalendarRound::event)
                .containsExactly("Buriram", "Fuji", "Suzuka", "Motegi", "Okayama", "Sepang");
        assertThat(asia.requireCalendar("2023").rounds()).allSatisfy(r -> assertThat(r.races()).hasSize(2));
        assertThat(alms.requireCalendar("2023").rounds()).extracting(CalendarRound::event).containsExactly("Dubai", "Abu Dhabi");
        assertThat(alms.requireCalendar("2023-24").rounds()).extracting(r -> r.event() + " " + r.races().size())
                .containsExactly("Sepang 2", "Dubai 1", "Abu Dhabi 2");
        // every race of every real season carries its date
        for (SeriesRules rules : List.of(europe, asia, alms)) {
            rules.seasons().values().forEach(c -> c.rounds().forEach(r -> r.races().forEach(race ->
                    assertThat(race.date()).as(rules.id() + " " + r.event() + " race " + race.race()).isNotNull())));
        }
        assertThat(europe.requireCalendar("2023").round(4).orElseThrow().races()).extracting(CalendarRace::date)
                .containsExactly(java.time.LocalDate.of(2023, 7, 1), java.time.LocalDate.of(2023, 7, 2),
                        java.time.LocalDate.of(2023, 7, 2));
    }

    @Test
    void aWrittenValueMustMeanAClassOrCupOfTheSeries() throws IOException {
        assertThatThrownBy(() -> almsWith("written: {}", "written: { \"LMGT3\": { class: GT3 } }"))
                .hasMessage("config/series/alms.yaml: written.LMGT3.class: must be one of the classes [LMP2, LMP3, GT], was \"GT3\"");
        assertThatThrownBy(() -> almsWith("written: {}", "written: { \"lmp2\": { class: LMP2 } }"))
                .hasMessageContaining("\"lmp2\" is already known as class LMP2");
        assertThatThrownBy(() -> almsWith("written: {}", "written: { \"GR Cup\": }"))
                .hasMessageContaining("written.GR Cup: must say what it means");
        SeriesRules alms = almsWith("written: {}", "written: { \"LMGT3\": { class: GT }, \"GR Cup\": {} }");
        assertThat(alms.written()).extracting(w -> w.value() + " -> " + Categories.describe(w.meaning()))
                .containsExactly("LMGT3 -> class GT", "GR Cup -> names no class or cup");
    }
}
