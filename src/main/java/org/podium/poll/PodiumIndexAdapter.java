package org.podium.poll;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polls a Podium feed index: every listed document whose SHA-256 differs from the one last written is
 * fetched, checked against the index's hash and written under {@code inbox/<series>/}, keeping its path
 * below the index's folder (canonical documents carry their own metadata).
 */
final class PodiumIndexAdapter implements FeedAdapter {

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
}
