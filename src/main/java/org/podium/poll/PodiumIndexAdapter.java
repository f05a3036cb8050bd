package org.podium.poll;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Podium feed index: every listed document whose SHA-256 differs from the one last written is
 * fetched, checked against the index's hash and written under {@code inbox/<series>/}, keeping its path
 * below the index's folder (canonical documents carry their own metadata). A mirror feed writes each into
 * the outbox instead, at that same path, with the index's version: another Podium's outbox, copied.
 */
final class PodiumIndexAdapter implements FeedAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    @Override
    public void poll(FeedPoll poll) throws InterruptedException {
        Feed feed = poll.feed();
        URI indexUrl = feed.baseUrl();
        Optional<byte[]> body = poll.page(indexUrl);
        if (body.isEmpty()) return;
        FeedIndex index;
        try {
            index = FeedIndex.parse(body.get());
        } catch (IllegalArgumentException e) {
            poll.failed("the feed index " + indexUrl + " cannot be read: " + e.getMessage());
            return;
        }
        for (FeedIndex.Document d : index.documents()) {
            URI uri;
            try {
                uri = poll.links().resolve(indexUrl, d.url());
            } catch (Refused e) {
                poll.refused("document of " + indexUrl, e.getMessage());
                continue;
            }
            if (feed.mirror()) {
                mirror(poll, uri, d);
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(feed.series());
            parts.addAll(poll.links().segmentsBelowBase(uri));
            if (parts.size() < 2) {
                poll.refused(uri.toString(), "names no file below the index's folder");
                continue;
            }
            poll.document(uri, parts, d.sha256());
        }
    }

    /** Names a mirror writes for itself: its own indexes, and its own report of its own state. */
    private static final Set<String> OWN = Set.of("index.json", "feed-index.json", "report/index.html");
    /** The outbox kind of the report page (docs/outbox.md). */
    private static final String REPORT_KIND = "report";

    private static void mirror(FeedPoll poll, URI uri, FeedIndex.Document d) throws InterruptedException {
        List<String> parts = poll.links().segmentsBelowBase(uri);
        if (parts.isEmpty()) {
            poll.refused(uri.toString(), "names no file below the index's folder");
            return;
        }
        try {
            for (String part : parts) InboxWriter.check(part);
        } catch (Refused e) {
            poll.refused(uri.toString(), e.getMessage());
            return;
        }
        String path = String.join("/", parts);
        if (d.kind() == null || d.version() == null) {
            poll.refused(uri.toString(), "the index gives no kind or version for it: a mirror copies another Podium's outbox "
                    + "through its /outbox/feed-index.json, which gives both");
            return;
        }
        if (OWN.contains(path) || REPORT_KIND.equals(d.kind())) {
            LOG.info("{}: {} not mirrored: this Podium writes its own {}", poll.feed().id(), uri, path);
            return;
        }
        poll.mirror(uri, path, d);
    }
}
