package org.podium.feed;

import java.util.List;
import java.util.Objects;

/**
 * A feed file that cannot be read: every problem found in it (not only the first), and a hint that
 * says what to do about it. At most {@link FeedLimits#MAX_PROBLEMS_LISTED} problems are listed; the
 * others are only counted ({@link #unlistedProblems()}).
 */
public class FeedException extends Exception {
    private static final int LISTED_IN_MESSAGE = 20;

    private final String document;
    private final List<Problem> problems;
    private final int unlisted;
    private final String hint;

    /**
     * @param unlisted how many further problems were found but not listed
     */
    public FeedException(String document, List<Problem> problems, int unlisted, String hint) {
        super(describe(document, problems, unlisted, hint));
        if (problems == null || problems.isEmpty()) throw new IllegalArgumentException("a feed error needs a problem");
        if (unlisted < 0) throw new IllegalArgumentException("unlisted must not be negative");
        int listed = Math.min(problems.size(), FeedLimits.MAX_PROBLEMS_LISTED);
        this.document = document;
        this.problems = List.copyOf(problems.subList(0, listed));
        this.unlisted = unlisted + problems.size() - listed;
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    public FeedException(String document, List<Problem> problems, String hint) { this(document, problems, 0, hint); }

    public FeedException(List<Problem> problems, String hint) { this(null, problems, 0, hint); }

    public FeedException(Problem problem, String hint) { this(null, List.of(problem), 0, hint); }

    /** The same problems, now naming the file they were found in. */
    public FeedException inDocument(String name) { return new FeedException(name, problems, unlisted, hint); }

    /** The file name, null where the caller did not give one. */
    public String document() { return document; }

    /** The problems listed, in the order found (at most {@link FeedLimits#MAX_PROBLEMS_LISTED}). */
    public List<Problem> problems() { return problems; }

    /** How many more problems were found than {@link #problems()} lists. */
    public int unlistedProblems() { return unlisted; }

    /** What to do about it. */
    public String hint() { return hint; }

    private static String describe(String document, List<Problem> problems, int unlisted, String hint) {
        StringBuilder sb = new StringBuilder();
        if (document != null) sb.append(document).append(": ");
        if (problems == null || problems.isEmpty()) return sb.append(hint).toString();
        int shown = Math.min(problems.size(), LISTED_IN_MESSAGE);
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append("; ");
            sb.append(problems.get(i));
        }
        long more = (long) problems.size() - shown + Math.max(0, unlisted);
        if (more > 0) sb.append("; … and ").append(more).append(" more");
        return sb.append(". To fix: ").append(hint).toString();
    }
}
