package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.browser.HeadlessChromium;
import org.podium.hostile.HostileCorpus;
import org.podium.outbox.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo's report opened in a real headless Chromium: the demo season is run step by step, then an
 * amended Abu Dhabi Race 2 adds an LMP3 car entered by a team named {@code <script>alert(1)</script>}
 * (the GT class, and so the combined classification and the invitations, stay as they were) and a file
 * with markup in its name is rejected. The page's text is read back from the browser; screenshots go
 * to {@code target/report-browser/}. Skipped where Chromium is not installed.
 */
class ReportInBrowserEndToEndTest {

    static final String HOSTILE_TEAM = "<script>alert(1)</script>";
    static final String HOSTILE_FILE = "<img src=x onerror=alert(3)>.CSV";
    static final String RACE_2 = "alms/2023-24/03_Abu Dhabi/Race 2/";
    static final Path SHOTS = Path.of("target", "report-browser");

    @TempDir
    static Path dir;

    static Path report;
    static HeadlessChromium browser;
    static byte[] desktop;
    static byte[] phone;
    static String text;

    @BeforeAll
    static void runTheDemoThenOpenItsReport() throws Exception {
        if (HeadlessChromium.find().isEmpty()) {
            System.err.println("[podium tests] " + HeadlessChromium.INSTALL + ": the report browser tests are skipped");
            return;
        }
        Path home = dir.resolve("home");
        assertThat(command("demo", home)).isZero();

        // Oldest first: the rejected file is taken before the amendment triggers the recompute.
        drop(home, RACE_2 + HOSTILE_FILE, (HostileCorpus.RACE_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        Thread.sleep(20);
        drop(home, RACE_2 + "03_Classification_Race 2_Official.CSV", amendedRace2());
        assertThat(command("once", home)).isEqualTo(Commands.REJECTED);
        report = home.resolve("outbox/report/index.html");

        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start(SHOTS.resolve("chromium"), 1280, 900);
        browser.open(report.toUri().toString());
        phone = browser.fullPageScreenshot(390, true, 30_000);
        Files.write(SHOTS.resolve("report-phone.png"), phone);
        desktop = browser.fullPageScreenshot(1280, false, 30_000);
        Files.write(SHOTS.resolve("report-desktop.png"), desktop);
        // A reader opens every table: the text read back is then the whole page as rendered.
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true); return 0");
        text = browser.script("return document.body.innerText").asText();
        Files.writeString(SHOTS.resolve("report-text.txt"), text);
    }

    /** Each test is reported skipped, with what to install, where there is no Chromium. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(browser != null, HeadlessChromium.INSTALL);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    /** The demo's official Abu Dhabi Race 2 with one more LMP3 car, last on the road (row layout of {@link HostileCorpus#race}). */
    static byte[] amendedRace2() throws IOException {
        String official;
        try (InputStream in = ReportInBrowserEndToEndTest.class.getResourceAsStream(
                "/demo/steps/32-2024-02-13-alms-abu-dhabi-race-2-official/" + RACE_2 + "03_Classification_Race 2_Official.CSV")) {
            official = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String row = HostileCorpus.race(HOSTILE_TEAM).split("\r\n")[1]
                .replace("1;91;", "23;91;").replace(";Porsche 911 GT3 R;M;GT;", ";Ligier JS P320 - Nissan;M;LMP3;")
                .replace(";Classified;118;4:00'01.000;;;", ";Classified;110;4:02'30.000;21 Laps;7 Laps;");
        return (official + row + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void drop(Path home, String relative, byte[] content) {
        org.podium.outbox.AtomicFiles.write(home.resolve("inbox").resolve(relative), content);
    }

    private static int command(String name, Path home) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[]{name, "--home", home.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("podium.inbox.read-lock-min-age", "50", "podium.inbox.poll-delay", "100"));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static String js(String expression) {
        return browser.script("return " + expression).asText();
    }

    @Test
    void screenshotsArePngImagesOfThePage() {
        for (byte[] png : List.of(desktop, phone)) {
            assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
            assertThat(png.length).isGreaterThan(50_000);
        }
    }

    @Test
    void bothInvitationsShowConfirmed() {
        assertThat(js("document.querySelector('#inv-lemans-2024-gtwc-europe .card-head .state').innerText")).isEqualTo("CONFIRMED");
        assertThat(js("document.querySelector('#inv-lemans-2024-gtwc-europe .recipient').innerText"))
                .contains("Harbour Lights Racing #7");
        assertThat(js("document.querySelector('#inv-lemans-2024-asia-combined .card-head .state').innerText")).isEqualTo("CONFIRMED");
        assertThat(js("document.querySelector('#inv-lemans-2024-asia-combined .recipient').innerText")).contains("Kaiju Motorsports");
    }

    @Test
    void theCombinedInvitationWentToKaijuAfterPhoenixLotusWasWithdrawn() {
        String[] rows = js("Array.from(document.querySelectorAll('#inv-lemans-2024-asia-combined tbody tr'))"
                + ".slice(0, 2).map(r => r.innerText.replace(/\\s+/g, ' ')).join('\\n')").split("\n");
        assertThat(rows[0]).startsWith("8 CONFIRMED Kaiju Motorsports");
        assertThat(rows[1]).startsWith("7 WITHDRAWN Phoenix Lótus Racing");
    }

    @Test
    void theCombinedClassificationShowsKaijuAheadOfPhoenixLotus() {
        String first = js("document.querySelector('table.combined tbody tr').innerText.replace(/\\s+/g, ' ')");
        String second = js("document.querySelector('table.combined tbody tr:nth-child(2)').innerText.replace(/\\s+/g, ' ')");
        assertThat(first).startsWith("1 Kaiju Motorsports 1.541");
        assertThat(second).startsWith("2 Phoenix Lótus Racing 1.457");
        assertThat(text).contains("Possibly the same entrant: add an alias").contains("Garudda Racing")
                .contains("did not start a round of the Asian Le Mans Series 2023-24");
    }

    @Test
    void eachSeriesHasItsStandingsAndAChart() {
        for (String season : List.of("alms-2023-24", "gtwc-asia-2023", "gtwc-europe-2023")) {
            assertThat(js("document.querySelectorAll('#season-" + season + " svg.chart').length")).as(season).isEqualTo("1");
            assertThat(js("document.querySelectorAll('#season-" + season + " svg.chart polyline').length")).as(season).isEqualTo("5");
            assertThat(js("document.querySelectorAll('#season-" + season + " table.standings').length")).as(season)
                    .isNotEqualTo("0");
        }
        assertThat(text).contains("alms 2023-24 drivers-gt: final").contains("gtwc-asia 2023 drivers-overall: final")
                .contains("gtwc-europe 2023 drivers-overall: final").contains("gtwc-europe 2023 cars-bronze: final");
    }

    @Test
    void theHostileTeamNameIsShownAsText() {
        assertThat(js("Array.from(document.querySelectorAll('#season-alms-2023-24 td'))"
                + ".filter(td => td.innerText === '" + HOSTILE_TEAM + "').length")).isNotEqualTo("0");
        assertThat(text).contains(HOSTILE_TEAM);
    }

    @Test
    void thePageRanNothing() {
        assertThat(js("document.querySelectorAll('script').length")).isEqualTo("0");
        assertThat(js("document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length")).isEqualTo("0");
        assertThat(browser.alertText()).isEmpty();
    }

    @Test
    void theRejectedFileIsListedWithWhatFailedAndWhatToDo() throws IOException {
        JsonNode rejection = Json.MAPPER.readTree(report.getParent().getParent().getParent()
                .resolve("inbox/.failed/" + RACE_2 + HOSTILE_FILE + ".error.json").toFile());
        assertThat(js("document.querySelector('#rejected tbody tr td').innerText")).startsWith(RACE_2 + HOSTILE_FILE);
        assertThat(js("document.querySelector('#rejected tbody tr td:nth-child(3)').innerText"))
                .startsWith(rejection.path("error").path("message").asText());
        assertThat(js("document.querySelector('#rejected tbody tr td:nth-child(4)').innerText"))
                .isEqualTo(rejection.path("whatToDo").asText());
    }

    @Test
    void thePageMadeNoNetworkRequest() throws IOException {
        assertThat(js("performance.getEntriesByType('resource').length")).isEqualTo("0");
        String html = Files.readString(report);
        assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link").doesNotContain("<script");
    }

    @Test
    void theReportIsInTheOutboxIndex() throws IOException {
        JsonNode index = Json.MAPPER.readTree(report.getParent().getParent().resolve("index.json").toFile());
        assertThat(index.path("files").findValuesAsText("path")).contains("report/index.html");
        for (JsonNode f : index.path("files")) {
            if (f.path("path").asText().equals("report/index.html")) assertThat(f.path("kind").asText()).isEqualTo("report");
        }
    }
}
