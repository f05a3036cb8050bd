package org.podium.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate FILE…}: what each file is, or what is wrong with it; nothing is stored or moved. */
class ValidateCommandTest {

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code validate --home <dir>/home <args>}: options, then files. */
    int validate(String... args) {
        String[] all = Stream.concat(Stream.of("validate", "--home", dir.resolve("home").toString()), Stream.of(args))
                .toArray(String[]::new);
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Commands.run(all, ps, ps, Map.of());
    }

    /** A home with the demo's calendars, told the class names of the ELMS sample that stands in for an Asian Le Mans file. */
    @org.junit.jupiter.api.BeforeEach
    void home() {
        TestHome.copyDemoConfig(dir.resolve("home/config"));
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    Path file(String relative, byte[] content) throws IOException {
        Path p = dir.resolve("files").resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    @Test
    void aGoodFileIsDescribedByFormatMetadataAndEntries() throws IOException {
        Path race = file("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV",
                TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(validate(race.toString())).isZero();
        assertThat(out()).contains(race + ": OK")
                .contains("format:   alkamel-race (SHA-256 ")
                .contains("series:   alms, season 2023-24, round 1 Sepang")
                .contains("session:  Race 1 (RACE), OFFICIAL")
                .contains("entries:  47 (40 classified)")
                .contains("1 file(s): 1 valid, 0 rejected");
    }

    @Test
    void aClassTheSeriesDoesNotKnowIsRejectedNamingTheValuesItKnows() throws IOException {
        // the shipped alms.yaml knows the Asian Le Mans classes only; the ELMS sample writes LMP2 Pro/Am and LMGT3
        Files.copy(Path.of("config/series/alms.yaml"), dir.resolve("home/config/series/alms.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path race = file("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV",
                TestHome.sample("alkamel/elms-race-classification.CSV"));

        assertThat(validate(race.toString())).isEqualTo(1);
        assertThat(out()).contains(race + ": REJECTED (classes and cups): \"LMP2 Pro/Am\", written for cars #27 (line 9)")
                .contains("The series knows: classes LMP2, LMP3, GT; cups none")
                .contains("what to do: if the value is another name for a class or cup, add it under written: in config/series/alms.yaml");
    }

    @Test
    void aBadFileIsRejectedWithWhereAndWhy() throws IOException {
        byte[] race = TestHome.sample("alkamel/elms-race-classification.CSV");
        String text = new String(race, StandardCharsets.UTF_8).replaceFirst(";NUMBER;", ";CAR;");
        Path bad = file("alms/2023-24/01_Sepang/Race 2/03_Classification_Race 2_Official.CSV",
                text.getBytes(StandardCharsets.UTF_8));

        assertThat(validate(bad.toString())).isEqualTo(1);
        assertThat(out()).contains(bad + ": REJECTED").contains("NUMBER").contains("1 file(s): 0 valid, 1 rejected");
    }

    @Test
    void severalFilesAreEachReportedAndOneBadFileMakesTheExitCodeOne() throws IOException {
        Path good = file("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV",
                TestHome.sample("alkamel/elms-race-classification.CSV"));
        Path empty = file("alms/2023-24/01_Sepang/Race 2/empty.CSV", new byte[0]);
        Path missing = dir.resolve("files/nowhere.CSV");

        assertThat(validate(good.toString(), empty.toString(), missing.toString())).isEqualTo(1);
        assertThat(out()).contains(good + ": OK").contains(empty + ": REJECTED").contains(missing + ": cannot read")
                .contains("3 file(s): 1 valid, 2 rejected");
    }

    @Test
    void validatingStoresNothingAndCreatesNoDatabase() throws IOException {
        Path race = file("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV",
                TestHome.sample("alkamel/elms-race-classification.CSV"));

        validate(race.toString());

        Path home = dir.resolve("home");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("inbox")).doesNotExist();
        assertThat(home.resolve("outbox")).doesNotExist();
        assertThat(race).exists();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".mv.db") || n.endsWith(".trace.db"));
        }
    }

    static final byte[] RACE = TestHome.sample("alkamel/elms-race-classification.CSV");
    /** A GT World Challenge Asia race page of the demo season: round 1 Buriram, Race 1, 2023. */
    static final Path BURIRAM_RACE_1 = Path.of("src/main/resources/demo/steps/06-2023-05-13-gtwc-asia-buriram-race-1",
            "gtwc-asia/2023/01_Buriram/Race 1/Race 1_Official.html");

    /** What the content of the ELMS race file is, as validate describes it whatever the metadata. */
    String raceContent() {
        return "  entries:  47 (40 classified)\n"
                + "  classes:  LMGT3 14, LMP2 11, LMP2 Pro/Am 12, LMP3 10\n"
                + "  status:   40 classified, 5 not classified, 2 disqualified\n"
                + "  first:    P1 #22 United Autosports (LMP2), [Griffin PEEBLES, Grégoire SAUCY, Benjamin HANLEY]\n"
                + "  last:     P47 #11 Eurointernational (LMP3), [Matthew Richard BELL, Douwe DEDECKER, Max VAN DER SNEL]\n";
    }

    String outLf() { return out().replace(System.lineSeparator(), "\n"); }

    @Test
    void aFileElsewhereWithoutMetadataHasItsContentDescribedAndTheMissingFieldsNamed() throws IOException {
        Path race = file("race.CSV", RACE);

        assertThat(validate(race.toString())).isEqualTo(1);
        assertThat(outLf()).contains(race + ": INCOMPLETE (metadata missing: series, season, round, event, session): "
                        + "the content is valid, but the file cannot be ingested as it is\n"
                        + "  format:   alkamel-race (SHA-256 ")
                .contains(raceContent())
                .contains("  missing:  series, season, round, event, session\n")
                .contains("give them as options, e.g. --series alms --season 2023-24 --round 1 --event Sepang --session \"Race 1\""
                        + " (series known here: alms, gtwc-asia, gtwc-europe)")
                .contains("or in a sidecar race.CSV.meta.json beside the file")
                .contains("1 file(s): 0 valid, 0 rejected, 1 incomplete (metadata missing)")
                // the folder the file happens to be in is not taken for a series
                .doesNotContain("unknown series").doesNotContain("REJECTED");
    }

    @Test
    void onlyTheFieldsStillMissingAreNamed() throws IOException {
        Path race = file("race.CSV", RACE);

        assertThat(validate("--series", "alms", "--round", "1", race.toString())).isEqualTo(1);
        assertThat(out()).contains(race + ": INCOMPLETE (metadata missing: season, event, session)")
                .contains("give them as options, e.g. --season 2023-24 --event Sepang --session \"Race 1\";")
                .doesNotContain("--series alms");
    }

    @Test
    void aFileElsewhereWithItsMetadataAsOptionsIsCheckedInFull() throws IOException {
        Path race = file("race.CSV", RACE);

        assertThat(validate("--series", "alms", "--season", "2023-24", "--round", "1", "--event", "Sepang",
                "--session", "Race 1", race.toString())).isZero();
        assertThat(outLf()).contains(race + ": OK\n")
                .contains(raceContent())
                .contains("  series:   alms, season 2023-24, round 1 Sepang\n")
                .contains("  session:  Race 1 (RACE), PROVISIONAL\n")
                .contains("  metadata: from the options --series --season --round --event --session\n")
                .contains("1 file(s): 1 valid, 0 rejected");
    }

    @Test
    void aSidecarBesideTheFileGivesTheMetadataAndTheOptionsOverrideIt() throws IOException {
        Path race = file("03_Classification_Race 1_Official.CSV", RACE);
        file("03_Classification_Race 1_Official.CSV.meta.json",
                "{\"series\": \"alms\", \"season\": \"2023-24\", \"round\": 1, \"event\": \"Sepang\", \"session\": \"Race 1\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(validate(race.toString())).isZero();
        assertThat(out()).contains(race + ": OK")
                .contains("  series:   alms, season 2023-24, round 1 Sepang")
                .contains("  session:  Race 1 (RACE), OFFICIAL")
                .contains("  metadata: from the sidecar 03_Classification_Race 1_Official.CSV.meta.json");

        out.reset();
        assertThat(validate("--round", "2", "--event", "Dubai", race.toString())).isZero();
        assertThat(out()).contains(race + ": OK")
                .contains("  series:   alms, season 2023-24, round 2 Dubai")
                .contains("  metadata: from the sidecar 03_Classification_Race 1_Official.CSV.meta.json, then the options --round --event");
    }

    @Test
    void aRoundTheCalendarDoesNotHoldIsRejectedWithWhatTheCalendarHolds() throws IOException {
        Path page = file("results.html", Files.readAllBytes(BURIRAM_RACE_1));

        assertThat(validate("--series", "gtwc-asia", "--season", "2023", "--round", "2", "--event", "Fuji",
                "--session", "Race 1", page.toString())).isEqualTo(1);
        assertThat(out()).contains(page + ": REJECTED (calendar): round 2 of the 2023 calendar is Sepang, not Fuji"
                        + " (rounds: 1 Buriram, 2 Sepang, 3 Suzuka, 4 Fuji)")
                .contains("  format:   sro-html")
                .contains("  series:   gtwc-asia, season 2023, round 2 Fuji")
                .contains("what to do: put the file under 02_Sepang if it is from Sepang")
                .contains("1 file(s): 0 valid, 1 rejected");

        out.reset();
        assertThat(validate("--series", "gtwc-asia", "--season", "2023", "--round", "1", "--event", "Buriram",
                "--session", "Race 1", page.toString())).isZero();
        assertThat(out()).contains(page + ": OK").contains("  series:   gtwc-asia, season 2023, round 1 Buriram");
    }

    @Test
    void anSroPageWithoutMetadataSaysWhatThePageSaysAboutItself() throws IOException {
        Path page = file("results.html", Files.readAllBytes(BURIRAM_RACE_1));

        assertThat(validate(page.toString())).isEqualTo(1);
        assertThat(out()).contains(page + ": INCOMPLETE (metadata missing: series, season, round, event, session)")
                .contains("  format:   sro-html")
                .containsPattern(Pattern.compile("^  page: +\".+\": Race 1", Pattern.MULTILINE));
    }

    @Test
    void aBrokenFileIsAContentErrorNotMissingMetadata() throws IOException {
        String text = new String(RACE, StandardCharsets.UTF_8).replaceFirst(";NUMBER;", ";CAR;");
        Path bad = file("broken.CSV", text.getBytes(StandardCharsets.UTF_8));

        assertThat(validate(bad.toString())).isEqualTo(1);
        assertThat(out()).contains(bad + ": REJECTED (content): the file cannot be read as results")
                .contains("NUMBER")
                .contains("1 file(s): 0 valid, 1 rejected")
                .doesNotContain("INCOMPLETE").doesNotContain("missing:");
    }

    @Test
    void anUnknownSeriesIsAMetadataErrorWithTheContentStillDescribed() throws IOException {
        Path race = file("race.CSV", RACE);

        assertThat(validate("--series", "wec", "--season", "2023-24", "--round", "1", "--event", "Sepang",
                "--session", "Race 1", race.toString())).isEqualTo(1);
        assertThat(outLf()).contains(race + ": REJECTED (metadata): the content is valid, its metadata is not\n")
                .contains(raceContent())
                .contains("unknown series \"wec\"; known series are alms, gtwc-asia, gtwc-europe");
    }

    @Test
    void aFileInTheHomesInboxTakesItsMetadataFromItsPathAndTheHomesCalendar() throws IOException {
        Home home = new Home(dir.resolve("home"));
        home.prepare();
        Path dubai = home.inbox().resolve("alms/2023-24/02_Dubai/Race 1/results.CSV");
        Path fuji = home.inbox().resolve("alms/2023-24/04_Fuji/Race 1/results.CSV");
        for (Path p : new Path[]{dubai, fuji}) {
            Files.createDirectories(p.getParent());
            Files.write(p, RACE);
        }

        assertThat(validate(dubai.toString(), fuji.toString())).isEqualTo(1);
        assertThat(out()).contains(dubai + ": OK")
                .contains("  series:   alms, season 2023-24, round 2 Dubai")
                .contains("  metadata: from the path alms/2023-24/02_Dubai/Race 1/results.CSV")
                .contains(fuji + ": REJECTED (calendar): round 4 is not in the 2023-24 calendar of config/series/alms.yaml"
                        + " (rounds: 1 Sepang, 2 Dubai, 3 Abu Dhabi)")
                .contains("2 file(s): 1 valid, 1 rejected");
        assertThat(home.inbox().resolve(".failed")).doesNotExist();
    }

    @Test
    void theWorstFileGivesTheExitCodeAndEachFileHasItsReport() throws IOException {
        Path good = file("alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV", RACE);
        Path bare = file("elsewhere/race.CSV", RACE);

        assertThat(validate(good.toString(), bare.toString())).isEqualTo(1);
        assertThat(out()).contains(good + ": OK").contains(bare + ": INCOMPLETE")
                .contains("2 file(s): 1 valid, 0 rejected, 1 incomplete (metadata missing)");
    }

    @Test
    void aPodiumJsonDocumentCarriesItsOwnMetadata() throws IOException {
        Path doc = file("anywhere.json", TestHome.sample("podium/session-result.json"));

        validate("--round", "3", doc.toString());
        assertThat(out()).contains(doc + ": ")
                .contains("  format:   podium-json")
                .contains("  series:   alms, season 2023-24, round 1 ")
                .contains("  metadata: the document's own (a Podium JSON document keeps it: the options are not used)");
    }
}
