package org.podium.app;

import org.podium.support.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.feed.RealCorpus;
import org.podium.feed.RealCorpus.CorpusFile;
import org.podium.model.Entry;
import org.podium.model.SessionResult;
import org.podium.store.Database;
import org.podium.store.ResultStore;
import org.podium.store.StoredDocument;

/**
 * {@code validate} and {@code once}, run in-process as from the command line, on every real export
 * of the corpus (src/test/resources/samples/real/README.md): a home with the project's config and the
 * corpus' series files (src/test/resources/samples/real/config/series/), every file in the inbox under
 * its series, season, round and session. Every file is valid, accepted and stored once, and what is
 * stored is what the independent reading of {@link RealCorpus} reads.
 */
class RealExportsOnceTest {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Path home() { return dir.resolve("home"); }

    int podium(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Commands.run(args, ps, ps, Map.of("podium.inbox.read-lock-min-age", "100", "podium.inbox.poll-delay", "100"));
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    void prepareHome() {
        TestHome.copyTree(Path.of("config"), home().resolve("config"));
        TestHome.copyTree(Path.of("src/test/resources/samples/real/config/series"), home().resolve("config/series"));
    }

    @Test
    void validateFindsEveryCorpusFileValidAndReadsItsEntries() throws Exception {
        prepareHome();
        List<CorpusFile> corpus = RealCorpus.files();
        List<String> paths = new ArrayList<>();
        for (CorpusFile f : corpus) {
            Path p = dir.resolve("files").resolve(f.inboxPath());
            Files.createDirectories(p.getParent());
            Files.write(p, f.bytes());
            paths.add(p.toString());
        }

        int exit = podium(Stream.concat(Stream.of("validate", "--home", home().toString()), paths.stream()).toArray(String[]::new));

        assertThat(exit).as(out()).isZero();
        assertThat(out()).contains(corpus.size() + " file(s): " + corpus.size() + " valid, 0 rejected");
        String[] reports = out().split("\n(?=\\S)");
        for (int i = 0; i < corpus.size(); i++) {
            CorpusFile f = corpus.get(i);
            List<Entry> expected = RealCorpus.read(f.bytes()).entries();
            long classified = expected.stream().filter(e -> e.status().classified()).count();
            String[] inbox = f.inboxPath().split("/");
            assertThat(reports[i]).as(f.sample())
                    .startsWith(paths.get(i) + ": OK")
                    .contains("series:   " + inbox[0] + ", season " + inbox[1] + ", round " + Integer.parseInt(inbox[2].substring(0, 2)))
                    .contains("session:  " + inbox[3] + " (")
                    .contains("entries:  " + expected.size() + " (" + classified + " classified)")
                    .contains("first:    P" + expected.get(0).position() + " #" + expected.get(0).number() + " ");
        }
    }

    @Test
    void onceAcceptsEveryCorpusFileAndStoresWhatTheIndependentReadingReads() throws Exception {
        prepareHome();
        List<CorpusFile> corpus = RealCorpus.files();
        for (CorpusFile f : corpus) org.podium.support.AtomicFiles.write(home().resolve("inbox").resolve(f.inboxPath()), f.bytes());

        assertThat(podium("once", "--home", home().toString())).as(out()).isZero();

        assertThat(out()).contains("podium once: " + corpus.size() + " file(s) ingested, 0 rejected, 0 duplicate(s)");
        assertThat(TestHome.files(home().resolve("inbox/.failed"))).isEmpty();
        assertThat(TestHome.files(home().resolve("inbox/.done"))).hasSize(corpus.size());
        try (Database db = new Database("jdbc:h2:file:" + home().resolve("data/podium"), "sa", "", 1)) {
            ResultStore store = new ResultStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.documentCount()).isEqualTo(corpus.size());
            for (CorpusFile f : corpus) {
                byte[] raw = f.bytes();
                StoredDocument stored = store.findByInboxPath(f.inboxPath(), sha256(raw)).orElseThrow(
                        () -> new AssertionError("not stored: " + f.inboxPath()));
                SessionResult result = store.load(stored.id());
                String[] inbox = f.inboxPath().split("/");
                assertThat(result.series()).isEqualTo(inbox[0]);
                assertThat(result.season()).isEqualTo(inbox[1]);
                assertThat(result.event().round()).isEqualTo(Integer.parseInt(inbox[2].substring(0, 2)));
                assertThat(result.session().name()).isEqualTo(inbox[3]);
                List<Entry> expected = placed(inbox[0], RealCorpus.read(raw).entries());
                assertThat(result.entries()).as(f.sample()).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(result.entries().get(i)).as("%s, entry %d", f.sample(), i + 1).isEqualTo(expected.get(i));
                }
            }
        }
        // every season is computed and published, and no table warns of a class the series files do not list
        List<String> standings = TestHome.files(home().resolve("outbox/standings"));
        assertThat(standings).anyMatch(s -> s.startsWith("grcup/2025/")).anyMatch(s -> s.startsWith("elms/2014/"))
                .anyMatch(s -> s.startsWith("elms/undated/")).anyMatch(s -> s.startsWith("wec/undated/"));
        for (String s : standings) {
            assertThat(Files.readString(home().resolve("outbox/standings").resolve(s))).as(s).doesNotContain("\"warnings\"");
        }
    }

    /**
     * The class and cup each car is stored with, as the corpus' series files say in words (their
     * classes, cups and written: values), applied to the independent reading; the class position is
     * the car's place among the cars of its class in file order.
     */
    static List<Entry> placed(String series, List<Entry> read) {
        List<Entry> out = new ArrayList<>();
        Map<String, Integer> inClass = new java.util.HashMap<>();
        for (Entry e : read) {
            String carClass = e.carClass();
            String cup = e.cup();
            switch (series) {
                case "elms" -> {                       // "LMP2 Pro/Am" is LMP2 in the Pro-Am cup
                    if ("LMP2 Pro/Am".equals(carClass)) { carClass = "LMP2"; cup = "Pro-Am"; }
                }
                case "wec" -> {                        // GROUP P/A is the Pro-Am cup
                    if ("P/A".equals(e.group())) cup = "Pro-Am";
                }
                case "grcup" -> {                      // one class, GR86; Am is the cup, in whichever column
                    if ("Am".equals(carClass) || "Am".equals(cup)) cup = "Am";
                    carClass = "GR86";
                }
                default -> throw new AssertionError("no series " + series);
            }
            int classPosition = inClass.merge(carClass, 1, Integer::sum);
            out.add(new Entry(e.position(), classPosition, e.number(), e.team(), e.drivers(), e.car(), carClass, cup,
                    e.group(), e.division(), e.tyres(), e.status(), e.laps(), e.totalTimeMs(), e.gap(), e.gapPrevious(),
                    e.bestLap(), e.sourceLine()));
        }
        return out;
    }

    static String sha256(byte[] raw) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    }
}
