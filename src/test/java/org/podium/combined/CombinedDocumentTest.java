package org.podium.combined;

import org.podium.outbox.CombinedDocument;
import org.podium.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.podium.combined.Results.car;
import static org.podium.combined.Results.gt;

/** The combined classification as the document the outbox carries. */
class CombinedDocumentTest {
    static CombinedClassification kaijuAndGaruda() {
        return CombinedCalculator.compute(Results.asiaRule(1, CombinedTieBreak.BEST_SINGLE_SHARE), Results.bySeason(
                        CombinedCalculatorTest.asiaStandings(CombinedCalculatorTest.asia(1,
                                car("8", "KAIJU MOTORSPORTS"), car("71", "Garudda Racing"))),
                        CombinedCalculatorTest.almsStandings(CombinedCalculatorTest.alms(1,
                                gt("8", "Kaiju Motorsport"), gt("77", "Garuda Racing")))),
                Results.aliases());
    }

    @Test
    void theDocumentHasTheSchemaAndScoresToThreeDecimals() throws IOException {
        byte[] bytes = Json.bytes(CombinedDocument.json(kaijuAndGaruda()));
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode doc = new ObjectMapper().readTree(bytes);

        assertThat(doc.get("schema").asText()).isEqualTo("podium.combined/1");
        assertThat(doc.has("generated")).isFalse();
        assertThat(doc.get("final").asBoolean()).isFalse();
        JsonNode kaiju = doc.get("classification").get(0);
        assertThat(kaiju.get("team").asText()).isEqualTo("Kaiju Motorsport");
        assertThat(text).contains("\"score\" : 0.635", "\"share\" : 0.250", "\"share\" : 0.385");
        assertThat(kaiju.get("series").get(1).get("maxPoints").asInt()).isEqualTo(130);
    }

    @Test
    void theDocumentListsIneligibleTeamsAndNearMisses() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(Json.bytes(CombinedDocument.json(kaijuAndGaruda())));

        assertThat(doc.get("ineligible")).hasSize(2);
        JsonNode miss = doc.get("nearMisses").get(0);
        assertThat(miss.get("message").asText()).isEqualTo("possibly the same entrant: add an alias");
        assertThat(miss.get("a").get("team").asText()).isEqualTo("Garudda Racing");
        assertThat(miss.get("b").get("series").asText()).isEqualTo("alms");
    }

    @Test
    void theDocumentGivesEachSeasonsStateAndShareStillAvailable() throws IOException {
        JsonNode seasons = new ObjectMapper().readTree(Json.bytes(CombinedDocument.json(kaijuAndGaruda())))
                .get("seasons");

        assertThat(seasons.get(0).get("series").asText()).isEqualTo("gtwc-asia");
        assertThat(seasons.get(0).get("maxShareStillAvailable").decimalValue()).isEqualByComparingTo("0.750");
        assertThat(seasons.get(1).get("roundsToRun")).extracting(JsonNode::asInt).containsExactly(2, 3);
    }

    @Test
    void thePathIsUnderCombinedByTheClassificationsId() {
        assertThat(CombinedDocument.path(kaijuAndGaruda())).isEqualTo("combined/asia-combined.json");
    }
}
