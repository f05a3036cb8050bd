package org.podium.app;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.podium.feed.FeedReader;
import org.podium.recompute.SeasonChanges;
import org.podium.ingest.InboxFilter;
import org.podium.ingest.InboxLockRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.podium.ingest.InboxScan;
import org.podium.ingest.IngestStats;
import org.podium.ingest.Ingestion;
import org.podium.ingest.Rejections;
import org.podium.support.AtomicFiles;
import org.podium.store.Database;
import org.podium.store.ResultStore;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances sharing one inbox and one store: each file is taken by one instance, leaves the inbox once
 * and never onto another file, and its lock outlives the move by the release delay.
 *
 * <p>The instances here run in one JVM: each a Camel context of its own running the real
 * {@code routes/2-ingest.yaml} with the real ingestion beans and an inbox lock repository of its own, all
 * on one database and one inbox, as three {@code run} processes share them ({@link SeveralInstancesTest}
 * runs three processes).
 */
class SharedInboxTest {

    static Stream<String> databases() { return TestDatabases.kinds(); }

    static final int DISTINCT = 240;
    static final int COPIES = 120;

    /**
     * One instance holds a file, has stored it and is about to move it; two more instances start and
     * scan the inbox meanwhile. Camel's file consumer asks the lock repository to remove the key of every
     * file it could not begin; neither may take the file from the instance at work, and the file ends in
     * .done once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFileOneInstanceIsAtIsTakenByNoOtherAndMovedOnce(String kind, @TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        String file = "practice/0001.json";
        AtomicFiles.write(inbox.resolve(file), SeveralInstancesTest.practice(1));
        Queue<String> takes = new ConcurrentLinkedQueue<>();
        CountDownLatch atWork = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        List<CamelContext> instances = new ArrayList<>();
        List<AtomicInteger> scans = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        try (Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 12)) {
            db.migrate();
            // Instance 0 takes the file, stores it, and waits just before the file leaves the inbox.
            instances.add(instance(0, db, inbox, takes, e -> {
                atWork.countDown();
                assertThat(goOn.await(60, TimeUnit.SECONDS)).isTrue();
            }, scans.get(0)));
            assertThat(atWork.await(30, TimeUnit.SECONDS)).as("instance 0 took the file").isTrue();

            // Two more instances scan the inbox while instance 0 is at work: a few scans each, or until
            // one of them took the file too.
            for (int i = 1; i < 3; i++) instances.add(instance(i, db, inbox, takes, e -> { }, scans.get(i)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> (scans.get(1).get() >= 5 && scans.get(2).get() >= 5) || takes.size() > 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.subList(1, 3).stream()
                    .allMatch(c -> c.getInflightRepository().size() == 0));
            goOn.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.get(0).getInflightRepository().size() == 0);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> lockRows(db) == 0);

            List<String> done = files(inbox.resolve(".done"));
            System.out.printf("[shared inbox, %s] a file one instance was at: taken %d time(s) %s; in .done %s; in .failed %s%n",
                    kind, takes.size(), takes, done, files(inbox.resolve(".failed")));
            assertThat(takes).as("instances that took the file").containsExactly("0 " + file);
            assertThat(done).as("the file in .done").hasSize(1).allSatisfy(f -> assertThat(f).endsWith("/" + file));
            assertThat(files(inbox.resolve(".failed"))).isEmpty();
            assertThat(waiting(inbox)).isEmpty();
        } finally {
            goOn.countDown();
            for (CamelContext c : instances) c.stop();
        }
    }

    /** Files and byte copies of them under new names, dropped at once: each taken once and in .done once, every lock released. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void threeInstancesOnOneInboxTakeEachFileOnceAndLoseNone(String kind, @TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Queue<String> takes = new ConcurrentLinkedQueue<>();
        List<CamelContext> instances = new ArrayList<>();
        try (Database db = new Database(TestDatabases.freshUrl(kind, dir), "sa", "", 12)) {
            db.migrate();
            for (int i = 0; i < 3; i++) instances.add(instance(i, db, inbox, takes, e -> { }, new AtomicInteger()));

            // Distinct documents, then byte copies of some of them under new names, all at once.
            List<String> dropped = new ArrayList<>();
            for (int n = 1; n <= DISTINCT; n++) {
                String name = "practice/" + String.format("%04d", n) + ".json";
                AtomicFiles.write(inbox.resolve(name), SeveralInstancesTest.practice(n));
                dropped.add(name);
            }
            for (int n = 1; n <= COPIES; n++) {
                String name = "practice/copies/" + String.format("%04d", n) + "_again.json";
                AtomicFiles.write(inbox.resolve(name), SeveralInstancesTest.practice(n));
                dropped.add(name);
            }

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> waiting(inbox).isEmpty() && instances.stream().allMatch(c -> c.getInflightRepository().size() == 0));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> lockRows(db) == 0);

            Map<String, List<String>> takers = new TreeMap<>();
            for (String t : takes) {
                String[] parts = t.split(" ", 2);
                takers.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[0]);
            }
            Map<String, Integer> moved = new TreeMap<>();
            for (String f : files(inbox.resolve(".done"))) {
                moved.merge(f.substring(f.indexOf('/') + 1).replaceAll(" \\(\\d+\\)(\\.[A-Za-z]+)$", "$1"), 1, Integer::sum);
            }
            List<String> takenTwice = takers.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + " by " + e.getValue()).toList();
            List<String> lost = dropped.stream().filter(f -> !moved.containsKey(f)).toList();
            List<String> movedTwice = moved.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            System.out.printf("[shared inbox, %s] %d files dropped; taken twice %d, lost %d, in .done twice %d, per instance %s%n",
                    kind, dropped.size(), takenTwice.size(), lost.size(), movedTwice.size(),
                    takes.stream().collect(Collectors.groupingBy(t -> t.split(" ", 2)[0], TreeMap::new, Collectors.counting())));
            takenTwice.stream().limit(5).forEach(t -> System.out.println("  taken twice: " + t));
            lost.stream().limit(5).forEach(t -> System.out.println("  lost: " + t));

            assertThat(takenTwice).as("files taken by two instances").isEmpty();
            assertThat(lost).as("files found neither in the inbox nor in .done").isEmpty();
            assertThat(movedTwice).as("files in .done twice").isEmpty();
            assertThat(files(inbox.resolve(".failed"))).isEmpty();
            assertThat(takers.keySet()).containsExactlyInAnyOrderElementsOf(dropped);
        } finally {
            for (CamelContext c : instances) c.stop();
        }
    }

    static final String RACE = "alms/2023-24/01_Sepang/Race 1/03_Classification_Race 1_Official.CSV";
    static final long RELEASE_DELAY_MS = 3_000;

    /**
     * The real application: a file's lock (its row in the lock table) outlives the file's move to .done/
     * by podium.inbox.lock-release-delay, so that an instance whose scan listed the file before it moved
     * finds it locked; then the row is gone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFilesLockOutlivesItsMoveByTheReleaseDelayThenGoes(String kind, @TempDir Path dir) throws Exception {
        TestHome shared = new TestHome(dir, kind).with("podium.inbox.lock-release-delay", Long.toString(RELEASE_DELAY_MS));
        // H2 shared between processes (its automatic server mode): an embedded store keeps its locks in memory
        if (kind.equals("h2")) shared.with("podium.db.url", "jdbc:h2:file:" + dir.resolve("db/shared") + ";AUTO_SERVER=TRUE");
        try (TestHome home = shared.start()) {
            DataSource store = home.bean("database", Database.class).dataSource();
            InboxLockRepository locks = (InboxLockRepository) home.bean("inboxLocks", org.apache.camel.spi.IdempotentRepository.class);
            // another instance on the same store, as a second `run` would have
            InboxLockRepository other = new InboxLockRepository(store, "podium-inbox", 1_000, 30_000);
            other.start();
            try {
                home.drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> moved(home, RACE));
                long movedAt = System.nanoTime();
                assertThat(lockOwner(store, RACE)).as("the lock right after the move").isEqualTo(locks.owner());

                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> locks.owner().equals(lockOwner(store, RACE)));
                assertThat(other.add(RACE)).as("another instance, a second after the move").isFalse();

                await().atMost(Duration.ofMillis(RELEASE_DELAY_MS + 5_000)).pollInterval(Duration.ofMillis(20))
                        .until(() -> lockOwner(store, RACE) == null);
                long heldAfterMove = Duration.ofNanos(System.nanoTime() - movedAt).toMillis();
                System.out.printf("[inbox lock, %s] release delay %d ms: the lock went %d ms after the file reached .done%n",
                        kind, RELEASE_DELAY_MS, heldAfterMove);
                assertThat(heldAfterMove).as("ms the lock lived after the move").isBetween(RELEASE_DELAY_MS - 250, RELEASE_DELAY_MS + 2_500);
                assertThat(other.add(RACE)).as("free once released").isTrue();
                assertThat(other.remove(RACE)).isTrue();
            } finally {
                other.stop();
            }
        }
    }

    /**
     * An embedded store is this process's alone, so its inbox locks are kept in memory: a file is taken,
     * stored and moved without a row in the lock table.
     */
    @Test
    void anEmbeddedStoreKeepsItsInboxLocksInMemory(@TempDir Path dir) throws Exception {
        try (TestHome home = new TestHome(dir, "h2").start()) {
            assertThat(home.bean("inboxLocks", Object.class)).isInstanceOf(MemoryIdempotentRepository.class);
            Database store = home.bean("database", Database.class);
            home.drop(RACE, TestHome.sample("alkamel/elms-race-classification.CSV"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> moved(home, RACE));
            // a row in the table would outlive the move by the release delay (1 s)
            assertThat(lockRows(store)).as("rows in the lock table right after the move").isZero();
        }
    }

    /** A file leaving the inbox under a name already taken gets the next free one, its sidecar with it. */
    @Test
    void aFileLeavingTheInboxNeverReplacesOneAlreadyThere(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Ingestion ingestion = new Ingestion(null, null, inbox, 1_000, new IngestStats());
        String done = ".done/" + LocalDate.now(ZoneOffset.UTC) + "/";
        AtomicFiles.write(inbox.resolve(done + "practice/x.json"), bytes("processed earlier"));
        AtomicFiles.write(inbox.resolve("practice/x.json"), bytes("dropped again"));
        AtomicFiles.write(inbox.resolve("practice/x.json.meta.json"), bytes("{}"));

        assertThat(ingestion.leaveInbox("practice/x.json", null)).isEqualTo(done + "practice/x (2).json");
        assertThat(files(inbox)).containsExactly(done + "practice/x (2).json", done + "practice/x (2).json.meta.json",
                done + "practice/x.json");
        assertThat(Files.readString(inbox.resolve(done + "practice/x.json"))).isEqualTo("processed earlier");
        assertThat(Files.readString(inbox.resolve(done + "practice/x (2).json"))).isEqualTo("dropped again");
    }

    /** A rejected file and its report take a name neither of which is taken; nothing there is replaced. */
    @Test
    void aRejectedFileAndItsReportNeverReplaceWhatIsInFailed(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Ingestion ingestion = new Ingestion(null, null, inbox, 1_000, new IngestStats());
        AtomicFiles.write(inbox.resolve(".failed/a/y.CSV"), bytes("rejected earlier"));
        AtomicFiles.write(inbox.resolve(".failed/a/z.CSV.error.json"), bytes("a report whose file is gone"));
        AtomicFiles.write(inbox.resolve("a/y.CSV"), bytes("y"));
        AtomicFiles.write(inbox.resolve("a/z.CSV"), bytes("z"));
        Rejections.Rejected rejected = new Rejections.Rejected("not results", bytes("{\"report\":1}"));

        assertThat(ingestion.leaveInbox("a/y.CSV", rejected)).isEqualTo(".failed/a/y (2).CSV");
        assertThat(ingestion.leaveInbox("a/z.CSV", rejected)).isEqualTo(".failed/a/z (2).CSV");
        assertThat(files(inbox)).containsExactly(".failed/a/y (2).CSV", ".failed/a/y (2).CSV.error.json", ".failed/a/y.CSV",
                ".failed/a/z (2).CSV", ".failed/a/z (2).CSV.error.json", ".failed/a/z.CSV.error.json");
        assertThat(Files.readString(inbox.resolve(".failed/a/y.CSV"))).isEqualTo("rejected earlier");
        assertThat(Files.readString(inbox.resolve(".failed/a/z.CSV.error.json"))).isEqualTo("a report whose file is gone");
        assertThat(Files.readString(inbox.resolve(".failed/a/y (2).CSV.error.json"))).isEqualTo("{\"report\":1}");
    }

    /** Killed between placing the file and taking it out of the inbox: the next attempt finishes that move. */
    @Test
    void aMoveCutShortIsFinishedNotMadeTwice(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Ingestion ingestion = new Ingestion(null, null, inbox, 1_000, new IngestStats());
        String target = ".done/" + LocalDate.now(ZoneOffset.UTC) + "/practice/w.json";
        AtomicFiles.write(inbox.resolve("practice/w.json"), bytes("w"));
        Files.createDirectories(inbox.resolve(target).getParent());
        Files.createLink(inbox.resolve(target), inbox.resolve("practice/w.json"));

        assertThat(ingestion.leaveInbox("practice/w.json", null)).isEqualTo(target);
        assertThat(files(inbox)).containsExactly(target);
    }

    /**
     * Two files whose names differ only by a " (2)" leave the inbox at the same moment, the second file's
     * name being the one the first one gets: neither replaces the other.
     */
    @Test
    void twoFilesMovedToOneNameAtOnceBothArrive(@TempDir Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        Ingestion ingestion = new Ingestion(null, null, inbox, 1_000, new IngestStats());
        String done = ".done/" + LocalDate.now(ZoneOffset.UTC) + "/";
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int k = 0; k < 200; k++) {
                String a = "p" + k + "/x.json";
                String b = "p" + k + "/x (2).json";
                AtomicFiles.write(inbox.resolve(done + a), bytes("earlier"));
                AtomicFiles.write(inbox.resolve(a), bytes("a"));
                AtomicFiles.write(inbox.resolve(b), bytes("b"));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> fa = two.submit(() -> { together.await(); return ingestion.leaveInbox(a, null); });
                Future<String> fb = two.submit(() -> { together.await(); return ingestion.leaveInbox(b, null); });
                assertThat(fa.get()).isNotEqualTo(fb.get());
                assertThat(Files.readString(inbox.resolve(fa.get()))).isEqualTo("a");
                assertThat(Files.readString(inbox.resolve(fb.get()))).isEqualTo("b");
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(waiting(inbox)).isEmpty();
        assertThat(files(inbox.resolve(done))).hasSize(600);
    }

    /**
     * One instance: the real ingest route and its beans, advised to record who takes what and to run
     * {@code beforeLeaving} just before the file leaves the inbox; {@code scans} counts its finished scans.
     */
    private static CamelContext instance(int n, Database db, Path inbox, Queue<String> takes, Processor beforeLeaving,
                                         AtomicInteger scans) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = SharedInboxTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        settings.setProperty("podium.inbox", inbox.toString());
        settings.setProperty("podium.inbox.read-lock-min-age", "50");
        settings.setProperty("podium.inbox.poll-delay", "50");
        settings.setProperty("podium.inbox.max-files-per-poll", "100");
        settings.setProperty("podium.inbox.lock-release-delay", "500");

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("instance-" + n);
        camel.getShutdownStrategy().setTimeout(10);
        camel.getPropertiesComponent().setInitialProperties(settings);
        IngestStats stats = new IngestStats();
        InboxFilter filter = new InboxFilter(100);
        InboxLockRepository locks = new InboxLockRepository(db.dataSource(), "podium-inbox", 2_000, 10_000);
        camel.getRegistry().bind("inboxLocks", locks);
        camel.getRegistry().bind("inboxFilter", filter);
        camel.getRegistry().bind("inboxScan", new CountedScans(new InboxScan(filter), scans));
        camel.getRegistry().bind("ingestion", new Ingestion(new FeedReader(Set.of("alms"), 20_971_520),
                new ResultStore(db.dataSource(), Clock.systemUTC()), inbox, 20_971_520, stats));
        camel.getRegistry().bind("rejections", new Rejections(inbox, Clock.systemUTC(), stats));
        camel.getRegistry().bind("seasonChanges", new SeasonChanges(Duration.ofMillis(100), Duration.ofSeconds(5), System::nanoTime));
        camel.getRegistry().bind("reportWriter", new org.podium.outbox.ReportWriter(
                new org.podium.outbox.Outbox(inbox.resolveSibling("outbox"), db.dataSource(), Clock.systemUTC()), inbox, Clock.systemUTC()));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:routes/2-ingest.yaml"));
        AdviceWith.adviceWith(camel, "ingest", route -> {
            route.weaveAddFirst().process(e -> takes.add(n + " " + e.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/')));
            route.weaveById(LEAVE_INBOX).before().process(beforeLeaving);
        });
        locks.start();
        camel.start();
        return camel;
    }

    /** The id of the ingest route's last step, which moves the file out of the inbox. */
    static final String LEAVE_INBOX = "leave-inbox";

    /** The route's poll strategy, counting the scans it finished. */
    private record CountedScans(InboxScan scan, AtomicInteger finished) implements PollingConsumerPollStrategy {
        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) { return scan.begin(consumer, endpoint); }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            scan.commit(consumer, endpoint, polledMessages);
            finished.incrementAndGet();
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
            return scan.rollback(consumer, endpoint, retryCounter, cause);
        }
    }

    /** Files still waiting in the inbox (hidden folders such as .done are not the inbox's waiting files). */
    private static List<String> waiting(Path inbox) {
        return files(inbox).stream().filter(f -> !f.startsWith(".") && !f.contains("/.")).toList();
    }

    private static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) { return text.getBytes(StandardCharsets.UTF_8); }

    private static boolean moved(TestHome home, String rel) {
        return files(home.inbox(".done")).stream().anyMatch(f -> f.endsWith("/" + rel)) && !Files.exists(home.inbox(rel));
    }

    /** The instance holding a file's lock, or null when there is none. */
    private static String lockOwner(DataSource store, String key) throws Exception {
        try (Connection c = store.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long lockRows(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
