package org.podium.championship;

import org.podium.support.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.podium.championship.Fixture.car;
import static org.podium.championship.Fixture.race;

/** Decisions not carried by results files: deductions, exclusions, reinstatements. */
class AdjustmentsTest {
    private static final SeriesRules ALMS = Fixture.rules("alms");

    private static List<SessionResult> season() {
        return List.of(
                race("alms", "2023-24", 1, "Race 1").of(car("91").cls("GT"), car("77").cls("GT"), car("55").cls("GT")),
                race("alms", "2023-24", 1, "Race 2").of(car("91").cls("GT"), car("77").cls("GT"),
                        car("55").cls("GT").status(EntryStatus.DISQUALIFIED)));
    }

    private static StandingsTable carsGt(Adjustments adjustments) {
        return StandingsCalculator.compute(ALMS, "2023-24", season(), adjustments).table("cars-gt").orElseThrow();
    }

    @Test
    void aDeductionSubtractsPointsAndShowsItsReason() {
        Adjustments a = Adjustments.parse("""
                - type: deduction
                  entrant: { car: "91" }
                  points: 10
                  round: 1
                  reason: Unsafe release in the pit lane
                  reference: Stewards' decision no. 12
                """, "config/adjustments/alms/2023-24.yaml");

        StandingsRow row = carsGt(a).row("car:91").orElseThrow();

        assertThat(row.points()).isEqualTo(50 - 10);
        assertThat(row.adjustments()).containsExactly(new AppliedAdjustment(AdjustmentType.DEDUCTION, 10.0, 1, null,
                "Unsafe release in the pit lane", "Stewards' decision no. 12"));
    }

