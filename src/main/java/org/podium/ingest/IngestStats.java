package org.podium.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what the inbox did since start, for the run summary, the exit code and the metrics. */
public final class IngestStats {
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public void ingested() { ingested.incrementAndGet(); }
    public void duplicate() { duplicates.incrementAndGet(); }
    public void rejected() { rejected.incrementAndGet(); }

    public long ingestedCount() { return ingested.get(); }
    public long duplicateCount() { return duplicates.get(); }
    public long rejectedCount() { return rejected.get(); }
}
