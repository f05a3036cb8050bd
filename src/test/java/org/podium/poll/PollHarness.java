package org.podium.poll;

import org.podium.championship.SeriesCatalog;
import org.podium.store.Database;
import org.podium.store.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** A feed poller over a temporary inbox, outbox and H2 store, for feeds given as feeds.yaml text. */
final class PollHarness implements AutoCloseable {

    final Path inbox;
    /** Where a mirror feed writes, with its ledger in the same store. */
    final org.podium.outbox.Outbox outbox;
    final FeedStatus status = new FeedStatus();
    private final Database db;
    private final FeedPolls polls;

    PollHarness(Path dir, String feedsYaml) {
        inbox = dir.resolve("inbox");
        db = new Database(TestDatabases.freshUrl("h2", dir), "sa", "", 2);
        db.migrate();
        Feeds feeds = FeedsFile.parse(feedsYaml, "feeds.yaml", SeriesCatalog.load(org.podium.demo.DemoConfig.SERIES));
        outbox = new org.podium.outbox.Outbox(dir.resolve("outbox"), db.dataSource(), Clock.systemUTC());
        polls = new FeedPolls(feeds, new FeedLedger(db.dataSource()), status, new InboxWriter(inbox), org.podium.app.PodiumConfiguration.asMirrorTarget(outbox), "Podium tests",
                Clock.systemUTC());
    }

    PollResult poll(String feedId) {
        return polls.pollNow(feedId);
    }

    FeedPolls polls() { return polls; }

    /** Every file under the inbox, hidden ones too, relative and sorted. */
    List<String> inboxFiles() {
        if (!Files.isDirectory(inbox)) return List.of();
        try (Stream<Path> s = Files.walk(inbox)) {
            return s.filter(Files::isRegularFile).map(p -> inbox.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(String relative) {
        try {
            return Files.readAllBytes(inbox.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ingestion does to a file it has taken: it leaves the inbox. */
    void ingested(String relative) {
        try {
            Files.delete(inbox.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        polls.close();
        db.close();
    }
}
