package org.podium.feed;

import java.util.List;
import java.util.Objects;

/**
 * A feed file that cannot be read: every problem found in it (not only the first), and a hint that
 * says what to do about it.
 */
public class FeedException extends Exception {
    private static final int LISTED_IN_MESSAGE = 20;

    private final String document;
    private final List<Problem> problems;
    private final String hint;

    public FeedException(String document, List<Problem> problems, String hint) {
        super(describe(document, problems, hint));
        if (problems == null || problems.isEmpty()) throw new IllegalArgumentException("a feed error needs a problem");
        this.document = document;
        this.problems = List.copyOf(problems);
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    public FeedException(List<Problem> problems, String hint) { this(null, problems, hint); }

    public FeedException(Problem problem, String hint) { this(null, List.of(problem), hint); }

    /** The same problems, now naming the file they were found in. */
    public FeedException inDocument(String name) { return new FeedException(name, problems, hint); }

    /** The file name, null where the caller did not give one. */
    public String document() { return document; }

    public List<Problem> problems() { return problems; }

    /** What to do about it. */
    public String hint() { return hint; }

    private static String describe(String document, List<Problem> problems, String hint) {
        StringBuilder sb = new StringBuilder();
        if (document != null) sb.append(document).append(": ");
        if (problems == null || problems.isEmpty()) return sb.append(hint).toString();
        int shown = Math.min(problems.size(), LISTED_IN_MESSAGE);
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append("; ");
            sb.append(problems.get(i));
        }
        if (problems.size() > shown) sb.append("; … and ").append(problems.size() - shown).append(" more");
        return sb.append(". To fix: ").append(hint).toString();
    }
}
