package org.podium.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podium.demo.DemoFigures.ALMS;
import static org.podium.demo.DemoFigures.ALMS_SEASON;
import static org.podium.demo.DemoFigures.ASIA;
import static org.podium.demo.DemoFigures.BRONZE;
import static org.podium.demo.DemoFigures.EUROPE;
import static org.podium.demo.DemoFigures.SRO_SEASON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.podium.demo.DemoFigures.Combined;
import org.podium.demo.DemoFigures.Standing;
import org.podium.demo.DemoFiles.Document;
import org.podium.demo.DemoFiles.Row;
import org.podium.demo.DemoScorer.CalendarRace;

/**
 * The demo season read back from its committed files: the feed quirks it is meant to show, the
 * internal consistency of every classification, and the designed outcomes, scored with the points
 * tables in the demo's own {@code config/series/*.yaml}.
 */
class DemoSeasonOutcomesTest {

    static List<Document> docs;
    static DemoFigures figures;
    static int provisionalStep, officialStep, afterSpaStep, lastStep;

    @BeforeAll
    static void load() {
        docs = DemoFiles.load(DemoFiles.DEMO);
        figures = new DemoFigures(docs);
        provisionalStep = figures.stepOf(ALMS, "Abu Dhabi", "Race 2", "_Provisional");
        officialStep = figures.stepOf(ALMS, "Abu Dhabi", "Race 2", "_Official");
        afterSpaStep = figures.stepOf(EUROPE, "Spa", "Race", "Race_Official");
        lastStep = figures.steps;
    }

    // ------------------------------------------------------------------------------------------
    // The steps

    @Test
    void stepsAreNumberedInOrderAndRunInCalendarOrder() {
        List<String> steps = DemoFiles.steps(DemoFiles.DEMO);
        LocalDate previous = LocalDate.MIN;
        for (int i = 0; i < steps.size(); i++) {
            String s = steps.get(i);
            assertThat(s).startsWith(String.format("%02d-", i + 1));
            LocalDate date = LocalDate.parse(s.substring(3, 13));
            assertThat(date).as(s).isAfterOrEqualTo(previous);
            previous = date;
        }
    }

