package org.podium.poll;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SroPagesTest {

    private static final FeedEvent SPA = new FeedEvent(4, "Spa", "spa", Set.of("Race after 6 hours", "Race after 12 hours", "Race"));
    private static final FeedEvent MISANO = new FeedEvent(5, "Misano", "misano", Set.of());

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void theMainRaceIsFiledAsRace() {
        assertThat(SroPages.session("Main Race", SPA)).contains("Race");
        assertThat(SroPages.session("Race", MISANO)).contains("Race");
    }

    @Test
    void sprintRacesKeepTheirNumbers() {
        assertThat(SroPages.session("Race 1", MISANO)).contains("Race 1");
        assertThat(SroPages.session("Race  2", MISANO)).contains("Race 2");
    }

    @Test
    void qualifyingSessionsAreTakenAsNamed() {
        assertThat(SroPages.session("Qualifying 1", MISANO)).contains("Qualifying 1");
        assertThat(SroPages.session("Qualifying", SPA)).contains("Qualifying");
    }

    @Test
    void practiceIsNotAResult() {
        assertThat(SroPages.session("Free Practice 1", MISANO)).isEmpty();
        assertThat(SroPages.session("Pre-Qualifying", MISANO)).isEmpty();
    }

    @Test
    void anIntermediateCheckpointIsNotAResult() {
        assertThat(SroPages.session("Main Race after 5.30 hours", SPA)).isEmpty();
        assertThat(SroPages.session("Main Race after 6 hours", MISANO)).isEmpty();
    }

    @Test
    void theTwentyFourHoursScoringStagesAreTakenWhereTheCalendarNamesThem() {
        assertThat(SroPages.session("Main Race after 6 hours", SPA)).contains("Race after 6 hours");
        assertThat(SroPages.session("Main Race after 12 hours", SPA)).contains("Race after 12 hours");
    }

    @Test
    void theEventPageListsItsRaces() {
        Map<String, String> races = new LinkedHashMap<>();
        races.put("0", "Select race");
        races.put("3301", "Qualifying 1");
        races.put("3302", "Race 1");
        races.put("x9", "Hostile");
        assertThat(SroPages.races(utf8(Portal.sroEventPage(races))).orElseThrow())
                .containsExactly(new SroPages.Race("3301", "Qualifying 1"), new SroPages.Race("3302", "Race 1"));
    }

    @Test
    void aPageWithoutRaceListIsNotAnEventPage() {
        assertThat(SroPages.races(utf8("<html><body><p>Maintenance</p></body></html>"))).isEmpty();
    }

    @Test
    void theRealSamplesRaceListIsRead() {
        assertThat(SroPages.races(Portal.sample("sro/gtwc-race-results.html")).orElseThrow())
                .extracting(SroPages.Race::name).containsExactly("Qualifying 1", "Race 1", "Race 2");
    }

    @Test
    void theSeasonPageListsEventLinks() {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("monza", "Monza");
        events.put("brands-hatch", "Brands Hatch");
        assertThat(SroPages.eventLinks(utf8(Portal.sroSeasonPage("2023", events, "/")), "2023").orElseThrow())
                .containsExactly("/results/2023/monza", "/results/2023/brands-hatch");
    }

    @Test
    void aPageWithoutEventsIsNotASeasonPage() {
        assertThat(SroPages.eventLinks(utf8("<html><body><a href=\"/news\">News</a></body></html>"), "2023")).isEmpty();
    }

    @Test
    void aSlugIsTheLastSegmentOfAnEventLink() {
        assertThat(SroPages.slugOf(List.of("results", "2023", "monza"), "2023")).isEqualTo("monza");
        assertThat(SroPages.slugOf(List.of("results", "2022", "monza"), "2023")).isNull();
    }

    @Test
    void theRealSampleHoldsAResultsTable() {
        assertThat(SroPages.notResults(Portal.sample("sro/gtwc-race-results.html"))).isNull();
    }

    @Test
    void aPageWithoutTableIsNotResults() {
        assertThat(SroPages.notResults(utf8(Portal.sroEventPage(Map.of("3302", "Race 1"))))).contains("no results table");
    }
}
