package org.podium.poll;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one poll of a feed did.
 *
 * @param counts   documents per outcome (pages that could not be fetched count as failed or refused)
 * @param problems every failure and refusal, for the log and the status
 * @param failed   true when something could not be fetched or trusted: the poll did not do its whole job
 */
public record PollResult(String feedId, Instant startedAt, Instant finishedAt, Map<FetchOutcome, Integer> counts,
                         List<String> problems, boolean failed) {
    public PollResult {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        EnumMap<FetchOutcome, Integer> c = new EnumMap<>(FetchOutcome.class);
        for (FetchOutcome o : FetchOutcome.values()) c.put(o, counts.getOrDefault(o, 0));
        counts = Map.copyOf(c);
        problems = List.copyOf(problems);
    }

    public int count(FetchOutcome outcome) { return counts.get(outcome); }

    /** Documents written into the inbox. */
    public int fetched() { return count(FetchOutcome.FETCHED); }

    /** The problems in one line, or null when there were none. */
    public String problem() {
        if (problems.isEmpty()) return null;
        String first = problems.get(0);
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more: see the log)";
    }

    /** {@code 2 fetched, 5 unchanged(304), 0 same-hash, 0 refused, 0 failed}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (FetchOutcome o : FetchOutcome.values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(count(o)).append(' ').append(o.label());
        }
        return sb.toString();
    }
}
