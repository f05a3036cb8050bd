package org.podium.poll;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Polls SRO results pages: the season page for the season's events, each configured event's page for its
 * races, and each result race's page, filed as {@code <session>/<session>_<status>.html}. The pages never say
 * whether a result is provisional or official: the feed's {@code resultStatus} does. A configured slug the
 * season page does not list (while it lists others) is a {@link FeedMisconfigured} outcome naming the slugs it
 * lists; that event is skipped, the others are polled.
 */
final class SroResultsAdapter implements FeedAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    @Override
    public void poll(FeedPoll poll) throws InterruptedException {
        Feed feed = poll.feed();
        String year = feed.sourceSeason();
        URI seasonPage = SroPages.seasonPage(feed.baseUrl(), year);
        Optional<byte[]> season = poll.page(seasonPage);
        if (season.isEmpty()) return;
        Optional<List<String>> links = SroPages.eventLinks(season.get(), year);
        if (links.isEmpty()) {
            poll.failed(seasonPage + " lists no events (no <select id=\"filter_meeting_id\"> and no /results/" + year
                    + "/… links): not a results season page");
            return;
        }
        Set<String> listed = new HashSet<>();
        Set<String> offered = new LinkedHashSet<>();
        for (String href : links.get()) {
            String named = SroPages.slugOfHref(href, year);
            if (named != null) offered.add(named);
            try {
                URI uri = poll.links().resolve(seasonPage, href);
                String slug = SroPages.slugOf(poll.links().segmentsBelowBase(uri), year);
                if (slug != null) listed.add(slug);
            } catch (Refused e) {
                poll.refused("link on " + seasonPage, e.getMessage());
            }
        }
        String status = feed.resultStatus().name().charAt(0) + feed.resultStatus().name().substring(1).toLowerCase(Locale.ROOT);
        for (FeedEvent event : feed.events()) {
            if (!listed.contains(event.source())) {
                if (offered.isEmpty()) {
                    LOG.info("{}: round {} ({}): the season page lists no events yet", feed.id(), event.round(), event.source());
                } else if (!offered.contains(event.source())) {
                    // the season page lists the season's events, those to come included: a slug it does not list is wrong
                    poll.misconfigured(new FeedMisconfigured(feed.id(), "slug", event.source(),
                            "the season page " + seasonPage, List.copyOf(offered)));
                }
                // else listed with a link Podium may not follow: refused above
                continue;
            }
            URI eventPage = SroPages.eventPage(feed.baseUrl(), year, event.source());
            Optional<byte[]> page = poll.page(eventPage);
            if (page.isEmpty()) continue;
            Optional<List<SroPages.Race>> races = SroPages.races(page.get());
            if (races.isEmpty()) {
                poll.failed(eventPage + " has no race list (<select id=\"filter_race_id\">): not an event results page");
                continue;
            }
            Set<String> sessions = new HashSet<>();
            for (SroPages.Race race : races.get()) {
                Optional<String> session = SroPages.session(race.name(), event);
                if (session.isEmpty()) {
                    LOG.debug("{}: round {}: \"{}\" is not a result Podium takes", feed.id(), event.round(), race.name());
                    continue;
                }
                if (!sessions.add(session.get().toLowerCase(Locale.ROOT))) {
                    LOG.warn("{}: round {}: \"{}\" is listed twice; the first one is taken", feed.id(), event.round(), session.get());
                    continue;
                }
                List<String> parts = List.of(feed.series(), feed.season(), event.inboxFolder(), session.get(),
                        session.get() + "_" + status + ".html");
                poll.document(SroPages.racePage(eventPage, race.id()), parts, null, SroPages::notResults);
            }
        }
    }
}
