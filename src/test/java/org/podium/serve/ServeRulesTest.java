package org.podium.serve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox API's rules on their own: which paths are outbox paths, which validators match, which tokens pass. */
class ServeRulesTest {

    static final String TAG = "\"" + "ab".repeat(32) + "\"";

    @Test
    void anOutboxPathIsPlainVisibleNamesBelowOutbox() {
        assertThat(OutboxDocuments.outboxPath("/outbox/standings/alms/2023-24/drivers-overall.json"))
                .hasValue("standings/alms/2023-24/drivers-overall.json");
        assertThat(OutboxDocuments.outboxPath("/outbox/results/alms/2023-24/03-race%202.json")).hasValue("results/alms/2023-24/03-race 2.json");
        for (String bad : new String[]{"/outbox/", "/outbox", "/outboxes/x.json", "/other/x.json", "/outbox//etc/passwd",
                "/outbox/a/../b.json", "/outbox/%2e%2e/b.json", "/outbox/a%2fb.json", "/outbox/a%5cb.json", "/outbox/a\\b.json",
                "/outbox/%252e%252e/b.json", "/outbox/a/.b.json.1.tmp", "/outbox/a/", "/outbox/a/%00.json", "/outbox/C:/x.json",
                "/outbox/%zz.json"}) {
            assertThat(OutboxDocuments.outboxPath(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void ifNoneMatchTakesAListAStarAndWeakTags() {
        assertThat(OutboxDocuments.matches(TAG, TAG)).isTrue();
        assertThat(OutboxDocuments.matches("\"x\", W/" + TAG, TAG)).isTrue();
        assertThat(OutboxDocuments.matches("*", TAG)).isTrue();
        assertThat(OutboxDocuments.matches("\"x\"", TAG)).isFalse();
        assertThat(OutboxDocuments.matches(TAG.replace("\"", ""), TAG)).isFalse();
        assertThat(OutboxDocuments.matches(null, TAG)).isFalse();
    }

    @Test
    void aTokenPassesOnlyWhole() {
        BearerToken none = new BearerToken("  ");
        assertThat(none.required()).isFalse();
        assertThat(none.admits(null)).isTrue();
        BearerToken token = new BearerToken("s3cret");
        assertThat(token.required()).isTrue();
        assertThat(token.admits("Bearer s3cret")).isTrue();
        assertThat(token.admits("bearer s3cret")).isTrue();
        for (String wrong : new String[]{null, "", "Bearer", "Bearer ", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret"}) {
            assertThat(token.admits(wrong)).as(String.valueOf(wrong)).isFalse();
        }
    }
}