    @Test
    void stepsTxtListsEveryStepFolderAndNothingElse() throws IOException {
        try (Stream<Path> dirs = Files.list(DemoFiles.DEMO.resolve("steps"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(DemoFiles.steps(DemoFiles.DEMO));
        }
    }

    @Test
    void amendedRaceIsPublishedProvisionalFirstThenOfficialInALaterStep() {
        assertThat(provisionalStep).isLessThan(officialStep);
        assertThat(officialStep).isEqualTo(lastStep);
    }

    @Test
    void everyCalendarRaceHasAClassification() {
        for (DemoScorer scorer : List.of(figures.alms, figures.asia, figures.europe)) {
            String season = scorer.series.equals(ALMS) ? ALMS_SEASON : SRO_SEASON;
            Set<String> run = docs.stream().filter(d -> d.series().equals(scorer.series) && d.race())
                    .map(d -> scorer.raceOf(d).id()).collect(Collectors.toSet());
            assertThat(run).as(scorer.series)
                    .containsExactlyInAnyOrderElementsOf(scorer.calendar(season).stream().map(CalendarRace::id).toList());
        }
    }

    @Test
    void everyScoringPoleHasTheQualifyingThatSetItsGrid() {
        for (DemoScorer scorer : List.of(figures.alms, figures.europe)) {
            String season = scorer.series.equals(ALMS) ? ALMS_SEASON : SRO_SEASON;
            Set<String> gridded = docs.stream().filter(d -> d.series().equals(scorer.series) && d.qualifying())
                    .flatMap(q -> scorer.gridOf(q).stream()).map(CalendarRace::id).collect(Collectors.toSet());
            assertThat(gridded).as(scorer.series).containsExactlyInAnyOrderElementsOf(
                    scorer.calendar(season).stream().filter(CalendarRace::pole).map(CalendarRace::id).toList());
        }
    }

    // ------------------------------------------------------------------------------------------
    // The feed quirks on show

    @Test
    void alKamelFilesHaveABomCrlfAndATrailingSemicolonOnEveryLine() throws IOException {
        for (Path f : files(".CSV")) {
            if (f.toString().contains("Qualifying_Official")) continue; // the Windows-1252 one, below
            byte[] raw = Files.readAllBytes(f);
            assertThat(raw).as(f.toString()).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(raw, StandardCharsets.UTF_8);
            assertThat(text.replace("\r\n", "")).as(f.toString()).doesNotContain("\n", "\r");
            for (String line : text.split("\r\n")) assertThat(line).as(f.toString()).endsWith(";");
        }
    }

    @Test
    void dubaiQualifyingIsWindows1252WithoutABom() throws IOException {
        Path f = files(".CSV").stream().filter(p -> p.toString().contains("02_Dubai")
                && p.getFileName().toString().equals("03_Classification_Qualifying_Official.CSV")).findFirst().orElseThrow();
        byte[] raw = Files.readAllBytes(f);

        assertThat(raw[0]).isEqualTo((byte) 'P');
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\uFFFD");
        assertThat(DemoFiles.decode(raw)).contains(";Grégoire;LAMBERTIN;", ";Sven;MÜLLER;");
    }

    @Test
    void asianLeMansRacesUseTheRaceLayoutAndQualifyingTheWideLayout() {
        for (Document d : docs) {
            if (!d.series().equals(ALMS)) continue;
            assertThat(d.layout()).as(d.file()).isEqualTo(d.race() ? "alkamel-race" : "alkamel-wide");
        }
    }

    @Test
    void wideRowsStopShortOfTheHeaderAsThePublishedFilesDo() throws IOException {
        for (Path f : files(".CSV")) {
            String text = DemoFiles.decode(Files.readAllBytes(f));
            if (!text.startsWith("POS;")) continue;
            String[] lines = text.split("\r\n");
            assertThat(lines[0].split(";", -1)).hasSize(91);
            for (int i = 1; i < lines.length; i++) assertThat(lines[i].split(";", -1)).as(f + " line " + (i + 1)).hasSize(76);
        }
    }

    @Test
    void asianLeMansShowsEveryStatusWordOnce() {
        Map<String, Integer> statuses = new HashMap<>();
        for (Document d : DemoFiles.current(docs, lastStep)) {
            if (d.series().equals(ALMS) && d.race()) d.rows().forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        }
        assertThat(statuses).containsKeys("Classified", "Not classified").containsEntry("Retired", 1).containsEntry("Disqualified", 1);
    }

    @Test
    void notClassifiedRowsCarryANegativeGapToTheRowAbove() {
        assertThat(docs.stream().filter(d -> d.layout().equals("alkamel-race")).flatMap(d -> d.rows().stream())
                .filter(r -> r.gapPrevious().startsWith("-"))).isNotEmpty().allMatch(r -> r.gapPrevious().endsWith(" Laps"));
    }

    @Test
    void asianLeMansNamesCarryAccentsMultiWordPartsAndAMissingGivenName() throws IOException {
        String sepang = Files.readString(files(".CSV").stream()
                .filter(p -> p.getFileName().toString().equals("03_Classification_Race 1_Hour 4_Official.CSV")).findFirst().orElseThrow());
        assertThat(sepang).contains(";Grégoire LAMBERTIN;", ";Sven MÜLLER;", ";Jiří KRAUSOVSKÝ;", ";Anna Lena VAN DER KOOIJ;",
                ";Carlos DE LA PEÑA;", "; GECKO;");
    }

    @Test
    void everyAsianLeMansCrewHasABronzeDriver() {
        for (Document d : docs) {
            if (!d.layout().equals("alkamel-wide")) continue;
            for (Row r : d.rows()) assertThat(r.categories()).as(d.file() + " #" + r.number()).contains("B");
        }
    }

    @Test
    void sepangRace1ComesAsAnHour3SnapshotThenTheHour4Finish() {
        List<String> files = docs.stream().filter(d -> d.series().equals(ALMS) && d.event().equals("Sepang") && d.session().equals("Race 1"))
                .map(Document::file).toList();
        assertThat(files).containsExactly("03_Classification_Race 1_Hour 3_Provisional.CSV", "03_Classification_Race 1_Hour 4_Official.CSV");
    }

    @Test
    void asiaAndEuropePagesNameTheirColumnsInTheirOwnSitesOrder() throws IOException {
        for (Path f : files(".html")) {
            Element page = Jsoup.parse(Files.readString(f));
            List<String> th = page.select("table thead th").stream().map(Element::text).toList();
            if (f.toString().contains("/gtwc-asia/")) {
                assertThat(th).as(f.toString()).containsExactly("Pos", "Car #", "Drivers", "Team", "Car", "Class", "Laps", "Time", "Gap");
            } else {
                assertThat(th).as(f.toString()).containsExactly("Pos", "Car #", "Class", "Drivers", "Team", "Car", "Time", "Laps", "Gap");
            }
            assertThat(page.select("select#filter_race_id option[selected]")).as(f.toString()).hasSize(1);
            assertThat(page.selectFirst("h2").wholeText().split("\n")).as(f.toString()).hasSize(3);
        }
    }

    @Test
    void europeTitlesSaySprintCupForSprintRoundsAndEnduranceCupOtherwise() throws IOException {
        for (Path f : files(".html")) {
            if (!f.toString().contains("/gtwc-europe/")) continue;
            String title = Jsoup.parse(Files.readString(f)).title();
            boolean sprint = f.toString().contains("Brands Hatch") || f.toString().contains("Misano");
            assertThat(title).as(f.toString()).contains(sprint ? "Sprint Cup" : "Endurance Cup");
        }
    }

    @Test
    void car007AndCar7AreDifferentCarsOfDifferentCups() {
        Document spa = DemoFiles.current(docs, lastStep).stream()
                .filter(d -> d.series().equals(EUROPE) && d.event().equals("Spa") && d.session().equals("Race")).findFirst().orElseThrow();
        Row c007 = spa.rows().stream().filter(r -> r.number().equals("007")).findFirst().orElseThrow();
        Row c7 = spa.rows().stream().filter(r -> r.number().equals("7")).findFirst().orElseThrow();
        assertThat(c007.team()).isNotEqualTo(c7.team());
        assertThat(c007.klass()).isEqualTo("Silver Cup");
        assertThat(c7.klass()).isEqualTo(BRONZE);
    }

    // ------------------------------------------------------------------------------------------
    // Every classification is internally consistent

    @Test
    void positionsAreContiguousAndEveryCarAppearsOncePerSession() {
        for (Document d : docs) {
            assertThat(d.rows().stream().map(Row::position).toList()).as(d.file())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, d.rows().size()).boxed().toList());
            assertThat(new HashSet<>(d.rows().stream().map(Row::number).toList())).as(d.file()).hasSize(d.rows().size());
        }
    }

