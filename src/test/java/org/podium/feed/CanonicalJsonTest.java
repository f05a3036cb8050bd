package org.podium.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.Gap;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

class CanonicalJsonTest {

    @Test
    void sampleDocumentParses() throws FeedException {
        SessionResult r = CanonicalJson.read(Samples.bytes(Samples.PODIUM_JSON));
        assertThat(r.series()).isEqualTo("alms");
        assertThat(r.season()).isEqualTo("2023-24");
        assertThat(r.event()).isEqualTo(new Event(1, "4 Hours of Sepang", "Sepang International Circuit", LocalDate.of(2023, 12, 2)));
        assertThat(r.session()).isEqualTo(new Session(SessionType.RACE, "Race 1", 1, null, null, Duration.ofHours(4)));
        assertThat(r.status()).isEqualTo(ResultStatus.OFFICIAL);
        assertThat(r.statusReported()).isTrue();
        assertThat(r.source()).isEqualTo(new Source("podium-json", "example", null, Instant.parse("2023-12-02T07:40:00Z")));
        assertThat(r.entries()).hasSize(3);
        assertThat(r.entries().get(0)).isEqualTo(new Entry(1, null, "23", "Example Endurance",
                List.of(new Driver("Anna", "EXAMPLE", "GBR", DriverCategory.BRONZE), new Driver("Ben", "SAMPLE", "FRA", DriverCategory.GOLD)),
                "Oreca 07 - Gibson", "LMP2", null, null, null, null, EntryStatus.CLASSIFIED, 132, 14_412_345L,
                null, null, new BestLap(41, 110_902, null), null));
        assertThat(r.entries().get(1).gap()).isEqualTo(Gap.laps(14));
        assertThat(r.entries().get(2).status()).isEqualTo(EntryStatus.RETIRED);
    }

    @Test
    void writeThenReadGivesTheSameResult() throws FeedException {
        SessionResult everything = new SessionResult("gtwc-europe", "2023",
                new Event(4, "Spa", "Circuit de Spa-Francorchamps", LocalDate.of(2023, 7, 1)),
                new Session(SessionType.RACE, "Race after 6 hours", 1, "24h-6h", 6, Duration.ofHours(24)),
                ResultStatus.PROVISIONAL,
                new Source("alkamel-race", "03_Classification_Race_Hour 6.CSV", "ab".repeat(32), Instant.parse("2023-07-01T22:00:00Z")),
                false,
                List.of(new Entry(1, 1, "007", "Team É", List.of(new Driver("", "BANKCY", "GBR", DriverCategory.SILVER)),
                                "Car", "GT3", "Pro-Am", "P/A", "D1", "M", EntryStatus.CLASSIFIED, 150, 21_600_123L,
                                null, null, new BestLap(12, 137_456, 181.25), 2),
                        new Entry(2, 2, "7", null, List.of(), null, "GT3", null, null, null, null, EntryStatus.DISQUALIFIED,
                                149, 21_610_000L, Gap.laps(1), Gap.laps(-94), new BestLap(null, 138_000, null), 3),
                        new Entry(3, 3, "8", null, List.of(), null, "GT3", null, null, null, null, EntryStatus.RETIRED,
                                3, null, Gap.time(9_877), Gap.time(1), null, null)));
        byte[] json = CanonicalJson.write(everything);
        assertThat(CanonicalJson.read(json)).isEqualTo(everything);
    }

    @Test
    void writingIsStableAndOmitsNulls() throws FeedException {
        SessionResult sample = CanonicalJson.read(Samples.bytes(Samples.PODIUM_JSON));
        byte[] once = CanonicalJson.write(sample);
        byte[] twice = CanonicalJson.write(CanonicalJson.read(once));
        assertThat(twice).isEqualTo(once);
        String text = new String(once, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"schema\" : \"podium.session-result/1\",\n  \"series\" : \"alms\"")
                .doesNotContain("null")
                .contains("\"class\" : \"LMP2\"", "\"plannedDuration\" : \"PT4H\"", "\"date\" : \"2023-12-02\"",
                        "\"publishedAt\" : \"2023-12-02T07:40:00Z\"", "\"gap\" : {\n        \"laps\" : 14\n      }");
    }

    @Test
    void theCompactFormHoldsTheSameFieldsInTheSameOrderOnOneLine() throws Exception {
        SessionResult sample = CanonicalJson.read(Samples.bytes(Samples.PODIUM_JSON));
        byte[] compact = CanonicalJson.writeCompact(sample);
        byte[] indented = CanonicalJson.write(sample);
        assertThat(CanonicalJson.read(compact)).isEqualTo(sample);
        assertThat(new String(compact, StandardCharsets.UTF_8).strip()).doesNotContain("\n").startsWith("{\"schema\":");
        assertThat(compact.length).isLessThan(indented.length * 3 / 4);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(compact).toString()).as("same fields, same order, same numbers")
                .isEqualTo(mapper.readTree(indented).toString());
    }

    @Test
    void statusReportedDefaultsToTrueAndCanBeFalse() throws FeedException {
        String doc = minimal("\"statusReported\": false,");
        assertThat(CanonicalJson.read(Samples.utf8(doc)).statusReported()).isFalse();
        assertThat(CanonicalJson.read(Samples.utf8(minimal(""))).statusReported()).isTrue();
    }

    @Test
    void unknownFieldsAreTolerated() throws FeedException {
        SessionResult r = CanonicalJson.read(Samples.utf8(minimal("\"comment\": {\"any\": [1, 2, 3]},")));
        assertThat(r.entries()).hasSize(1);
    }

    @Test
    void wrongSchemaIsAnErrorNamingTheField() {
        String doc = minimal("").replace(SessionResult.SCHEMA, "podium.session-result/2");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("schema");
                            assertThat(p.message()).contains("podium.session-result/1", "podium.session-result/2");
                        }));
    }

    @Test
    void missingSchemaIsAnErrorNamingTheField() {
        String doc = minimal("").replace("\"schema\": \"" + SessionResult.SCHEMA + "\",", "");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("schema"));
    }

    @Test
    void everyBadFieldIsNamedByItsPath() {
        String doc = minimal("").replace("\"laps\": 3", "\"laps\": \"three\"").replace("\"number\": \"7\"", "\"number\": 7")
                .replace("\"round\": 1", "\"round\": 0");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("event", "entries[0].laps", "entries[0].number"));
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String doc = minimal("\"deep\": " + deep + ",");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("over a limit").containsIgnoringCase("depth"));
    }

    @Test
    void duplicateKeysAreRefused() {
        String doc = minimal("\"series\": \"gtwc-asia\",");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc)))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).message()).contains("series"));
    }

    @Test
    void truncatedJsonIsAnErrorWithItsLine() {
        String doc = minimal("");
        assertThatThrownBy(() -> CanonicalJson.read(Samples.utf8(doc.substring(0, doc.length() / 2))))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.problems().get(0).line()).isNotNull());
    }

    /** A small valid document, with extra top-level fields inserted after the schema. */
    static String minimal(String extra) {
        return """
                {
                  "schema": "podium.session-result/1",
                  %s
                  "series": "alms",
                  "season": "2023-24",
                  "event": { "round": 1, "name": "Sepang" },
                  "session": { "type": "RACE", "name": "Race 1" },
                  "status": "PROVISIONAL",
                  "entries": [ { "position": 1, "number": "7", "status": "CLASSIFIED", "laps": 3 } ]
                }
                """.formatted(extra);
    }
}
