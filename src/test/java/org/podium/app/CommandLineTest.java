package org.podium.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a person types it: help for every command, the version, and usage errors in one
 * line with where to read the usage. Each runs the real command line in-process.
 */
class CommandLineTest {

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int podium(String... args) {
        return Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    /** The version pom.xml gives the project: what --version must print. */
    static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>podium</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as("the project's version in pom.xml").isTrue();
        return m.group(1);
    }

    @Test
    void helpListsEveryCommandWithItsOneLineDescriptionTheExitCodesAndTheEnvironment() {
        assertThat(podium("--help")).isZero();
        assertThat(out()).startsWith("Usage: java -jar podium.jar [-hV] [--home=DIR] [--log-format=FMT] <command>")
                .containsPattern("\n  init +make a new home folder with the default configuration")
                .containsPattern("\n  demo +process the bundled demo season in a fresh home folder \\(default ./podium-demo\\)")
                .containsPattern("\n  run +run as a daemon")
                .containsPattern("\n  once +process the inbox and the feeds that are due")
                .containsPattern("\n  validate +say what each FILE is")
                .containsPattern("\n  rebuild +recompute and republish everything from the store")
                .contains("--home=DIR", "PODIUM_HOME", "./podium-demo", "--log-format=FMT", "text (default) or json")
                .contains("  2  a feed failed", "  3  configuration error", "(podium.db.url -> PODIUM_DB_URL)");
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "demo", "run", "once", "validate", "rebuild"})
    void everyCommandHasItsOwnHelp(String command) {
        assertThat(podium(command, "--help")).isZero();
        assertThat(out()).startsWith("Usage: java -jar podium.jar " + command + " [-hV]")
                .contains("--home=DIR", "--log-format=FMT", "-V, --version", "Exit codes");
        // help only: nothing ran, nothing was logged
        assertThat(err()).isEmpty();
    }

    @Test
    void validateHelpShowsItsMetadataOptionsAndExitCodes() {
        assertThat(podium("help", "validate")).isZero();
        assertThat(out()).contains("FILE...", "--series=ID", "--season=SEASON", "--round=N", "--event=NAME", "--session=NAME",
                "<FILE>.meta.json", "INCOMPLETE", "validate --series alms --season 2023-24 --round 1 --event Sepang");
    }

    @Test
    void versionIsTheProjectVersionForPodiumAndForEachCommand() throws IOException {
        String expected = "podium " + projectVersion();
        assertThat(podium("--version")).isZero();
        assertThat(out().strip()).isEqualTo(expected);
        out.reset();
        assertThat(podium("once", "--version")).isZero();
        assertThat(out().strip()).isEqualTo(expected);
    }

    @Test
    void anUnknownOptionIsOneLineAndAHintNotAStackTrace() {
        assertThat(podium("once", "--frobnicate", "--home", dir.toString())).isEqualTo(3);
        assertThat(err().lines()).containsExactly("podium: Unknown option: '--frobnicate'",
                "podium: see 'java -jar podium.jar once --help' for the usage");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aMisspeltOptionIsNamedWithTheNearestOne() {
        assertThat(podium("once", "--hom", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("Unknown options: '--hom'").contains("did you mean --home?").doesNotContain("\tat ");
    }

    @Test
    void aLogFormatOtherThanTextOrJsonIsRefusedNamingBoth() {
        assertThat(podium("once", "--log-format", "xml", "--home", dir.toString())).isEqualTo(3);
        assertThat(err().lines()).containsExactly(
                "podium: Invalid value for option '--log-format': expected one of [text, json] (case-sensitive) but was 'xml'",
                "podium: see 'java -jar podium.jar once --help' for the usage");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aRoundIsAWholeNumberFromOne() {
        assertThat(podium("validate", "--round", "0", "x.CSV")).isEqualTo(3);
        assertThat(err()).contains("Invalid value for option '--round': rounds are numbered from 1, was 0");
        err.reset();
        assertThat(podium("validate", "--round", "two", "x.CSV")).isEqualTo(3);
        assertThat(err()).contains("Invalid value for option '--round': 'two' is not a round number");
    }

    @Test
    void validateNeedsAFileAndTheOtherCommandsTakeNone() {
        assertThat(podium("validate", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("podium: Missing required parameter: 'FILE'")
                .contains("see 'java -jar podium.jar validate --help'");
        err.reset();
        assertThat(podium("once", "stray.CSV", "--home", dir.toString())).isEqualTo(3);
        assertThat(err()).contains("podium: unexpected argument 'stray.CSV': once takes options only");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(podium()).isEqualTo(3);
        assertThat(err().lines()).containsExactly("podium: no command given", "podium: see 'java -jar podium.jar --help' for the usage");
    }

    @Test
    void theHomeMayBeGivenBeforeOrAfterTheCommandAndWithAnEqualsSign() {
        assertThat(podium("--home", dir.resolve("a").toString(), "init")).isZero();
        assertThat(podium("init", "--home=" + dir.resolve("b"))).isZero();
        assertThat(podium("--log-format=text", "init", "--home", dir.resolve("c").toString())).isZero();
        assertThat(dir.resolve("a/config/series/alms.yaml")).isRegularFile();
        assertThat(dir.resolve("b/config/series/alms.yaml")).isRegularFile();
        assertThat(dir.resolve("c/config/series/alms.yaml")).isRegularFile();
    }
}
