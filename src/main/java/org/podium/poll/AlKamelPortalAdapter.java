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
 * season or event is not trusted: nothing of it is written, the page is asked for once more, and a second
 * such answer fails the poll.
 */
final class AlKamelPortalAdapter implements FeedAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    /** What an event page lists: the files of the asked event, and the links that belong to another one. */
    private record Listing(List<AlKamelPortal.PortalFile> files, List<String> elsewhere) {}

    @Override
    public void poll(FeedPoll poll) throws InterruptedException {
        Feed feed = poll.feed();
        for (FeedEvent event : feed.events()) {
            URI page = AlKamelPortal.eventPage(feed.baseUrl(), feed.sourceSeason(), event.source());
            Optional<Listing> listing = listing(poll, event, page);
            // The portal is stateful: now and then it answers for the season or event another visitor asked
            // for. Asked once more it answers for ours; only a second wrong answer fails the poll.
            if (listing.isPresent() && !listing.get().elsewhere().isEmpty()) {
                LOG.info("{}: {} answered with links for another season or event (e.g. {}); asking once more",
                        feed.id(), page, listing.get().elsewhere().get(0));
                listing = listing(poll, event, page);
            }
            if (listing.isEmpty()) continue;
            List<String> elsewhere = listing.get().elsewhere();
            if (!elsewhere.isEmpty()) {
                poll.failed(page + " answered twice with links for another season or event (" + elsewhere.size() + ", e.g. "
                        + elsewhere.get(0) + ") where " + feed.sourceSeason() + "/" + event.source()
                        + " was asked for; nothing written for round " + event.round());
                continue;
            }
            for (AlKamelPortal.PortalFile f : AlKamelPortal.choose(listing.get().files())) {
                List<String> parts = new ArrayList<>(List.of(feed.series(), feed.season(), event.inboxFolder()));
                parts.addAll(f.inboxParts());
                poll.document(f.uri(), parts, null);
            }
        }
    }

    /** The event page's championship links, sorted into this event's files and links elsewhere; empty when there are none to read. */
    private static Optional<Listing> listing(FeedPoll poll, FeedEvent event, URI page) throws InterruptedException {
        Feed feed = poll.feed();
        Optional<byte[]> html = poll.page(page);
        if (html.isEmpty()) return Optional.empty();
        Optional<List<String>> hrefs = AlKamelPortal.championshipLinks(html.get(), feed.championship());
        if (hrefs.isEmpty()) {
            LOG.info("{}: round {} ({}): no table on the page names {}; nothing published yet", feed.id(),
                    event.round(), event.source(), feed.championship());
            return Optional.empty();
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
        return Optional.of(new Listing(files, elsewhere));
    }
}
