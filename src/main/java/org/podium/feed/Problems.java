package org.podium.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found in one file as they are found: the first {@link FeedLimits#MAX_PROBLEMS_LISTED}
 * are kept, later ones only counted, and a message given as a supplier is never built for those.
 */
final class Problems {
    private final List<Problem> listed = new ArrayList<>();
    private int unlisted;

    void add(Problem p) {
        if (listed.size() < FeedLimits.MAX_PROBLEMS_LISTED) listed.add(p);
        else unlisted++;
    }

    void add(Integer line, Integer column, String field, Supplier<String> message) {
        if (listed.size() < FeedLimits.MAX_PROBLEMS_LISTED) listed.add(new Problem(line, column, field, message.get()));
        else unlisted++;
    }

    /** Everything a failed step found, listed and unlisted. */
    void addAll(FeedException e) {
        for (Problem p : e.problems()) add(p);
        unlisted += e.unlistedProblems();
    }

    boolean isEmpty() { return listed.isEmpty() && unlisted == 0; }

    /** Every problem found, listed or not. */
    int count() { return listed.size() + unlisted; }

    List<Problem> listed() { return List.copyOf(listed); }

    void sort(Comparator<Problem> order) { listed.sort(order); }

    FeedException exception(String hint) { return new FeedException(null, listed, unlisted, hint); }
}
