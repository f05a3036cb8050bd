package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shaded jar as an operator runs it: {@code java -jar target/podium.jar …}. */
class PodiumJarIT {

    static final Path JAR = Path.of("target", "podium.jar");
    static final String SESSION = "alms/2023-24/01_Sepang/Race 1/";

    @TempDir Path dir;

    /** Runs after {@code package}; run alone with {@code -Dtest} before it, there is no jar to run yet. */
    @BeforeEach
    void theJarIsBuilt() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn verify");
    }

    @Test
    void helpListsTheCommandsAndOptions() throws Exception {
        try (PodiumProcess p = PodiumProcess.jar(JAR).start(dir, "help", "--help")) {
            assertThat(p.exitCode(Duration.ofSeconds(60))).isZero();
            assertThat(p.stdout()).startsWith("Usage: java -jar podium.jar [-hV] [--home=DIR] [--log-format=FMT] <command>")
                    .contains("init", "demo", "run", "once", "validate", "rebuild", "--home=DIR", "--log-format=FMT", "PODIUM_DB_URL");
        }
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        try (PodiumProcess p = PodiumProcess.jar(JAR).start(dir, "version", "--version")) {
            assertThat(p.exitCode(Duration.ofSeconds(60))).isZero();
            assertThat(p.stdout().strip()).isEqualTo("podium " + CommandLineTest.projectVersion());
        }
        // the manifest says it too, for tools that read the jar
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isEqualTo(CommandLineTest.projectVersion());
        }
    }

    @Test
    void aUsageErrorIsOneLineWithAHint() throws Exception {
        try (PodiumProcess p = PodiumProcess.jar(JAR).start(dir, "usage", "once", "--log-format", "xml")) {
            assertThat(p.exitCode(Duration.ofSeconds(60))).isEqualTo(3);
            assertThat(p.stderrLines()).containsExactly(
                    "podium: Invalid value for option '--log-format': expected one of [text, json] (case-sensitive) but was 'xml'",
                    "podium: see 'java -jar podium.jar once --help' for the usage");
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithOneLinePerFile() throws Exception {
        Path home = dir.resolve("home");
        TestHome.copyDemoConfig(home.resolve("config"));
        byte[] race = TestHome.sample("alkamel/elms-race-classification.CSV");
        AtomicFiles.write(home.resolve("inbox").resolve(SESSION + "03_Classification_Race 1_Official.CSV"), race);
        AtomicFiles.write(home.resolve("inbox").resolve(SESSION + "copy of the race.CSV"), race);
        AtomicFiles.write(home.resolve("inbox").resolve(SESSION + "notes.txt"), "to follow\n".getBytes(StandardCharsets.UTF_8));

        try (PodiumProcess p = PodiumProcess.jar(JAR).env("PODIUM_INBOX_READ_LOCK_MIN_AGE", "0")
                .env("PODIUM_INBOX_MAX_FILESIZE", "100")
                .start(dir, "once", "once", "--log-format", "json", "--home", home.toString())) {
            assertThat(p.exitCode(Duration.ofSeconds(120))).isEqualTo(1);

            List<JsonNode> lines = json(p.stderrLines());
            assertThat(lines).allSatisfy(l -> assertThat(l.fieldNames()).toIterable()
                    .contains("time", "level", "logger", "thread", "message"));
            assertThat(messages(lines, SESSION + "03_Classification_Race 1_Official.CSV: "))
                    .singleElement().asString().contains("stored as version 1");
            assertThat(messages(lines, SESSION + "copy of the race.CSV: "))
                    .singleElement().asString().contains("duplicate of version 1");
            assertThat(messages(lines, SESSION + "notes.txt: "))
                    .singleElement().asString().contains("rejected, moved to inbox/.failed/");
            assertThat(messages(lines, "environment variable PODIUM_INBOX_MAX_FILESIZE is not a Podium setting"))
                    .hasSize(1);
        }
    }

    @Test
    void aBadSettingIsAJsonErrorLineCarryingTheException() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("home"));
        try (PodiumProcess p = PodiumProcess.jar(JAR).env("PODIUM_RECOMPUTE_MAX_DELAY", "5s")
                .start(dir, "bad", "once", "--log-format", "json", "--home", dir.resolve("home").toString())) {
            assertThat(p.exitCode(Duration.ofSeconds(120))).isEqualTo(3);

            List<JsonNode> lines = json(p.stderrLines());
            JsonNode error = lines.stream().filter(l -> l.path("level").asText().equals("ERROR")).findFirst().orElseThrow();
            assertThat(error.path("message").asText()).contains("podium.recompute.max-delay")
                    .contains("PODIUM_RECOMPUTE_MAX_DELAY").contains("\"5s\"");
            assertThat(error.path("error").asText()).contains("ConfigurationException").contains("\n\tat org.podium.");
        }
    }

    /**
     * README command 1 from the jar, whole (about 30 s): in the soak run only (mvn verify -Psoak); every
     * build runs the same demo in-process (DemoStandingsEndToEndTest), its summary and log file included.
     */
    @Test
    @org.junit.jupiter.api.Tag("reliability")
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "podium.soak", matches = "true")
    void theDemoShowsItsSummaryEndingWithTheReportAndLogsIntoItsHome() throws Exception {
        Path home = dir.resolve("podium-demo");
        try (PodiumProcess p = PodiumProcess.jar(JAR).start(dir, "demo", "demo", "--home", home.toString())) {
            assertThat(p.exitCode(Duration.ofMinutes(10))).as(p.stderr()).isZero();

            // the terminal: the summary alone, a line per step of the season and a few more, no log line
            assertThat(p.stderr()).isEmpty();
            List<String> lines = p.stdout().lines().toList();
            assertThat(lines).hasSizeBetween(10, 32 + 40)
                    .noneMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR) .*"));
            assertThat(lines.get(0)).startsWith("Podium demo: 32 steps of a fictional season, home " + home);
            assertThat(lines).contains("Files: 36 ingested, 0 rejected, 0 duplicate(s)", "Log: " + home.resolve("podium.log"));
            Path report = home.resolve("outbox/report/index.html");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: " + report.toUri())
                    .startsWith("Report: file:///").endsWith("/outbox/report/index.html");
            assertThat(report).isRegularFile();

            // the log: in the demo's home, a line per file taken from the inbox
            List<String> log = Files.readAllLines(home.resolve("podium.log"), StandardCharsets.UTF_8);
            assertThat(log.stream().filter(l -> l.contains(" p.ingest ") && l.contains(": stored as version "))).hasSize(36);
            assertThat(log).anyMatch(l -> l.contains(" p.poll ") && l.contains(": fetched ("))
                    .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
        }
    }

    @Test
    void whatStopsTheDemoIsSaidOnTheTerminalAndInItsLog() throws Exception {
        Path home = dir.resolve("podium-demo");
        try (PodiumProcess p = PodiumProcess.jar(JAR).env("PODIUM_RECOMPUTE_MAX_SEASONS", "many")
                .start(dir, "demo-bad", "demo", "--home", home.toString())) {
            assertThat(p.exitCode(Duration.ofMinutes(2))).isEqualTo(3);

            assertThat(p.stderrLines()).singleElement().asString()
                    .startsWith("podium: configuration error: podium.recompute.max-seasons (environment PODIUM_RECOMPUTE_MAX_SEASONS) is \"many\"");
            assertThat(Files.readString(home.resolve("podium.log"), StandardCharsets.UTF_8))
                    .contains("ERROR", "demo stopped: podium.recompute.max-seasons");
        }
        // a folder that is not the demo's is left alone: no log file is written into it
        Path other = Files.createDirectories(dir.resolve("not-a-demo"));
        Files.writeString(other.resolve("notes.txt"), "mine\n");
        try (PodiumProcess p = PodiumProcess.jar(JAR).start(dir, "demo-refused", "demo", "--home", other.toString())) {
            assertThat(p.exitCode(Duration.ofMinutes(2))).isEqualTo(3);
            assertThat(p.stderrLines()).singleElement().asString()
                    .isEqualTo("podium: configuration error: " + other + " exists and is not a Podium demo folder; choose another with --home");
        }
        assertThat(other.resolve("podium.log")).doesNotExist();
    }

    /** Every line parsed as one JSON object: a line that is not fails the test. */
    static List<JsonNode> json(List<String> lines) throws Exception {
        assertThat(lines).isNotEmpty();
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = Json.MAPPER.readTree(l);
            assertThat(n.isObject()).as("a JSON object: %s", l).isTrue();
            out.add(n);
        }
        return out;
    }

    static List<String> messages(List<JsonNode> lines, String prefix) {
        return lines.stream().map(l -> l.path("message").asText()).filter(m -> m.startsWith(prefix)).toList();
    }
}
