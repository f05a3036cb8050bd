package org.podium.poll;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedIndexTest {

    private static final String SHA = "a".repeat(64);

    private static FeedIndex parse(String json) {
        return FeedIndex.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIndexListsDocumentsWithTheirHashes() {
        FeedIndex index = parse("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"2023-24/race-1.json","sha256":"%s","updated":"2024-02-10T18:00:00Z"}]}
                """.formatted(SHA.toUpperCase()));
        assertThat(index.documents()).containsExactly(
                new FeedIndex.Document("2023-24/race-1.json", SHA, Instant.parse("2024-02-10T18:00:00Z")));
    }

    @Test
    void aServedOutboxIndexGivesEachDocumentsKindAndVersion() {
        FeedIndex index = parse("""
                {"schema":"podium.feed-index/1","documents":[
                  {"url":"standings/alms/2023-24/drivers-overall.json","sha256":"%s","updated":"2024-02-10T18:00:00Z",
                   "kind":"standings","version":4}]}
                """.formatted(SHA));
        assertThat(index.documents().get(0).kind()).isEqualTo("standings");
        assertThat(index.documents().get(0).version()).isEqualTo(4);
        assertThatThrownBy(() -> parse("{\"schema\":\"podium.feed-index/1\",\"documents\":[{\"url\":\"a.json\",\"sha256\":\""
                + SHA + "\",\"version\":\"4\"}]}")).hasMessageContaining("documents[0].version must be a whole number");
        assertThatThrownBy(() -> parse("{\"schema\":\"podium.feed-index/1\",\"documents\":[{\"url\":\"a.json\",\"sha256\":\""
                + SHA + "\",\"version\":0}]}")).hasMessageContaining("version must be 1 or more");
    }

    @Test
    void anotherSchemaIsRejected() {
        assertThatThrownBy(() -> parse("{\"schema\":\"podium.session-result/1\",\"documents\":[]}"))
                .hasMessageContaining("schema must be \"podium.feed-index/1\"");
    }

    @Test
    void aHashThatIsNotSha256IsRejected() {
        assertThatThrownBy(() -> parse("{\"schema\":\"podium.feed-index/1\",\"documents\":[{\"url\":\"a.json\",\"sha256\":\"abc\"}]}"))
                .hasMessageContaining("documents[0]").hasMessageContaining("64 hex digits");
    }

    @Test
    void aDocumentListedTwiceIsRejected() {
        String doc = "{\"url\":\"a.json\",\"sha256\":\"" + SHA + "\"}";
        assertThatThrownBy(() -> parse("{\"schema\":\"podium.feed-index/1\",\"documents\":[" + doc + "," + doc + "]}"))
                .hasMessageContaining("listed twice");
    }

    @Test
    void brokenJsonIsRejected() {
        assertThatThrownBy(() -> parse("{\"schema\":")).hasMessageContaining("not valid JSON");
    }
}