    @Test
    void classifiedCarsComeBeforeTheOthers() {
        for (Document d : docs) {
            if (!d.race()) continue;
            DemoScorer scorer = scorer(d);
            List<Row> classified = scorer.classified(d.rows());
            assertThat(d.rows().subList(0, classified.size())).as(d.stepFolder() + " " + d.file()).isEqualTo(classified);
        }
    }

    @Test
    void classificationByDistanceIsTheSameAgainstTheOverallWinnerAndTheCupWinner() {
        for (Document d : docs) {
            if (!d.race() || !d.layout().equals("sro-html")) continue;
            DemoScorer scorer = scorer(d);
            Set<Row> overall = new HashSet<>(scorer.classified(d.rows()));
            for (String cup : d.rows().stream().map(Row::klass).distinct().toList()) {
                List<Row> inCup = d.rows().stream().filter(r -> r.klass().equals(cup)).toList();
                assertThat(scorer.classified(inCup)).as(d.file() + " " + cup)
                        .containsExactlyElementsOf(inCup.stream().filter(overall::contains).toList());
            }
        }
    }

    @Test
    void gapsAgreeWithTheLapsAndTimesOfTheRowsTheyCompare() {
        for (Document d : docs) {
            List<Row> rows = d.rows();
            for (int i = 1; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.timeMs() == null) continue;
                String where = d.stepFolder() + " " + d.file() + " line " + r.line();
                assertGap(rows.get(0), r, r.gapFirst().replace("+", ""), d.race(), where);
                if (r.gapPrevious() != null) assertGap(rows.get(i - 1), r, r.gapPrevious().replace("+", ""), d.race(), where);
            }
        }
    }

    /** In a race a time gap means the same lap; in qualifying it compares best laps only. */
    private static void assertGap(Row ahead, Row r, String gap, boolean race, String where) {
        if (DemoFiles.isLapGap(gap)) {
            assertThat(DemoFiles.lapsOf(gap)).as(where).isEqualTo(ahead.laps() - r.laps());
        } else {
            if (race) assertThat(r.laps()).as(where).isEqualTo(ahead.laps());
            assertThat(DemoFiles.time(gap)).as(where).isEqualTo(r.timeMs() - ahead.timeMs());
        }
    }

    @Test
    void everyWinnerRunsAtLeastThreeQuartersOfThePlannedTime() {
        for (Document d : docs) {
            if (!d.race()) continue;
            CalendarRace c = scorer(d).raceOf(d);
            if (c.planned() == null) continue;
            assertThat(d.rows().get(0).timeMs()).as(d.file()).isGreaterThanOrEqualTo((long) (0.75 * c.planned().toMillis()));
        }
    }

    @Test
    void finishedRacesRunTheirFullPlannedTime() {
        for (Document d : DemoFiles.current(docs, lastStep)) {
            if (!d.race()) continue;
            CalendarRace c = scorer(d).raceOf(d);
            if (c.planned() == null) continue;
            assertThat(d.rows().get(0).timeMs()).as(d.file()).isBetween(c.planned().toMillis(), c.planned().toMillis() + 180_000);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Designed outcome 1: teams in both Asian series under different spellings

    @Test
    void atLeastThreeTeamsMatchAcrossTheAsianSeriesOnceNamesAreFolded() {
        List<Combined> pairs = figures.combined(lastStep).stream()
                .filter(c -> DemoFigures.fold(c.almsTeam()).equals(DemoFigures.fold(c.asiaTeam())))
                .filter(c -> !c.almsTeam().equals(c.asiaTeam())).toList();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void redLanternPairMatchesOnlyThroughTheAlias() {
        assertThat(DemoFigures.fold("Red Lantern by Huang")).isNotEqualTo(DemoFigures.fold("Huang Red Lantern"));
        assertThat(figures.combined(lastStep)).extracting(Combined::asiaTeam).contains("Huang Red Lantern");
    }

    @Test
    void withoutTheAliasRedLanternLeavesTheCombinedAndJadeHarbourIsFifth() {
        List<Combined> c = figures.combined(lastStep, false);
        assertThat(c).extracting(Combined::almsTeam).doesNotContain("Red Lantern by Huang");
        assertThat(c.get(4).almsTeam()).isEqualTo("Jade Harbour Racing");
    }

    @Test
    void garudaAndGaruddaAreANearMissThatStaysApart() {
        assertThat(DemoFigures.editDistance(DemoFigures.fold("Garuda Racing"), DemoFigures.fold("Garudda Racing"))).isEqualTo(1);
        assertThat(DemoFigures.sameTeam("Garuda Racing", "Garudda Racing")).isFalse();
        assertThat(figures.combined(lastStep)).extracting(Combined::almsTeam).doesNotContain("Garuda Racing");
    }

    @Test
    void mergingTheNearMissByMistakeWouldPutItInTheCombinedTop5() {
        double garuda = points(figures.almsGtCars(lastStep), "Garuda Racing") / 130 + points(figures.asiaCars(lastStep), "Garudda Racing") / 200;
        List<Combined> top = figures.combined(lastStep);

        assertThat(DemoFigures.three(garuda)).isEqualTo("0.411");
        assertThat(garuda).isGreaterThan(top.get(4).total());
    }

    // ------------------------------------------------------------------------------------------
    // Designed outcomes 2 and 3: the combined classification and the amendment that changes it

    @Test
    void provisionalAbuDhabiRace2PutsPhoenixLotusOnTopOfTheCombined() {
        List<Combined> c = figures.combined(provisionalStep);
        assertThat(c.get(0).almsTeam()).isEqualTo("Phoenix Lótus Racing");
        assertThat(c.get(0).total() - c.get(1).total()).isGreaterThan(0.02);
    }

    @Test
    void officialAbuDhabiRace2PutsKaijuOnTopOfTheCombined() {
        List<Combined> c = figures.combined(officialStep);
        assertThat(c.get(0).almsTeam()).isEqualTo("Kaiju Motorsport");
        assertThat(c.get(1).almsTeam()).isEqualTo("Phoenix Lótus Racing");
        assertThat(c.get(0).total() - c.get(1).total()).isGreaterThan(0.02);
    }

    @Test
    void officialRace2DiffersFromTheProvisionalOnlyByA30SecondPenaltyOnCar44() {
        Document prov = docs.stream().filter(d -> d.step() == provisionalStep).findFirst().orElseThrow();
        Document off = docs.stream().filter(d -> d.step() == officialStep).findFirst().orElseThrow();
        Map<String, Row> before = prov.rows().stream().collect(Collectors.toMap(Row::number, r -> r));
        for (Row r : off.rows()) {
            Row b = before.get(r.number());
            assertThat(r.laps()).isEqualTo(b.laps());
            assertThat(r.timeMs() - b.timeMs()).as("#" + r.number()).isEqualTo(r.number().equals("44") ? 30_000 : 0);
        }
        assertThat(gtOrder(prov)).startsWith("44", "8", "57");
        assertThat(gtOrder(off)).startsWith("8", "57", "44");
    }

    @Test
    void phoenixLotusAndKaijuTookPartInEveryEventOfBothSeries() {
        for (String[] series : new String[][] {{ALMS, ALMS_SEASON, "Phoenix Lótus Racing", "Kaiju Motorsport"},
                {ASIA, SRO_SEASON, "PHOENIX LOTUS", "Kaiju Motorsports"}}) {
            DemoScorer scorer = new DemoScorer(series[0]);
            Set<Integer> calendar = scorer.calendar(series[1]).stream().map(CalendarRace::round).collect(Collectors.toSet());
            Map<String, Set<Integer>> rounds = scorer.rounds(docs, series[1], r -> true, Row::team);
            assertThat(rounds.get(series[2])).as(series[2]).isEqualTo(calendar);
            assertThat(rounds.get(series[3])).as(series[3]).isEqualTo(calendar);
        }
    }

    @Test
    void asiaCrewsNeverChangeSoACarsPointsAreItsDriversPoints() {
        Map<String, Set<List<String>>> crews = new HashMap<>();
        docs.stream().filter(d -> d.series().equals(ASIA)).flatMap(d -> d.rows().stream())
                .forEach(r -> crews.computeIfAbsent(r.number(), k -> new HashSet<>()).add(r.drivers()));
        assertThat(crews.values()).allMatch(s -> s.size() == 1);
    }

    // ------------------------------------------------------------------------------------------
    // Designed outcome 4: the GT World Challenge Europe Bronze invitation

    @Test
    void harbourLightsIsTheTopBronzeCarAndAttendedEveryEvent() {
        List<Standing> cars = figures.europeBronzeCars(lastStep);
        assertThat(cars.get(0).number()).isEqualTo("7");
        assertThat(cars.get(0).points() - cars.get(1).points()).isGreaterThan(20);
        assertThat(figures.europeBronzeRounds().get("7")).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void harbourLightsLeadAfterSpaExceedsWhatMisanoCanStillGive() {
        List<Standing> cars = figures.europeBronzeCars(afterSpaStep);
        double stillAvailable = figures.europe.maxAvailable(figures.europe.remaining(SRO_SEASON, DemoFiles.current(docs, afterSpaStep)));

        assertThat(stillAvailable).isEqualTo(35.0);
        assertThat(cars.get(0).number()).isEqualTo("7");
        assertThat(cars.get(0).points() - cars.get(1).points()).isGreaterThan(stillAvailable);
    }

    @Test
    void northernStarMissedBrandsHatchAndIsNotEligible() {
        assertThat(figures.europeBronzeRounds().get("69")).doesNotContain(2).contains(1, 3, 4, 5);
    }

    @Test
    void topBronzeTeamIsNotTheTeamOfTheTopBronzeCarWithOrWithoutPoles() {
        String carTeam = figures.europeBronzeCars(lastStep).get(0).team();
        for (boolean poles : new boolean[] {true, false}) {
            List<Standing> teams = figures.europeBronzeTeams(lastStep, poles);
            assertThat(teams.get(0).team()).isEqualTo("Strada Bianca Motorsport").isNotEqualTo(carTeam);
            assertThat(teams.get(0).points()).isGreaterThan(teams.get(1).points());
        }
    }

    // ------------------------------------------------------------------------------------------
    // The README

    @Test
    void readmePrintsTheFiguresTheFilesProduce() throws IOException {
        assertThat(Files.readString(DemoFiles.DEMO.resolve("README.md"))).contains(figures.markdown());
    }

    @Test
    void readmeListsEveryStep() throws IOException {
        String readme = Files.readString(DemoFiles.DEMO.resolve("README.md"));
        for (String s : DemoFiles.steps(DemoFiles.DEMO)) assertThat(readme).contains("`" + s + "`");
    }

    // ------------------------------------------------------------------------------------------

    private static DemoScorer scorer(Document d) {
        return switch (d.series()) {
            case ALMS -> figures.alms;
            case ASIA -> figures.asia;
            default -> figures.europe;
        };
    }

    private static double points(List<Standing> cars, String team) {
        return cars.stream().filter(s -> s.team().equals(team)).mapToDouble(Standing::points).max().orElse(0);
    }

    private static List<String> gtOrder(Document d) {
        return d.rows().stream().filter(r -> r.klass().equals("GT")).map(Row::number).toList();
    }

    private static List<Path> files(String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(DemoFiles.DEMO.resolve("steps"))) {
            walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(out::add);
        }
        return out;
    }
}
