package org.podium.outbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report page made from a small outbox ({@link ReportFixture}). */
class ReportPageTest {

    private static final Instant AT = Instant.parse("2024-02-04T18:05:00Z");

    @TempDir
    Path dir;

    private ReportFixture fixture;

    @BeforeEach
    void writeFixture() {
        fixture = new ReportFixture(dir).write();
    }

    private String html() {
        return ReportPage.html(ReportInputs.read(fixture.outbox, fixture.inbox), AT);
    }

    private Document page() {
        return Jsoup.parse(html());
    }

    @Test
    void aTeamNameWithMarkupIsShownAsTextAndMakesNoElement() {
        Document page = page();
        assertThat(page.select("script, img, iframe, object, embed, [onerror], [onload]")).isEmpty();
        assertThat(page.select("table.standings td").eachText()).contains(ReportFixture.HOSTILE);
    }

    @Test
    void aTeamNameAFormulaWouldStartGetsALeadingApostropheInTables() {
        assertThat(page().select("table.standings td").eachText()).contains("'" + ReportFixture.FORMULA)
                .doesNotContain(ReportFixture.FORMULA);
    }

    @Test
    void thePageLoadsNothingFromAnywhere() {
        String html = html();
        Document page = Jsoup.parse(html);
        assertThat(page.select("script, link, img, iframe, object, embed, audio, video, source, base, form")).isEmpty();
        for (Element e : page.select("[href], [src], [action], [xlink:href]")) {
            for (String attr : List.of("href", "src", "action", "xlink:href")) {
                String url = e.attr(attr);
                if (!url.isEmpty()) assertThat(url).as("%s of %s", attr, e.tagName()).doesNotContain(":").doesNotStartWith("//");
            }
        }
        assertThat(page.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(html).doesNotContain("://");
    }

    @Test
    void thePageForbidsScriptsAndFetchesInItsOwnPolicy() {
        Element csp = page().selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(csp.attr("content")).startsWith("default-src 'none'").doesNotContain("script-src");
    }

    @Test
    void theSameOutboxGivesTheSameBody() {
        String first = ReportPage.body(ReportInputs.read(fixture.outbox, fixture.inbox));
        String second = ReportPage.body(ReportInputs.read(fixture.outbox, fixture.inbox));
        assertThat(second).isEqualTo(first);
        assertThat(ReportPage.html(ReportInputs.read(fixture.outbox, fixture.inbox), AT)).isEqualTo(html());
    }

    @Test
    void anInvitationShowsItsLatestNoticeAndItsHistoryNewestFirst() {
        Element card = page().selectFirst("#inv-lemans-2024-asia-combined");
        assertThat(card.selectFirst(".card-head .state").text()).isEqualTo("LEADER");
        assertThat(card.selectFirst(".recipient").text()).isEqualTo("Recipient Kaiju Motorsports");
        assertThat(card.select("tbody tr").eachText()).hasSize(3);
        assertThat(card.select("tbody tr td:eq(1)").eachText()).containsExactly("LEADER", "WITHDRAWN", "LEADER");
        assertThat(card.select("tbody tr td:eq(2)").eachText())
                .containsExactly("Kaiju Motorsports", "Phoenix Lótus Racing", "Phoenix Lótus Racing");
    }

    @Test
    void combinedScoresAndSharesShowTheRulesDecimals() {
        Element row = page().selectFirst("table.combined tbody tr");
        assertThat(row.select("td").eachText().subList(0, 3)).containsExactly("1", "Kaiju Motorsports", "1.010");
        assertThat(row.select("td").get(3).ownText()).isEqualTo("0.810");
    }

    @Test
    void nearMissesAskForAnAliasAndIneligibleTeamsSayWhy() {
        Element combined = page().selectFirst("#combined");
        assertThat(combined.text()).contains("Possibly the same entrant: add an alias")
                .contains("Garudda Racing").contains("Garuda Racing")
                .contains("Not eligible").contains("did not start a round of the Asian Le Mans Series 2023-24");
    }

    @Test
    void aStandingsTableShowsRankEntrantRoundPointsAndStatus() {
        Element table = page().selectFirst("#season-alms-2023-24 table.standings");
        assertThat(table.select("thead th").eachText()).containsExactly("Pos", "Driver", "Team", "Car", "R1", "R2", "Points");
        assertThat(table.selectFirst("tbody tr").select("td").eachText())
                .containsExactly("1=", "Hiroshi TANABE", "Kaiju Motorsport", "#8 McLaren 720S GT3 Evo", "26", "18", "44");
        assertThat(table.selectFirst("caption").text()).contains("provisional").contains("rounds to run: 3");
    }

    @Test
    void aRoundWithResultsBeforeItIsCompleteHasItsColumn() {
        fixture.standings(ReportFixture.HOSTILE, ReportFixture.FORMULA, List.of(1), List.of(2, 3));
        Element table = page().selectFirst("#season-alms-2023-24 table.standings");
        assertThat(table.select("thead th").eachText()).containsExactly("Pos", "Driver", "Team", "Car", "R1", "R2", "Points");
        assertThat(table.selectFirst("caption").text()).contains("rounds to run: 2, 3");
    }

    @Test
    void theChartKeepsAPlaceForEveryRoundOfTheCalendar() {
        assertThat(page().select("#season-alms-2023-24 svg text.xlab").eachText()).containsExactly("R1", "R2", "R3");
    }

    @Test
    void aCrewSharingACarIsOneLineOfTheChart() {
        Element figure = page().selectFirst("#season-alms-2023-24 figure");
        assertThat(figure.select("polyline")).hasSize(3);
        assertThat(figure.select("ul.legend li").eachText().get(0))
                .isEqualTo("Hiroshi TANABE / Daichi MORIOKA (#8 Kaiju Motorsport)");
    }

    @Test
    void aRejectedFileSaysWhatFailedAndWhatToDo() {
        Element row = page().selectFirst("#rejected tbody tr");
        assertThat(row.text()).contains("alms/2023-24/01_Sepang/Race 1/only-header.CSV")
                .contains("kept in inbox/.failed/")
                .contains("the file has a header and no entries")
                .contains("line 2, field POSITION: no entry after the header")
                .contains("add the entries, then drop the file into the inbox again");
    }

    @Test
    void anEmptyOutboxSaysThereIsNothingYet() {
        Document page = Jsoup.parse(ReportPage.html(ReportInputs.read(dir.resolve("none/outbox"), dir.resolve("none/inbox")), AT));
        assertThat(page.select("p.empty").eachText()).containsExactly(
                "No invitation notice has been published yet.", "No combined classification has been published yet.",
                "No standings have been published yet.", "No file has been rejected.");
    }
}
