package org.podium.poll;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkPolicyTest {

    private static final URI BASE = URI.create("https://alms.alkamelsystems.com/portal/");
    private static final URI PAGE = URI.create("https://alms.alkamelsystems.com/portal/?season=03_2023-2024&evvent=01_Sepang");
    private final LinkPolicy policy = new LinkPolicy(BASE, Set.of("alms.alkamelsystems.com"));

    private void refused(String href, String reason) {
        assertThatThrownBy(() -> policy.resolve(PAGE, href)).isInstanceOf(Refused.class).hasMessageContaining(reason);
    }

    @Test
    void aRelativeResultsLinkResolvesBelowThePortal() throws Refused {
        URI uri = policy.resolve(PAGE, "Results/03_2023-2024/01_Sepang/01_ASIAN%20LE%20MANS%20SERIES/202312021030_Race%201/x.CSV");
        assertThat(uri.toString()).isEqualTo(
                "https://alms.alkamelsystems.com/portal/Results/03_2023-2024/01_Sepang/01_ASIAN%20LE%20MANS%20SERIES/202312021030_Race%201/x.CSV");
        assertThat(policy.segmentsBelowBase(uri)).containsExactly("Results", "03_2023-2024", "01_Sepang",
                "01_ASIAN LE MANS SERIES", "202312021030_Race 1", "x.CSV");
    }

    @Test
    void spacesWrittenAsTheyAreAreAccepted() throws Refused {
        URI uri = policy.resolve(PAGE, "Results/03_2023-2024/02_Dubai Autodrome/x.CSV");
        assertThat(policy.segmentsBelowBase(uri)).contains("02_Dubai Autodrome");
    }

    @Test
    void anAbsoluteLinkOnAnAllowedHostInsideTheBaseIsAccepted() throws Refused {
        assertThat(policy.resolve(PAGE, "https://alms.alkamelsystems.com/portal/Results/a.CSV").getHost())
                .isEqualTo("alms.alkamelsystems.com");
    }

    @Test
    void aLinkToAnotherHostIsRefused() {
        refused("https://evil.example/portal/Results/a.CSV", "not in allowedHosts");
    }

    @Test
    void aSchemeRelativeLinkToAnotherHostIsRefused() {
        refused("//evil.example/portal/Results/a.CSV", "not in allowedHosts");
    }

    @Test
    void anAbsolutePathOutsideTheBaseIsRefused() {
        refused("/admin/Results/a.CSV", "outside the feed's folder");
    }

    @Test
    void dotDotSegmentsAreRefused() {
        refused("Results/../../etc/passwd", "dot segment");
    }

    @Test
    void encodedDotDotSegmentsAreRefusedInEverySpelling() {
        for (String href : List.of("Results/%2e%2e/%2E%2E/x", "Results/.%2e/x", "Results/%2e./x", "Results/%2e/x")) {
            assertThatThrownBy(() -> policy.resolve(PAGE, href)).as(href).isInstanceOf(Refused.class);
        }
    }

    @Test
    void encodedSlashesAndBackslashesAreRefused() {
        refused("Results/..%2f..%2fx", "encoded slash");
        refused("Results/..%5Cx", "encoded slash or backslash");
    }

    @Test
    void aBackslashIsRefused() {
        refused("Results\\..\\x.CSV", "backslash");
    }

    @Test
    void doubleEncodingIsRefused() {
        refused("Results/%252e%252e/x", "double-encoded");
    }

    @Test
    void aNonHttpSchemeIsRefused() {
        refused("javascript:alert(1)", "not an http(s) link");
        refused("file:///etc/passwd", "not an http(s) link");
    }

    @Test
    void userInformationIsRefused() {
        refused("https://user@alms.alkamelsystems.com/portal/x", "user information");
    }

    @Test
    void aRedirectIsCheckedLikeALink() {
        assertThatThrownBy(() -> policy.redirect(PAGE, "http://mirror.example/portal/x"))
                .isInstanceOf(Refused.class).hasMessageContaining("mirror.example");
    }
}
