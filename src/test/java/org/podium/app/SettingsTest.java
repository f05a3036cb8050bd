package org.podium.app;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check of Podium's own settings, against the defaults in application.properties. */
class SettingsTest {

    /** Every default as it ships, with some values replaced. */
    static Map<String, String> defaultsWith(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        Settings.defaults().forEach((k, v) -> values.put((String) k, ((String) v).strip()));
        for (int i = 0; i < keyValues.length; i += 2) values.put(keyValues[i], keyValues[i + 1]);
        return values;
    }

    static void check(Map<String, String> values) {
        Settings.check(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void theShippedDefaultsPass() {
        check(defaultsWith());
    }

    @Test
    void aWordWhereANumberBelongsIsNamedWithItsEnvironmentVariable() {
        assertThatThrownBy(() -> check(defaultsWith("podium.inbox.max-file-size", "20MB")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("podium.inbox.max-file-size (environment PODIUM_INBOX_MAX_FILE_SIZE) is \"20MB\": "
                        + "not a whole number (default 20971520)");
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThatThrownBy(() -> check(defaultsWith("podium.recompute.quiet-period", "-1")))
                .hasMessageContaining("podium.recompute.quiet-period").hasMessageContaining("must be 0 or more");
    }

    @Test
    void aPoolOfNoConnectionsIsRefused() {
        assertThatThrownBy(() -> check(defaultsWith("podium.db.pool-size", "0")))
                .hasMessageContaining("podium.db.pool-size").hasMessageContaining("must be 1 or more");
    }

    @Test
    void zeroIsAllowedWhereItMeansNoWait() {
        check(defaultsWith("podium.inbox.read-lock-min-age", "0", "podium.recompute.quiet-period", "0"));
    }

    @Test
    void aSwitchTakesTrueOrFalseOnly() {
        assertThatThrownBy(() -> check(defaultsWith("podium.cluster.enabled", "yes")))
                .hasMessageContaining("podium.cluster.enabled").hasMessageContaining("must be true or false");
    }

    @Test
    void aStoreUrlThatIsNotJdbcIsRefused() {
        assertThatThrownBy(() -> check(defaultsWith("podium.db.url", "postgresql://db:5432/podium")))
                .hasMessageContaining("podium.db.url").hasMessageContaining("not a JDBC URL");
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> check(defaultsWith("podium.inbox.poll-delay", "soon", "podium.once.max-seconds", "0")))
                .hasMessageContaining("podium.inbox.poll-delay").hasMessageContaining("podium.once.max-seconds");
    }

    @Test
    void environmentNamesAreUpperCaseWithDotsAndDashesAsUnderscores() {
        assertThat(Settings.environmentName("podium.inbox.max-file-size")).isEqualTo("PODIUM_INBOX_MAX_FILE_SIZE");
        assertThat(Settings.environmentName("podium.db.url")).isEqualTo("PODIUM_DB_URL");
    }
}
