package org.podium.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polls an Al Kamel results portal: for each configured event, its page, the configured championship's
 * classification links, and the one file per session Podium takes. An answer whose links belong to another
 * season or event is not trusted: nothing of it is written.
 */
final class AlKamelPortalAdapter implements FeedAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    @Override
    public void poll(FeedPoll poll) throws InterruptedException {
        Feed feed = poll.feed();
        for (FeedEvent event : feed.events()) {
            URI page = AlKamelPortal.eventPage(feed.baseUrl(), feed.sourceSeason(), event.source());
            Optional<byte[]> html = poll.page(page);
            if (html.isEmpty()) continue;
            Optional<List<String>> hrefs = AlKamelPortal.championshipLinks(html.get(), feed.championship());
            if (hrefs.isEmpty()) {
                LOG.info("{}: round {} ({}): no table on the page names {}; nothing published yet", feed.id(),
                        event.round(), event.source(), feed.championship());
                continue;
            }
            List<AlKamelPortal.PortalFile> files = new ArrayList<>();
            List<String> elsewhere = new ArrayList<>();
            for (String href : hrefs.get()) {
                URI uri;
                try {
                    uri = poll.links().resolve(page, href);
                } catch (Refused e) {
                    poll.refused("link on " + page, e.getMessage());
                    continue;
                }
                List<String> segments = poll.links().segmentsBelowBase(uri);
                if (segments.isEmpty() || !segments.get(0).equals("Results")) continue;
                if (!AlKamelPortal.sameEvent(segments, feed.sourceSeason(), event.source())) {
                    elsewhere.add(String.join("/", segments));
                    continue;
                }
                AlKamelPortal.file(uri, segments).ifPresent(files::add);
            }
            if (!elsewhere.isEmpty()) {
                poll.failed(page + " answered with links for another season or event (" + elsewhere.size() + ", e.g. "
                        + elsewhere.get(0) + ") where " + feed.sourceSeason() + "/" + event.source()
                        + " was asked for; nothing written for round " + event.round());
                continue;
            }
            for (AlKamelPortal.PortalFile f : AlKamelPortal.choose(files)) {
                List<String> parts = new ArrayList<>(List.of(feed.series(), feed.season(), event.inboxFolder()));
                parts.addAll(f.inboxParts());
                poll.document(f.uri(), parts, null);
            }
        }
    }
}
