package org.podium.outbox;

import org.podium.support.Json;
import org.podium.support.AtomicFiles;
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
        assertThat(card.select("table.history tbody tr").eachText()).hasSize(3);
        assertThat(card.select("table.history tbody tr td:eq(1)").eachText()).containsExactly("LEADER", "WITHDRAWN", "LEADER");
        assertThat(card.select("table.history tbody tr td:eq(2)").eachText())
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
        assertThat(table.select("thead th").eachText())
                .containsExactly("Pos", "Driver", "Team", "Car", "R1 Sepang", "R2 Dubai", "Points");
        Element first = table.selectFirst("tbody tr");
        assertThat(first.select("td").eachText().subList(2, 7))
                .containsExactly("Kaiju Motorsport", "#8 McLaren 720S GT3 Evo", "26", "18", "44");
        assertThat(first.select("td").get(0).text()).isEqualTo("1=");
        // the driver, and under it (shown where the team and car columns are not) the team and car
        assertThat(first.selectFirst("td.who").ownText()).isEqualTo("Hiroshi TANABE");
        assertThat(first.selectFirst("td.who .narrow").text()).isEqualTo("Kaiju Motorsport #8");
        assertThat(first.select("td.wide")).hasSize(2);
        assertThat(first.select("td").last().hasClass("pts")).isTrue();
        assertThat(table.selectFirst("caption").text()).contains("provisional").contains("rounds to run: 3");
    }

    @Test
    void eachRoundColumnNamesItsEventAsTextNotAsATooltip() {
        Element table = page().selectFirst("#season-alms-2023-24 table.standings");
        assertThat(table.select("thead th.rd .ev").eachText()).containsExactly("Sepang", "Dubai");
        assertThat(table.select("[title]")).isEmpty();
        assertThat(page().select("#season-alms-2023-24 svg text.xev").eachText()).containsExactly("Sepang", "Dubai");
    }

    @Test
    void aRoundWithResultsBeforeItIsCompleteHasItsColumn() {
        fixture.standings(ReportFixture.HOSTILE, ReportFixture.FORMULA, List.of(1), List.of(2, 3));
        Element table = page().selectFirst("#season-alms-2023-24 table.standings");
        assertThat(table.select("thead th").eachText())
                .containsExactly("Pos", "Driver", "Team", "Car", "R1 Sepang", "R2 Dubai", "Points");
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
    void anInvitationCardShowsTheCombinedClassificationItIsDecidedOnAndLinksToIt() {
        Document page = page();
        Element decided = page.selectFirst("#inv-lemans-2024-asia-combined aside.decided");
        assertThat(decided.selectFirst("h4 a").attr("href")).isEqualTo("#combined-lemans-2024-asia-combined");
        assertThat(page.getElementById("combined-lemans-2024-asia-combined")).isNotNull();
        assertThat(decided.select("table.excerpt tbody tr").eachText()).containsExactly("1 Kaiju Motorsports 1.010");
        assertThat(decided.select("tr.recipient-row").eachText()).containsExactly("1 Kaiju Motorsports 1.010");
        // its chart: the score as each season's share
        assertThat(decided.select("svg.bars rect").eachAttr("width")).hasSize(2);
        assertThat(decided.select("svg.bars text.bval").eachText()).containsExactly("1.010");
        assertThat(page.selectFirst("#inv-lemans-2024-asia-combined dl.facts a").attr("href"))
                .isEqualTo("#combined-lemans-2024-asia-combined");
        assertThat(page.selectFirst("#combined-lemans-2024-asia-combined .decides-line a").attr("href"))
                .isEqualTo("#inv-lemans-2024-asia-combined");
    }

    @Test
    void aStandingsTableAnInvitationIsDecidedOnIsShownFirstOpenAndChartedAndItsCardLinksToIt() throws Exception {
        // a second table of the season: without an invitation on drivers-gt, drivers-overall would lead the season
        com.fasterxml.jackson.databind.node.ObjectNode overall = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree(fixture.outbox.resolve("standings/alms/2023-24/drivers-gt.json").toFile());
        overall.put("table", "drivers-overall").put("scope", "overall");
        AtomicFiles.write(fixture.outbox.resolve("standings/alms/2023-24/drivers-overall.json"), Json.bytes(overall));
        assertThat(page().select("#season-alms-2023-24 details").eachAttr("id").get(0)).isEqualTo("table-alms-2023-24-drivers-overall");

        com.fasterxml.jackson.databind.node.ObjectNode notice = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree(fixture.outbox.resolve("notices/lemans-2024-asia-combined/003-leader.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) notice.path("invitation")).put("id", "lemans-2024-alms-gt").put("name", "ALMS GT invitation");
        ((com.fasterxml.jackson.databind.node.ObjectNode) notice.path("recipient")).put("team", "Kaiju Motorsport").put("car", "8");
        ((com.fasterxml.jackson.databind.node.ObjectNode) notice.path("basis")).put("classification", "alms/2023-24/drivers-gt");
        AtomicFiles.write(fixture.outbox.resolve("notices/lemans-2024-alms-gt/001-leader.json"), Json.bytes(notice));

        Document page = page();
        Element card = page.selectFirst("#inv-lemans-2024-alms-gt");
        Element decided = card.selectFirst("aside.decided");
        assertThat(decided.selectFirst("h4 a").attr("href")).isEqualTo("#table-alms-2023-24-drivers-gt");
        assertThat(decided.select("table.excerpt tbody tr").eachText()).containsExactly(
                "1= Hiroshi TANABE Kaiju Motorsport 44", "1= Daichi MORIOKA Kaiju Motorsport 44",
                "3 Anna EXAMPLE " + ReportFixture.HOSTILE + " 43", "4 Ben SAMPLE '" + ReportFixture.FORMULA + " 27.5");
        assertThat(decided.select("tr.recipient-row")).hasSize(2);
        assertThat(decided.select("svg.chart polyline")).hasSize(3);
        assertThat(decided.selectFirst("figcaption").text()).contains("alms 2023-24 drivers-gt");

        Element table = page.getElementById("table-alms-2023-24-drivers-gt");
        assertThat(table.tagName()).isEqualTo("details");
        assertThat(table.hasAttr("open")).isTrue();
        assertThat(table.selectFirst(".decides-line a").attr("href")).isEqualTo("#inv-lemans-2024-alms-gt");
        assertThat(page.select("#season-alms-2023-24 details").eachAttr("id").get(0)).isEqualTo("table-alms-2023-24-drivers-gt");
        assertThat(page.getElementById("table-alms-2023-24-drivers-overall").hasAttr("open")).isFalse();
        assertThat(page.selectFirst("#season-alms-2023-24 > figure figcaption").text()).endsWith("of drivers-gt");
    }

    @Test
    void eachSessionResultDocumentIsLinkedUnderItsRoundAndEvent() {
        AtomicFiles.write(fixture.outbox.resolve("results/alms/2023-24/01-race-1.json"), "{}".getBytes());
        AtomicFiles.write(fixture.outbox.resolve("results/alms/2023-24/02-race.json"), "{}".getBytes());
        Document page = page();
        assertThat(page.select("#season-alms-2023-24 ul.sessions li").eachText())
                .containsExactly("R1 Sepang: Race 1", "R2 Dubai: Race");
        assertThat(page.select("#season-alms-2023-24 ul.sessions a").eachAttr("href"))
                .containsExactly("../results/alms/2023-24/01-race-1.json", "../results/alms/2023-24/02-race.json");
    }

    @Test
    void theFeedsSectionShowsEachFeedsLastPollOutcomeNextPollAndBreaker() {
        Instant polled = Instant.parse("2024-02-04T18:00:00Z");
        List<ReportInputs.Feed> feeds = List.of(
                new ReportInputs.Feed("alms", "alms", "alkamel-portal", true, polled, polled, "2 fetched, 9 unchanged(304)",
                        false, null, null, null, 0, Instant.parse("2024-02-04T18:15:00Z"), "CLOSED"),
                new ReportInputs.Feed("sro", "gtwc-europe", "sro-results", true, polled, Instant.parse("2024-02-04T17:00:00Z"),
                        "1 failed", true, "Connection refused", polled, Instant.parse("2024-02-04T17:15:00Z"), 4,
                        Instant.parse("2024-02-04T18:15:00Z"), "OPEN"),
                new ReportInputs.Feed("idle", "alms", "alkamel-portal", true, null, null, null, false, null, null, null, 0,
                        Instant.parse("2024-02-04T18:15:00Z"), null));
        Document page = Jsoup.parse(ReportPage.html(ReportInputs.read(fixture.outbox, fixture.inbox).withFeeds(feeds), AT));
        List<Element> rows = page.select("#feeds tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(page.select("#feeds tbody tr td.feed").eachText())
                .containsExactly("alms alms · alkamel-portal", "idle alms · alkamel-portal", "sro gtwc-europe · sro-results");
        Element alms = page.getElementById("feed-alms");
        assertThat(alms.select("td").eachText().subList(1, 6)).containsExactly("OK", "2024-02-04 18:00:00 UTC",
                "2 fetched, 9 unchanged(304)", "2024-02-04 18:15:00 UTC", "CLOSED");
        Element sro = page.getElementById("feed-sro");
        assertThat(sro.select("td").get(1).text()).isEqualTo("FAILING");
        assertThat(sro.select("td").get(3).text()).startsWith("failed 4 times in a row since 2024-02-04 17:15:00 UTC")
                .contains("last success 2024-02-04 17:00:00 UTC").contains("Connection refused");
        assertThat(sro.select("td").get(5).text()).isEqualTo("OPEN");
        Element idle = page.getElementById("feed-idle");
        assertThat(idle.select("td").get(1).text()).isEqualTo("NOT POLLED");
        assertThat(idle.select("td").get(3).text()).isEqualTo("not polled yet");
        assertThat(idle.select("td").get(5).text()).isEqualTo("no schedule in this run");
        assertThat(page.selectFirst(".status").text()).contains("3 feeds: 1 failing").contains("Rejected files: 1");
    }

    @Test
    void textFromOutsideCannotCloseAnAttributeOrOpenAnElement() {
        String id = "x\" onclick=\"alert(1)\" data-'a='<b>";
        List<ReportInputs.Feed> feeds = List.of(new ReportInputs.Feed(id, "<i>alms</i>", "k&k", true, null, null, null, false,
                null, null, null, 0, null, null));
        Document page = Jsoup.parse(ReportPage.html(ReportInputs.read(fixture.outbox, fixture.inbox).withFeeds(feeds), AT));
        assertThat(page.select("[onclick], #feeds b, #feeds i")).isEmpty();
        Element row = page.selectFirst("#feeds tbody tr");
        assertThat(row.id()).isEqualTo("feed-" + id);
        assertThat(row.selectFirst("td.feed").text()).isEqualTo(id + " <i>alms</i> · k&k");
    }

    @Test
    void anEmptyOutboxSaysThereIsNothingYet() {
        Document page = Jsoup.parse(ReportPage.html(ReportInputs.read(dir.resolve("none/outbox"), dir.resolve("none/inbox")), AT));
        assertThat(page.select("p.empty").eachText()).containsExactly(
                "No invitation notice has been published yet.", "No combined classification has been published yet.",
                "No standings have been published yet.", "No feed is configured (config/feeds.yaml): results come from the files put into the inbox.",
                "No webhook target is configured (config/deliveries.yaml): downstream systems read the outbox.",
                "No file has been rejected.");
    }
}
