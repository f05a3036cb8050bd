package org.podium.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one poll of a feed did.
 *
 * @param counts            documents per outcome (pages that could not be fetched count as failed or refused)
 * @param problems          every failure and refusal, for the log and the status
 * @param faulted           true when something could not be fetched or trusted (an outage, a 5xx after the
 *                          retries, a cut body): a transient fault, counted by the feed's circuit breaker
 * @param misconfigurations the settings the source's own pages contradict: a configuration error, not a
 *                          fault; asking again cannot help
 * @param requests          HTTP requests the poll sent: every attempt, retries and redirects included (a
 *                          connection refused counts as one)
 */
public record PollResult(String feedId, Instant startedAt, Instant finishedAt, Map<FetchOutcome, Integer> counts,
                         List<String> problems, boolean faulted, List<FeedMisconfigured> misconfigurations, long requests) {
    public PollResult {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        EnumMap<FetchOutcome, Integer> c = new EnumMap<>(FetchOutcome.class);
        for (FetchOutcome o : FetchOutcome.values()) c.put(o, counts.getOrDefault(o, 0));
        counts = Map.copyOf(c);
        problems = List.copyOf(problems);
        misconfigurations = List.copyOf(misconfigurations);
    }

    /** A poll without misconfigurations, its requests not counted. */
    public PollResult(String feedId, Instant startedAt, Instant finishedAt, Map<FetchOutcome, Integer> counts,
                      List<String> problems, boolean faulted) {
        this(feedId, startedAt, finishedAt, counts, problems, faulted, List.of(), 0);
    }

    /** True when the poll did not do its whole job: a fault, or a setting the source contradicts. */
    public boolean failed() { return faulted || misconfigured(); }

    /** True when a setting of config/feeds.yaml is wrong by the source's own pages: {@code once} exits 3. */
    public boolean misconfigured() { return !misconfigurations.isEmpty(); }

    public int count(FetchOutcome outcome) { return counts.get(outcome); }

    /** Documents written into the inbox. */
    public int fetched() { return count(FetchOutcome.FETCHED); }

    /** The problems in one line, a misconfiguration first (it is what to act on), or null when there were none. */
    public String problem() {
        List<String> all = new ArrayList<>();
        misconfigurations.forEach(m -> all.add(m.message()));
        all.addAll(problems);
        if (all.isEmpty()) return null;
        String first = all.get(0);
        return all.size() == 1 ? first : first + " (and " + (all.size() - 1) + " more: see the log)";
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
