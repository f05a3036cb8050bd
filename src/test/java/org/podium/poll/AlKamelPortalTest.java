package org.podium.poll;

import org.junit.jupiter.api.Test;
import org.podium.poll.AlKamelPortal.PortalFile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlKamelPortalTest {

    private static final URI BASE = URI.create("https://alms.alkamelsystems.com/");
    private static final LinkPolicy POLICY = new LinkPolicy(BASE, Set.of("alms.alkamelsystems.com"));

    private static PortalFile file(String session, String... rest) {
        String href = "Results/03_2023-2024/01_Sepang/01_ASIAN LE MANS SERIES/" + session + "/" + String.join("/", rest);
        try {
            URI uri = POLICY.resolve(BASE, href);
            return AlKamelPortal.file(uri, POLICY.segmentsBelowBase(uri)).orElseThrow();
        } catch (Refused e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> chosen(PortalFile... files) {
        List<String> out = new ArrayList<>();
        for (PortalFile f : AlKamelPortal.choose(List.of(files))) out.add(f.session() + "/" + f.fileName());
        return out;
    }

    @Test
    void theEventPageAsksWithTheEvventParameter() {
        assertThat(AlKamelPortal.eventPage(BASE, "03_2023-2024", "02_Dubai Autodrome").toString())
                .isEqualTo("https://alms.alkamelsystems.com/?season=03_2023-2024&evvent=02_Dubai%20Autodrome");
    }

    @Test
    void linksAreTakenOnlyFromTheChampionshipsOwnTable() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("PORSCHE CARRERA CUP ASIA", List.of("Results/03_2023-2024/01_Sepang/02_PCCA/202312021300_Race 1/03_Classification_Race 1.CSV"));
        tables.put("ASIAN LE MANS SERIES", List.of("Results/03_2023-2024/01_Sepang/01_ASIAN LE MANS SERIES/202312021030_Race 1/03_Classification_Race 1.CSV"));
        List<String> links = AlKamelPortal.championshipLinks(Portal.eventPage(tables), "Asian Le Mans Series").orElseThrow();
        assertThat(links).containsExactly("Results/03_2023-2024/01_Sepang/01_ASIAN LE MANS SERIES/202312021030_Race 1/03_Classification_Race 1.CSV");
    }

    @Test
    void aPageWithoutTheChampionshipsTableGivesNothing() {
        String page = Portal.eventPage(Map.of("PORSCHE CARRERA CUP ASIA", List.of("Results/x/y/z/s/f.CSV")));
        assertThat(AlKamelPortal.championshipLinks(page, "ASIAN LE MANS SERIES")).isEmpty();
    }

    @Test
    void theTimeStampIsDroppedFromTheSession() {
        PortalFile f = file("202312021030_Race 1", "03_Classification_Race 1_Official.CSV");
        assertThat(f.session()).isEqualTo("Race 1");
        assertThat(f.inboxParts()).containsExactly("Race 1", "03_Classification_Race 1_Official.CSV");
    }

    @Test
    void anHourFolderIsKeptOnlyWhenTheFileNameLacksTheHour() {
        assertThat(file("202312021030_Race 1", "Hour 4", "03_Classification_Race 1_Hour 4_Official.CSV").inboxParts())
                .containsExactly("Race 1", "03_Classification_Race 1_Hour 4_Official.CSV");
        assertThat(file("202312021030_Race 1", "Hour 4", "03_Classification_Race 1_Official.CSV").inboxParts())
                .containsExactly("Race 1", "Hour 4", "03_Classification_Race 1_Official.CSV");
    }

    @Test
    void analysisWeatherAndMeteoFilesAreNotClassifications() {
        assertThat(chosen(
                file("202312021030_Race 1", "23_Analysis_Race 1.CSV"),
                file("202312021030_Race 1", "23_Analsysis_Race 1.CSV"),
                file("202312021030_Race 1", "26_Weather_Race 1.CSV"),
                file("202312021030_Race 1", "27_Meteo_Race 1.CSV"))).isEmpty();
    }

    @Test
    void practiceClassificationsAreNotTaken() {
        assertThat(chosen(file("202312010930_Free Practice 1", "03_Classification_Free Practice 1.CSV"))).isEmpty();
    }

    @Test
    void raceAndQualifyingClassificationsAreTakenOneEach() {
        assertThat(chosen(
                file("202312020800_Qualifying 1", "03_Classification_Qualifying 1_Official.CSV"),
                file("202312021030_Race 1", "03_Classification_Race 1_Official.CSV")))
                .containsExactlyInAnyOrder("Qualifying 1/03_Classification_Qualifying 1_Official.CSV",
                        "Race 1/03_Classification_Race 1_Official.CSV");
    }

    @Test
    void finalIsPreferredToOfficialAndOfficialToProvisional() {
        assertThat(chosen(
                file("202312021030_Race 1", "03_Classification_Race 1_Provisional.CSV"),
                file("202312021030_Race 1", "03_Classification_Race 1_Final.CSV"),
                file("202312021030_Race 1", "03_Classification_Race 1_Official.CSV")))
                .containsExactly("Race 1/03_Classification_Race 1_Final.CSV");
        assertThat(chosen(
                file("202312021030_Race 1", "03_Classification_Race 1_Provisional.CSV"),
                file("202312021030_Race 1", "03_Classification_Race 1_Official.CSV")))
                .containsExactly("Race 1/03_Classification_Race 1_Official.CSV");
    }

    @Test
    void theHighestHourIsTheFinish() {
        assertThat(chosen(
                file("202312021030_Race 1", "Hour 3", "03_Classification_Race 1_Hour 3_Provisional.CSV"),
                file("202312021030_Race 1", "Hour 4", "03_Classification_Race 1_Hour 4_Provisional.CSV"),
                file("202312021030_Race 1", "Hour 2", "03_Classification_Race 1_Hour 2_Provisional.CSV")))
                .containsExactly("Race 1/03_Classification_Race 1_Hour 4_Provisional.CSV");
    }

    @Test
    void aFileWithoutHourIsTheFinishAfterEverySnapshot() {
        assertThat(chosen(
                file("202312021030_Race 1", "Hour 4", "03_Classification_Race 1_Hour 4_Official.CSV"),
                file("202312021030_Race 1", "03_Classification_Race 1_Official.CSV")))
                .containsExactly("Race 1/03_Classification_Race 1_Official.CSV");
    }

    @Test
    void linksOfTheSeasonAndEventAskedForAreTheSameEvent() {
        assertThat(AlKamelPortal.sameEvent(List.of("Results", "03_2023-2024", "01_Sepang", "x"), "03_2023-2024", "01_Sepang")).isTrue();
        assertThat(AlKamelPortal.sameEvent(List.of("Results", "03_2023-2024", "02_Dubai Autodrome", "x"), "03_2023-2024", "01_Sepang")).isFalse();
        assertThat(AlKamelPortal.sameEvent(List.of("Results", "02_2023", "01_Sepang", "x"), "03_2023-2024", "01_Sepang")).isFalse();
    }

    @Test
    void aPathOfAnotherShapeIsNotAResultsFile() throws Refused {
        URI uri = POLICY.resolve(BASE, "Results/03_2023-2024/01_Sepang/entry_list.pdf");
        assertThat(AlKamelPortal.file(uri, POLICY.segmentsBelowBase(uri))).isEmpty();
    }
}
