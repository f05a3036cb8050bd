package org.podium.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/** The inbox route's poll strategy: Camel's default, telling {@link InboxFilter} when each scan begins. */
public final class InboxScan extends DefaultPollingConsumerPollStrategy {

    private final InboxFilter filter;

    public InboxScan(InboxFilter filter) {
        this.filter = filter;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        filter.newScan();
        return super.begin(consumer, endpoint);
    }
}
