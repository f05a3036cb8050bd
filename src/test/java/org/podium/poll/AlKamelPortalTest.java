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

    /** The real portal's selectors: options written {@code <option Value=…>}, the selected one {@code SELECTED}. */
    private static final String SELECTORS = """
            <select name="season" onchange="changeSeason()">
            <option Value="02_2022">2022</option><option Value="03_2023-2024" SELECTED>2023-2024</option>
            </select>
            <select name="evvent" onchange="changeEvent()">
            <option Value="01_Sepang">Sepang</option><option Value="02_Dubai Autodrome" SELECTED>Dubai</option><option Value="03_Yas Marina">Abu Dhabi</option>
            </select>
            <table><tr><th>ASIAN LE MANS SERIES</th></tr><tr><td><a href="Results/03_2023-2024/02_Dubai%20Autodrome/01_ASIAN%20LE%20MANS%20SERIES/202402041400_Race%201/03_Classification_Race%201_Official.CSV">CSV</a></td></tr></table>
            <table><tr><th>PORSCHE CARRERA CUP ASIA</th></tr><tr><td><a href="Results/03_2023-2024/02_Dubai%20Autodrome/02_PORSCHE%20CARRERA%20CUP%20ASIA/202402041000_Race/03_Classification_Race.CSV">CSV</a></td></tr></table>
            <a href="Results/03_2023-2024/01_Sepang/03_GT4/202312021300_Race/03_Classification_Race.CSV">another event</a>
            """;

    @Test
    void theEventPageOffersItsSeasonsEventsAndTheChampionshipsOfTheAskedEvent() {
        AlKamelPortal.Offers offers = AlKamelPortal.offers(SELECTORS.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "03_2023-2024", "02_Dubai Autodrome");

        assertThat(offers.seasons().orElseThrow().values()).containsExactly("02_2022", "03_2023-2024");
        assertThat(offers.seasons().orElseThrow().selected()).isEqualTo("03_2023-2024");
        assertThat(offers.events().orElseThrow().values()).containsExactly("01_Sepang", "02_Dubai Autodrome", "03_Yas Marina");
        assertThat(offers.events().orElseThrow().selected()).isEqualTo("02_Dubai Autodrome");
        // from the results folders of the asked event only, without their numbers
        assertThat(offers.championships()).containsExactly("ASIAN LE MANS SERIES", "PORSCHE CARRERA CUP ASIA");
        assertThat(offers.forSeason("03_2023-2024")).isTrue();
        assertThat(offers.forSeason("02_2022")).as("the event list is another season's").isFalse();
    }

    @Test
    void aPageWithoutSelectorsOffersNothingToContradict() {
        AlKamelPortal.Offers offers = AlKamelPortal.offers("<html><body><p>Maintenance</p></body></html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "03_2023-2024", "01_Sepang");

        assertThat(offers.seasons()).isEmpty();
        assertThat(offers.events()).isEmpty();
        assertThat(offers.championships()).isEmpty();
        assertThat(offers.forSeason("03_2023-2024")).isTrue();
    }

    @Test
    void aValueThePageDoesNotOfferContradictsItUnlessNumberedAfterEveryOfferedOne() {
        List<String> events = List.of("01_Sepang", "02_Dubai Autodrome", "03_Yas Marina");
        assertThat(AlKamelPortal.contradicts(events, "02_Dubai Autodrome")).isFalse();
        assertThat(AlKamelPortal.contradicts(events, "02_Dubai")).as("a typo of a listed event").isTrue();
        assertThat(AlKamelPortal.contradicts(events, "01_Sepang ")).as("exact values only").isTrue();
        assertThat(AlKamelPortal.contradicts(events, "Sepang")).as("unnumbered").isTrue();
        // the portal lists a season's events as they come: the fourth is not there before it is run
        assertThat(AlKamelPortal.contradicts(events, "04_Yas Marina 2")).isFalse();
        assertThat(AlKamelPortal.contradicts(List.of("01_Sepang"), "02_Dubai Autodrome")).isFalse();
        assertThat(AlKamelPortal.contradicts(List.of(), "01_Sepang")).as("nothing offered, nothing contradicted").isFalse();
        assertThat(AlKamelPortal.contradicts(List.of("02_2022", "03_2023-2024"), "03_2023-24")).isTrue();
    }

    @Test
    void aChampionshipIsContradictedOnlyWhenOthersAreListedAndNoTableOrFolderNamesIt() {
        List<String> listed = List.of("ASIAN LE MANS SERIES", "PORSCHE CARRERA CUP ASIA");
        assertThat(AlKamelPortal.contradictsChampionship(listed, false, "ASIAN LEMANS SERIES")).isTrue();
        assertThat(AlKamelPortal.contradictsChampionship(listed, true, "ASIAN LEMANS SERIES")).as("a table names it").isFalse();
        assertThat(AlKamelPortal.contradictsChampionship(listed, false, "asian le  mans series")).as("a folder names it").isFalse();
        assertThat(AlKamelPortal.contradictsChampionship(List.of(), false, "ASIAN LEMANS SERIES")).as("nothing published yet").isFalse();
    }
}
