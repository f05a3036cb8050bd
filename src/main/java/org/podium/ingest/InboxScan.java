package org.podium.ingest;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * The inbox route's poll strategy: Camel's default, telling {@link InboxFilter} when each scan begins,
 * and remembering whether the last scan took files (a backlog is being worked through).
 */
public final class InboxScan extends DefaultPollingConsumerPollStrategy {

    private final InboxFilter filter;
    private volatile int lastTaken;

    public InboxScan(InboxFilter filter) {
        this.filter = filter;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        filter.newScan();
        return super.begin(consumer, endpoint);
    }

    /** Called once the scan's files have been through the route. */
    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        lastTaken = polledMessages;
        super.commit(consumer, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        lastTaken = 0;
        return super.rollback(consumer, endpoint, retryCounter, cause);
    }

    /** Whether the last scan took files: the next one, a poll delay later, is likely to take more. */
    public boolean takingFiles() { return lastTaken > 0; }
}