    @Test
    void aDeductionCanMoveAnEntrantDownTheTable() {
        StandingsTable t = carsGt(Adjustments.of(
                Adjustment.deduction(EntrantRef.car("91"), 20, null, "Technical infringement", "Decision 3")));

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::points, StandingsRow::rank)
                .startsWith(tuple("#77", 36.0, 1), tuple("#91", 30.0, 2));
    }

    @Test
    void anExcludedEntrantIsShownUnrankedWithTheReasonAndOthersMoveUp() {
        StandingsTable t = carsGt(Adjustments.of(
                Adjustment.exclusion(EntrantRef.car("91"), "Excluded from the championship", "Court of Appeal 2024-01")));

        assertThat(t.rows()).extracting(r -> r.entrant().name(), StandingsRow::rank, StandingsRow::excluded)
                .containsExactly(tuple("#77", 1, false), tuple("#55", 2, false), tuple("#91", null, true));
        assertThat(t.row("car:91").orElseThrow().adjustments())
                .extracting(AppliedAdjustment::type, AppliedAdjustment::reason, AppliedAdjustment::reference)
                .containsExactly(tuple(AdjustmentType.EXCLUSION, "Excluded from the championship", "Court of Appeal 2024-01"));
    }

    @Test
    void aReinstatementRestoresADisqualifiedCarAtItsPositionAndShowsWhy() {
        StandingsTable t = carsGt(Adjustments.of(
                Adjustment.reinstatement("55", 1, "Race 2", 2, "Disqualification overturned on appeal", "Appeal 2024-02")));

        StandingsRow restored = t.row("car:55").orElseThrow();
        assertThat(restored.points()).isEqualTo(15 + 18);
        assertThat(restored.adjustments()).extracting(AppliedAdjustment::type, AppliedAdjustment::reference)
                .containsExactly(tuple(AdjustmentType.REINSTATEMENT, "Appeal 2024-02"));
        assertThat(restored.rounds().get(0).sessions().get(1).note())
                .isEqualTo("reinstated: Disqualification overturned on appeal (Appeal 2024-02)");
        assertThat(t.row("car:77").orElseThrow().points()).isEqualTo(18 + 15);
    }

    @Test
    void aReinstatementWithoutPositionKeepsThePositionTheFileGives() {
        StandingsTable t = carsGt(Adjustments.of(
                Adjustment.reinstatement("55", 1, "race-2", null, "Disqualification overturned", "Appeal 7")));

        assertThat(t.row("car:55").orElseThrow().points()).isEqualTo(15 + 15);
    }

    @Test
    void aDeductionForADriverAppliesToTheDriversTablesOnly() {
        SeasonStandings s = StandingsCalculator.compute(ALMS, "2023-24", season(), Adjustments.of(
                Adjustment.deduction(EntrantRef.driver("DRIVER of-91"), 5, 1, "Driving time", "Decision 9")));

        assertThat(s.table("drivers-gt").orElseThrow().row("driver:driver of 91").orElseThrow().points()).isEqualTo(45);
        assertThat(s.table("cars-gt").orElseThrow().row("car:91").orElseThrow().points()).isEqualTo(50);
    }

    @Test
    void anAdjustmentThatMatchesNobodyIsReportedNotSilentlyDropped() {
        SeasonStandings s = StandingsCalculator.compute(ALMS, "2023-24", season(), Adjustments.of(
                Adjustment.deduction(EntrantRef.car("999"), 5, 1, "Unknown car", "Decision 1")));

        assertThat(s.warnings()).containsExactly(
                "deduction of car #999 in round 1 (Decision 1): matches no row of any table; not applied");
    }

    @Test
    void theAdjustmentsFileOfASeasonLoadsFromItsFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("alms"));
        Files.writeString(dir.resolve("alms/2023-24.yaml"), """
                - type: exclusion
                  entrant: { team: Kaiju Motorsport, car: "7" }
                  reason: Entry withdrawn
                  reference: ACO notice 2024-03
                """);

        Adjustments a = Adjustments.load(dir, "alms", "2023-24");

        assertThat(a.list()).containsExactly(Adjustment.exclusion(new EntrantRef(null, "Kaiju Motorsport", "7"),
                "Entry withdrawn", "ACO notice 2024-03"));
        assertThat(Adjustments.load(dir, "alms", "2099").list()).isEmpty();
    }

    /** What ships in config/adjustments/: read without error, and holding no decision. */
    static final Path SHIPPED = Path.of("config/adjustments");
    static final Path EXAMPLE = SHIPPED.resolve("gtwc-europe/2023.yaml");

    @Test
    void theShippedExampleIsReadAndChangesNothing() {
        assertThat(EXAMPLE).isRegularFile();   // else load would find no file and return none, proving nothing
        assertThat(Adjustments.load(SHIPPED, "gtwc-europe", "2023").list()).isEmpty();
        assertThat(Adjustments.check(SHIPPED, SeriesCatalog.load(Path.of("config/series")))).isEmpty();
    }

    @Test
    void theShippedExampleDecisionsAreValidOnceUncommented() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        int first = lines.indexOf("# - type: deduction                       # 10 points off car #7 in every table it is in, from round 3");
        assertThat(first).as("the example's first decision").isPositive();
        String uncommented = String.join("\n", lines.subList(first, lines.size()).stream()
                .map(l -> l.equals("#") ? "" : l.replaceFirst("^# ", "")).toList());

        Adjustments a = Adjustments.parse(uncommented, EXAMPLE + " (uncommented)");

        assertThat(a.list()).containsExactly(
                Adjustment.deduction(EntrantRef.car("7"), 10, 3, "Unsafe release in the pit lane",
                        "Stewards' decision no. 12, Paul Ricard"),
                new Adjustment(AdjustmentType.EXCLUSION, EntrantRef.team("Example Motorsport"), null, null, null, null,
                        "teams-overall", "Excluded from the championship", "Court of Appeal decision 2023-07"),
                Adjustment.reinstatement("93", 2, "Race 2", 4, "Disqualification overturned on appeal",
                        "Appeal 2023-05, Brands Hatch"));
    }

    @Test
    void aFileNoRecomputeWouldReadIsReportedAndABadOneFails(@TempDir Path dir) throws IOException {
        SeriesCatalog catalog = SeriesCatalog.load(Path.of("config/series"));
        String exclusion = "- type: exclusion\n  entrant: { car: \"7\" }\n  reason: r\n  reference: x\n";
        Files.createDirectories(dir.resolve("alms"));
        Files.createDirectories(dir.resolve("elms"));
        Files.writeString(dir.resolve("alms/2023-24.yaml"), exclusion);
        Files.writeString(dir.resolve("alms/2023-24.yml"), exclusion);
        Files.writeString(dir.resolve("alms/2031.yaml"), exclusion);
        Files.writeString(dir.resolve("elms/2023.yaml"), exclusion);

        assertThat(Adjustments.check(dir, catalog)).containsExactly(
                dir.resolve("alms/2023-24.yml") + ": not read: an adjustments file is " + dir.resolve("<series>/<season>.yaml"),
                dir.resolve("alms/2031.yaml") + ": not read: season 2031 is not in the calendar of config/series/alms.yaml",
                dir.resolve("elms/2023.yaml") + ": not read: no series elms in config/series");

        Files.writeString(dir.resolve("alms/2023-24.yaml"), exclusion.replace("reason", "raison"));
        assertThatThrownBy(() -> Adjustments.check(dir, catalog)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("alms/2023-24.yaml") + ": [0].raison: unknown key");
    }

    @Test
    void aCarNumberWrittenAsAYamlNumberIsRejected() {
        assertThatThrownBy(() -> Adjustments.parse("""
                - type: deduction
                  entrant: { car: 007 }
                  points: 5
                  reason: r
                  reference: x
                """, "config/adjustments/alms/2023-24.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/adjustments/alms/2023-24.yaml: [0].entrant.car: must be a quoted string"
                        + " (\"007\" and \"7\" are different cars), was 7");
    }

    @Test
    void aDeductionWithoutPointsIsRejected() {
        assertThatThrownBy(() -> Adjustments.parse("""
                - type: deduction
                  entrant: { driver: Anna EXAMPLE }
                  reason: r
                  reference: x
                """, "adj.yaml"))
                .hasMessage("adj.yaml: [0].points: a deduction needs points > 0, was nothing");
    }

    @Test
    void anUnknownAdjustmentTypeIsRejected() {
        assertThatThrownBy(() -> Adjustments.parse("""
                - type: bonus
                  entrant: { car: "7" }
                  reason: r
                  reference: x
                """, "adj.yaml"))
                .hasMessage("adj.yaml: [0].type: must be deduction, exclusion or reinstatement, was \"bonus\"");
    }

    @Test
    void aReinstatementNeedsTheRound() {
        assertThatThrownBy(() -> Adjustments.parse("""
                - type: reinstatement
                  entrant: { car: "7" }
                  reason: r
                  reference: x
                """, "adj.yaml"))
                .hasMessage("adj.yaml: [0].round: a reinstatement needs the round of the race");
    }

    @Test
    void anAdjustmentNeedsAReference() {
        assertThatThrownBy(() -> Adjustments.parse("""
                - type: exclusion
                  entrant: { car: "7" }
                  reason: r
                """, "adj.yaml"))
                .hasMessage("adj.yaml: [0].reference: is required");
    }
}
