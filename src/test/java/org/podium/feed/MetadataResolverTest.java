package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.podium.model.ResultStatus;
import org.podium.model.SessionType;

class MetadataResolverTest {
    private final MetadataResolver resolver = new MetadataResolver(Samples.SERIES);

    private SessionMetadata resolve(String path) throws FeedException {
        return resolver.resolve(path, null);
    }

    private SessionMetadata resolve(String path, String sidecar) throws FeedException {
        return resolver.resolve(path, Samples.utf8(sidecar));
    }

    @Test
    void everythingFromTheInboxPath() throws FeedException {
        SessionMetadata m = resolve("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Hour 4_Official.CSV");
        assertThat(m).isEqualTo(new SessionMetadata("alms", "2023-24", 1, "Sepang", null, null, "Race 1", SessionType.RACE,
                1, null, 4, ResultStatus.OFFICIAL, false, null));
    }

    @Test
    void alKamelTimeStampIsStrippedFromTheSessionFolder() throws FeedException {
        SessionMetadata m = resolve("alms/2023-24/02_Dubai Autodrome/202402101030_Race 2/03_Classification_Race 2.CSV");
        assertThat(m.session()).isEqualTo("Race 2");
        assertThat(m.race()).isEqualTo(2);
        assertThat(m.round()).isEqualTo(2);
        assertThat(m.event()).isEqualTo("Dubai Autodrome");
    }

    @Test
    void hourFromAnHourFolder() throws FeedException {
        assertThat(resolve("alms/2023-24/01_Sepang/Race 1/Hour 3/03_Classification_Race 1.CSV").hour()).isEqualTo(3);
        assertThat(resolve("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1.CSV").hour()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}, final={2}")
    @CsvSource({
            "03_Classification_Race 1_Provisional.CSV, PROVISIONAL, false",
            "03_Classification_Race 1_Unofficial.CSV, PROVISIONAL, false",
            "03_Classification_Race 1_Official.CSV, OFFICIAL, false",
            "03_Classification_Race 1_Final.CSV, OFFICIAL, true",
            "03_Classification_Race 1.CSV, PROVISIONAL, false"})
    void resultStatusFromTheFileName(String file, ResultStatus status, boolean isFinal) throws FeedException {
        SessionMetadata m = resolve("alms/2023-24/01_Sepang/Race 1/" + file);
        assertThat(m.status()).isEqualTo(status);
        assertThat(m.finalResult()).isEqualTo(isFinal);
    }

    @Test
    void finalRanksAboveOfficialAboveProvisional() throws FeedException {
        String dir = "alms/2023-24/01_Sepang/Race 1/";
        assertThat(resolve(dir + "x_Final.CSV").precedence()).isGreaterThan(resolve(dir + "x_Official.CSV").precedence());
        assertThat(resolve(dir + "x_Official.CSV").precedence()).isGreaterThan(resolve(dir + "x_Provisional.CSV").precedence());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "Race 1, RACE", "Race, RACE", "Race after 6 hours, RACE", "Main Race, RACE",
            "Qualifying, QUALIFYING", "Qualifying 2, QUALIFYING", "Quali 1, QUALIFYING", "Q1, QUALIFYING", "Hyperpole, QUALIFYING",
            "Free Practice 1, PRACTICE", "FP2, PRACTICE", "Warm Up, PRACTICE",
            "Qualifying Race 1, QUALIFYING", "Pre-Race Warm Up, PRACTICE"})
    void sessionTypeFromTheSessionName(String name, SessionType type) {
        assertThat(MetadataResolver.sessionTypeOf(name)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} belongs to race {1}")
    @CsvSource(value = {"Race 2, 2", "Race 1, 1", "Race, NULL", "Race after 6 hours, NULL", "Qualifying 2, 2",
            "Qualifying, NULL", "Race2, 2", "Qualifying Race 1, 1", "Race after 6 hours 2, NULL"}, nullValues = "NULL")
    void raceNumberFromTheSessionName(String name, Integer race) {
        assertThat(MetadataResolver.raceNumberOf(name)).isEqualTo(race);
    }

    @Test
    void practiceBelongsToNoRace() throws FeedException {
        assertThat(resolve("alms/2023-24/01_Sepang/Free Practice 2/x.CSV").race()).isNull();
    }

    @Test
    void sidecarGivesWhatThePathLacks() throws FeedException {
        SessionMetadata m = resolve("gtwc-asia/results.html", """
                {"season": "2023", "round": 2, "event": "Sepang", "circuit": "Sepang International Circuit",
                 "date": "2023-05-07", "session": "Race 2", "kind": "race", "plannedDuration": "PT1H", "status": "OFFICIAL"}
                """);
        assertThat(m).isEqualTo(new SessionMetadata("gtwc-asia", "2023", 2, "Sepang", "Sepang International Circuit",
                LocalDate.of(2023, 5, 7), "Race 2", SessionType.RACE, 2, "race", null, ResultStatus.OFFICIAL, false, Duration.ofHours(1)));
    }

    @Test
    void sidecarOverridesThePathAndTheFileName() throws FeedException {
        SessionMetadata m = resolve("alms/2023-24/01_Sepang/Race 1/x_Provisional.CSV", """
                {"session": "Race after 6 hours", "sessionType": "RACE", "race": 1, "hour": 6, "status": "FINAL"}
                """);
        assertThat(m.session()).isEqualTo("Race after 6 hours");
        assertThat(m.race()).isEqualTo(1);
        assertThat(m.hour()).isEqualTo(6);
        assertThat(m.status()).isEqualTo(ResultStatus.OFFICIAL);
        assertThat(m.finalResult()).isTrue();
    }

    @Test
    void sidecarNamesAnUndeterminableSessionType() throws FeedException {
        String path = "alms/2023-24/01_Sepang/Bronze Test/x.CSV";
        assertThatThrownBy(() -> resolve(path)).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("sessionType"));
        assertThat(resolve(path, "{\"sessionType\": \"practice\"}").sessionType()).isEqualTo(SessionType.PRACTICE);
    }

