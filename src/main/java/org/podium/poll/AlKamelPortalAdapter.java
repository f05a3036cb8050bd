package org.podium.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Polls an Al Kamel results portal: for each configured event, its page, the configured championship's
 * classification links, and the one file per session Podium takes. An answer whose links belong to another
 * season or event is not trusted: nothing of it is written, the page is asked for once more, and a second
 * such answer fails the poll.
 *
 * <p>The page also lists the valid values: its season and event selectors, and the championships of its
 * results. A {@code portalSeason}, {@code portalEvent} or {@code championship} it contradicts is a
 * {@link FeedMisconfigured} outcome, found with the one request that read the page: nothing is asked again
 * for it. A wrong season ends the poll (every page would say the same); a wrong event skips that event.
 */
final class AlKamelPortalAdapter implements FeedAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    /** What an event page lists: the files of the asked event, and the links that belong to another one. */
    private record Listing(List<AlKamelPortal.PortalFile> files, List<String> elsewhere) {}

    @Override
    public void poll(FeedPoll poll) throws InterruptedException {
        Feed feed = poll.feed();
        // the championship is judged over every page of the poll: one event's page may list only other championships so far
        boolean championshipNamed = false;
        Set<String> championships = new TreeSet<>();
        String championshipsPage = null;
        for (FeedEvent event : feed.events()) {
            URI page = AlKamelPortal.eventPage(feed.baseUrl(), feed.sourceSeason(), event.source());
            Optional<byte[]> html = poll.page(page);
            if (html.isEmpty()) continue;
            AlKamelPortal.Offers offers = AlKamelPortal.offers(html.get(), feed.sourceSeason(), event.source());
            List<String> seasons = offers.seasons().map(AlKamelPortal.Select::values).orElse(List.of());
            if (!seasons.isEmpty() && !seasons.contains(feed.sourceSeason())) {
                if (AlKamelPortal.contradicts(seasons, feed.sourceSeason())) {
                    poll.misconfigured(new FeedMisconfigured(feed.id(), "portalSeason", feed.sourceSeason(),
                            "the portal's season list", seasons));
                } else {
                    LOG.info("{}: season {} is not on the portal yet; it lists {}", feed.id(), feed.sourceSeason(), seasons);
                }
                return;     // every event's page would say the same
            }
            // the event list is judged only on a page for our season (a stateful answer may be another's)
            List<String> events = offers.forSeason(feed.sourceSeason())
                    ? offers.events().map(AlKamelPortal.Select::values).orElse(null) : null;
            if (events != null && !events.contains(event.source())) {
                if (AlKamelPortal.contradicts(events, event.source())) {
                    poll.misconfigured(new FeedMisconfigured(feed.id(), "portalEvent", event.source(),
                            "the portal's season " + feed.sourceSeason() + " page", events));
                } else {
                    // numbered after every listed event: the portal lists events as they come
                    LOG.info("{}: round {} ({}) is not on the portal's season {} page yet; it lists {}", feed.id(),
                            event.round(), event.source(), feed.sourceSeason(), events.isEmpty() ? "no events" : events);
                }
                continue;   // the page's links are another event's
            }
            if (!offers.championships().isEmpty() && championships.isEmpty()) {
                championshipsPage = feed.sourceSeason() + "/" + event.source();
            }
            championships.addAll(offers.championships());
            Optional<Listing> listing = listing(poll, event, page, html.get());
            // The portal is stateful: now and then it answers for the season or event another visitor asked
            // for. Asked once more it answers for ours; only a second wrong answer fails the poll.
            if (listing.isPresent() && !listing.get().elsewhere().isEmpty()) {
                LOG.info("{}: {} answered with links for another season or event (e.g. {}); asking once more",
                        feed.id(), page, listing.get().elsewhere().get(0));
                html = poll.page(page);
                listing = html.isEmpty() ? Optional.empty() : listing(poll, event, page, html.get());
            }
            if (listing.isEmpty()) continue;
            championshipNamed = true;
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
        if (AlKamelPortal.contradictsChampionship(List.copyOf(championships), championshipNamed, feed.championship())) {
            poll.misconfigured(new FeedMisconfigured(feed.id(), "championship", feed.championship(),
                    "the portal's " + championshipsPage + " page", List.copyOf(championships)));
        }
    }

    /** The event page's championship links, sorted into this event's files and links elsewhere; empty when no table names the championship. */
    private static Optional<Listing> listing(FeedPoll poll, FeedEvent event, URI page, byte[] html) {
        Feed feed = poll.feed();
        Optional<List<String>> hrefs = AlKamelPortal.championshipLinks(html, feed.championship());
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
