package org.podium.delivery;

import org.junit.jupiter.api.Test;
import org.podium.support.ConfigException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveriesFileTest {

    static final Map<String, String> ENV = Map.of("HUB_SECRET", "from-the-environment-0123");

    static Targets parse(String yaml) {
        return DeliveriesFile.parse(yaml, "config/deliveries.yaml", ENV::get);
    }

    @Test
    void theShippedFileHasNoTargets() {
        assertThat(DeliveriesFile.load(java.nio.file.Path.of("config/deliveries.yaml"), ENV::get).all()).isEmpty();
    }

    @Test
    void readsATargetWithItsSecretFromTheEnvironmentAndTheDefaults() {
        Targets t = parse("""
                defaults:
                  timeoutSeconds: 3
                  retry: { attempts: 4, firstDelay: 500ms, multiplier: 3, maxDelay: 1m, jitter: 0.1 }
                targets:
                  - id: results-hub
                    url: "https://hub.example.org/podium/hooks?team=7"
                    kinds: [notices, standings]
                    secretFrom: HUB_SECRET
                  - id: screens
                    url: "http://screens.lan:8080/podium"
                    kinds: [results, combined]
                    secret: "written-in-the-file-0123"
                    timeoutSeconds: 0.5
                    retry: { attempts: 2 }
                """);
        Target hub = t.get("results-hub").orElseThrow();
        assertThat(hub.secret()).isEqualTo("from-the-environment-0123");
        assertThat(hub.kinds()).containsExactlyInAnyOrder(DocumentKind.NOTICES, DocumentKind.STANDINGS);
        assertThat(hub.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(hub.retry()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), 3, Duration.ofMinutes(1), 0.1));
        assertThat(hub.wants("invitation-notice")).isTrue();
        assertThat(hub.wants("invitation-notice-text")).isFalse();
        assertThat(hub.wants("session-result")).isFalse();
        Target screens = t.get("screens").orElseThrow();
        assertThat(screens.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(screens.retry().attempts()).isEqualTo(2);
        assertThat(t.wanting("session-result")).containsExactly(screens);
        assertThat(hub.toString()).doesNotContain("from-the-environment");
    }

    @Test
    void eachProblemNamesItsKeyAndWhatToChange() {
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secretFrom: HUB_SECRET, retries: {} }]",
                "targets[0].retries", "unknown key");
        refused("targets: [{ id: a, url: \"ftp://h/x\", kinds: [notices], secretFrom: HUB_SECRET }]",
                "targets[0].url", "http:// or https://");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices] }]", "targets[0].secret", "secretFrom: NAME");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secret: \"written-in-the-file-0123\", secretFrom: HUB_SECRET }]",
                "targets[0].secretFrom", "not both");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secretFrom: NOT_SET_ANYWHERE }]",
                "targets[0].secretFrom", "environment variable NOT_SET_ANYWHERE nor the system property");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notice], secretFrom: HUB_SECRET }]",
                "targets[0].kinds[0]", "notices, standings, combined, results");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secret: short }]", "targets[0].secret", "16 characters");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secretFrom: HUB_SECRET, retry: { firstDelay: soon } }]",
                "targets[0].retry.firstDelay", "500ms");
        refused("targets: [{ id: a, url: \"https://h/x\", kinds: [notices], secretFrom: HUB_SECRET, retry: { jitter: 2 } }]",
                "targets[0].retry.jitter", "from 0 to 1");
        refused("""
                targets:
                  - { id: a, url: "https://h/x", kinds: [notices], secretFrom: HUB_SECRET }
                  - { id: a, url: "https://h/y", kinds: [notices], secretFrom: HUB_SECRET }
                """, "targets[1].id", "used twice");
        refused("target: []", "target", "unknown key");
    }

    static void refused(String yaml, String key, String says) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/deliveries.yaml").hasMessageContaining(key).hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("from-the-environment"));
    }
}