    @Test
    void pathWithoutMetadataSaysWhichFieldsAreMissingAndWhatToDo() {
        assertThatThrownBy(() -> resolve("alms/results.CSV")).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.problems()).extracting(Problem::field).containsExactly("season", "round", "event", "session");
            assertThat(e.problems().get(0).message()).contains("results.CSV.meta.json");
            assertThat(e.hint()).contains("inbox/<series>/<season>/<round>_<event>/<session>/", "sidecar");
        });
    }

    @Test
    void eventFolderWithoutRoundNumberLacksTheRound() {
        assertThatThrownBy(() -> resolve("alms/2023-24/Sepang/Race 1/x.CSV")).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("round"));
    }

    @Test
    void unknownSeriesListsTheKnownOnes() {
        assertThatThrownBy(() -> resolve("elms/2023/01_Barcelona/Race/x.CSV")).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("series");
                assertThat(p.message()).contains("\"elms\"", "alms, gtwc-asia, gtwc-europe");
            });
            assertThat(e.hint()).contains("config/series");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"series\": \"../alms\"}", "{\"season\": \"2023/24\"}", "{\"event\": \"a\\\\b\"}",
            "{\"event\": \"Sep\\u0000ang\"}", "{\"season\": \"..\"}"})
    void sidecarValuesThatLookLikePathsAreRefused(String sidecar) {
        assertThatThrownBy(() -> resolve("alms/2023-24/01_Sepang/Race 1/x.CSV", sidecar)).isInstanceOf(FeedException.class);
    }

    @Test
    void sidecarMustBeSmallJsonWithKnownFields() {
        String path = "alms/2023-24/01_Sepang/Race 1/x.CSV";
        assertThatThrownBy(() -> resolve(path, "{\"event\": \"" + "x".repeat(MetadataResolver.MAX_SIDECAR_BYTES) + "\"}"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("at most"));
        assertThatThrownBy(() -> resolve(path, "{\"rnd\": 1}"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("not a sidecar field"));
        assertThatThrownBy(() -> resolve(path, "{\"round\": \"one\"}"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("round"));
        assertThatThrownBy(() -> resolve(path, "round: 1"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("not valid JSON"));
    }

    @Test
    void dotDotInThePathIsRefused() {
        assertThatThrownBy(() -> resolve("alms/../../etc/Race 1/x.CSV")).isInstanceOf(FeedException.class);
    }

    @Test
    void eventFolderNumberedZeroIsAMissingRoundNotACrash() {
        assertThatThrownBy(() -> resolve("alms/2023-24/00_Zero/Race 1/x_Official.CSV"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("round");
                    assertThat(p.message()).contains("\"00_Zero\" gives round 0").contains("numbered from 1");
                }));
    }

    @Test
    void sidecarRoundStandsInForAnEventFolderNumberedZero() throws FeedException {
        assertThat(resolve("alms/2023-24/00_Zero/Race 1/x_Official.CSV", "{\"round\": 3}").round()).isEqualTo(3);
    }

    @Test
    void blankSessionFolderIsAMissingSessionNotACrash() {
        assertThatThrownBy(() -> resolve("alms/2023-24/01_Sepang/ /x_Official.CSV", "{\"sessionType\": \"RACE\"}"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("session"));
    }

    @Test
    void sidecarNameLongerThanAFolderNameIsRefused() {
        assertThatThrownBy(() -> resolve("alms/2023-24/01_Sepang/Race 1/x.CSV", "{\"event\": \"" + "x".repeat(FeedLimits.MAX_NAME_CHARS + 1) + "\"}"))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("over the limit of " + FeedLimits.MAX_NAME_CHARS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alms/2023..24/01_Sepang/Race 1/x.CSV", "alms/2023-24/01_Sep\u0007ang/Race 1/x.CSV"})
    void folderNamesAreHeldToTheRulesOfSidecarNames(String path) {
        assertThatThrownBy(() -> resolve(path)).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("the folder name")));
    }

    @Test
    void givenFieldsOverrideTheSidecarAndThePath() throws FeedException {
        SessionMetadata m = resolver.resolve("alms/2023-24/01_Sepang/Race 1/x_Official.CSV", Samples.utf8("{\"event\": \"Sepang GP\"}"),
                java.util.Map.of("round", 3, "event", "Abu Dhabi", "session", "Race 2"));
        assertThat(m.round()).isEqualTo(3);
        assertThat(m.event()).isEqualTo("Abu Dhabi");
        assertThat(m.session()).isEqualTo("Race 2");
        assertThat(m.race()).isEqualTo(2);
        assertThat(m.status()).isEqualTo(ResultStatus.OFFICIAL);
    }

    @Test
    void givenFieldsAreHeldToTheSidecarsRules() {
        assertThatThrownBy(() -> resolver.resolve("x.CSV", null, java.util.Map.of("event", "../up", "round", 0)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("event", "round"));
    }

    @Test
    void missingFieldsAreNamedWithTheOtherProblems() {
        assertThatThrownBy(() -> resolver.resolve("wec/2024/x.CSV", null))
                .isInstanceOfSatisfying(MetadataMissing.class, e -> {
                    assertThat(e.fields()).containsExactly("round", "event", "session");
                    assertThat(e.problems()).extracting(Problem::field).contains("round", "event", "series");
                });
        assertThatThrownBy(() -> resolver.resolve("x.CSV", null, java.util.Map.of("series", "alms", "season", "2023-24",
                "round", 1, "event", "Sepang", "session", "Shootout")))
                .isInstanceOfSatisfying(MetadataMissing.class, e -> assertThat(e.fields()).containsExactly("sessionType"));
    }
}
