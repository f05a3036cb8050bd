package org.podium.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what the inbox did since start, for the run summary, the exit code and the metrics. */
public final class IngestStats {
    /** The rejected files a summary lists by name; past these it gives their number. */
    public static final int LISTED = 100;

    /** A rejected file: where it was in the inbox, where it went (its report beside it, + .error.json), and why. */
    public record Rejection(String file, String movedTo, String reason) {
        public String report() { return movedTo + ".error.json"; }
    }

    private final List<Rejection> rejections = new ArrayList<>();
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public void ingested() { ingested.incrementAndGet(); }
    public void duplicate() { duplicates.incrementAndGet(); }
    public void rejected() { rejected.incrementAndGet(); }

    public long ingestedCount() { return ingested.get(); }
    public long duplicateCount() { return duplicates.get(); }
    public long rejectedCount() { return rejected.get(); }

    /** A rejected file placed in {@code inbox/.failed/} with its report. */
    public void rejectedTo(String file, String movedTo, String reason) {
        synchronized (rejections) {
            if (rejections.size() < LISTED) rejections.add(new Rejection(file, movedTo, reason));
        }
    }

    /** The first {@value #LISTED} rejected files, in the order they were placed. */
    public List<Rejection> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }
}
