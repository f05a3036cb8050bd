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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate FILE…}: what each file is, or what is wrong with it; nothing is stored or moved. */
class ValidateCommandTest {

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int validate(String... files) {
        String[] args = Stream.concat(Stream.of("validate", "--home", dir.resolve("home").toString()), Stream.of(files))
                .toArray(String[]::new);
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Commands.run(args, ps, ps, Map.of());
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
}
