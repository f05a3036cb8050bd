package org.podium.poll;

/** Discovers a feed's documents and fetches them into the inbox, one implementation per {@link FeedKind}. */
interface FeedAdapter {
    void poll(FeedPoll poll) throws InterruptedException;

    static FeedAdapter of(FeedKind kind) {
        return switch (kind) {
            case ALKAMEL_PORTAL -> new AlKamelPortalAdapter();
            case SRO_RESULTS -> new SroResultsAdapter();
            case PODIUM_INDEX -> new PodiumIndexAdapter();
        };
    }
}
