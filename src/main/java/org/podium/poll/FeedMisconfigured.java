package org.podium.poll;

import java.util.List;
import java.util.Objects;

/**
 * A poll outcome of its own: a setting of {@code config/feeds.yaml} that the source's own page contradicts
 * (a {@code portalSeason}, {@code portalEvent} or {@code championship} the portal page does not offer, an SRO
 * {@code slug} the season page does not list) while the page lists the valid values. Asking again cannot
 * help: it is never retried, never counted against the feed's circuit breaker, and makes {@code once} exit 3
 * (configuration) rather than 2; the feed's health is DOWN naming it until the file is changed.
 *
 * @param feedId  the feed
 * @param setting the key of config/feeds.yaml ({@code portalEvent})
 * @param value   the value configured
 * @param where   the page that contradicts it, as the message reads ({@code the portal's season 03_2023-2024 page})
 * @param offered the values that page offers, in its order
 */
public record FeedMisconfigured(String feedId, String setting, String value, String where, List<String> offered) {
    public FeedMisconfigured {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(where, "where");
        offered = List.copyOf(offered);
    }

    /**
     * {@code feed alms-2023-24: portalEvent "02_Dubai" is not on the portal's season 03_2023-2024 page; it offers:
     * 01_Sepang, 02_Dubai Autodrome, 03_Yas Marina. Change config/feeds.yaml}
     */
    public String message() {
        return "feed " + feedId + ": " + setting + " \"" + value + "\" is not on " + where + "; it offers: "
                + String.join(", ", offered) + ". Change config/feeds.yaml";
    }

    @Override
    public String toString() { return message(); }
}
