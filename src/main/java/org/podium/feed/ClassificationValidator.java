package org.podium.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.podium.model.Entry;

/**
 * The checks every parsed classification must pass, whatever its format: at least one entry and no
 * more than {@link FeedLimits#MAX_ROWS}, positions 1, 2, 3… in file order, no car number twice,
 * classified cars ahead of the others (where the file reports status), and no negative time or lap
 * count. All problems are reported, each naming the line and the field.
 */
public final class ClassificationValidator {
    private ClassificationValidator() {}

    /** The problems found (at most {@link FeedLimits#MAX_PROBLEMS_LISTED} of them), empty when there are none. */
    public static List<Problem> validate(List<Entry> entries, boolean statusReported) {
        Problems problems = new Problems();
        validate(entries, statusReported, problems);
        return problems.listed();
    }

    static void validate(List<Entry> entries, boolean statusReported, Problems problems) {
        if (entries.isEmpty()) {
            problems.add(Problem.field("entries", "the classification has no entries"));
            return;
        }
        if (entries.size() > FeedLimits.MAX_ROWS) {
            problems.add(Problem.field("entries", "the classification has " + entries.size() + " entries, over the limit of "
                    + FeedLimits.MAX_ROWS + " (a real one has fewer than 100 cars)"));
            return;
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        int previousPosition = 0;
        Entry firstUnclassified = null;
        int firstUnclassifiedIndex = -1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Integer line = e.sourceLine();
            String who = line == null ? "entry " + (i + 1) + ": " : "";

            if (e.position() != previousPosition + 1) {
                int expected = previousPosition + 1;
                problems.add(line, null, "POSITION", () -> who + "position " + e.position() + " where "
                        + expected + " was expected: positions run 1, 2, 3… in file order");
            }
            previousPosition = e.position();

            Integer earlier = firstSeen.putIfAbsent(e.number(), i);
            if (earlier != null) {
                problems.add(line, null, "NUMBER", () -> who + "car \"" + e.number() + "\" appears twice (also "
                        + where(entries, earlier) + ")");
            }

            if (statusReported) {
                if (!e.status().classified() && firstUnclassified == null) {
                    firstUnclassified = e;
                    firstUnclassifiedIndex = i;
                } else if (e.status().classified() && firstUnclassified != null) {
                    Entry before = firstUnclassified;
                    int beforeIndex = firstUnclassifiedIndex;
                    problems.add(line, null, "STATUS", () -> who + "car \"" + e.number() + "\" is classified but comes after car \""
                            + before.number() + "\" (" + where(entries, beforeIndex)
                            + "), which is " + before.status() + ": classified cars come first");
                }
            }

            if (e.laps() < 0) problems.add(line, null, "LAPS", () -> who + "negative lap count " + e.laps());
            if (e.totalTimeMs() != null && e.totalTimeMs() < 0) {
                problems.add(line, null, "TOTAL_TIME", () -> who + "negative time " + e.totalTimeMs() + " ms");
            }
            if (e.gap() != null && e.gap().timeMs() != null && e.gap().timeMs() < 0) {
                problems.add(line, null, "GAP_FIRST", () -> who + "negative time gap " + e.gap().timeMs() + " ms");
            }
            if (e.gapPrevious() != null && e.gapPrevious().timeMs() != null && e.gapPrevious().timeMs() < 0) {
                problems.add(line, null, "GAP_PREVIOUS", () -> who + "negative time gap " + e.gapPrevious().timeMs() + " ms");
            }
        }
    }

    private static String where(List<Entry> entries, int index) {
        Integer line = entries.get(index).sourceLine();
        return line == null ? "entry " + (index + 1) : "line " + line;
    }
}
