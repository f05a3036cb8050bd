package org.podium.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.podium.model.Entry;

/**
 * The checks every parsed classification must pass, whatever its format: at least one entry,
 * positions 1, 2, 3… in file order, no car number twice, classified cars ahead of the others (where
 * the file reports status), and no negative time or lap count. All problems are returned, each naming
 * the line and the field.
 */
public final class ClassificationValidator {
    private ClassificationValidator() {}

    public static List<Problem> validate(List<Entry> entries, boolean statusReported) {
        List<Problem> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add(Problem.field("entries", "the classification has no entries"));
            return problems;
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
                problems.add(Problem.at(line, "POSITION", who + "position " + e.position() + " where "
                        + (previousPosition + 1) + " was expected: positions run 1, 2, 3… in file order"));
            }
            previousPosition = e.position();

            Integer earlier = firstSeen.putIfAbsent(e.number(), i);
            if (earlier != null) {
                problems.add(Problem.at(line, "NUMBER", who + "car \"" + e.number() + "\" appears twice (also "
                        + where(entries, earlier) + ")"));
            }

            if (statusReported) {
                if (!e.status().classified() && firstUnclassified == null) {
                    firstUnclassified = e;
                    firstUnclassifiedIndex = i;
                } else if (e.status().classified() && firstUnclassified != null) {
                    problems.add(Problem.at(line, "STATUS", who + "car \"" + e.number() + "\" is classified but comes after car \""
                            + firstUnclassified.number() + "\" (" + where(entries, firstUnclassifiedIndex)
                            + "), which is " + firstUnclassified.status() + ": classified cars come first"));
                }
            }

            if (e.laps() < 0) problems.add(Problem.at(line, "LAPS", who + "negative lap count " + e.laps()));
            if (e.totalTimeMs() != null && e.totalTimeMs() < 0) {
                problems.add(Problem.at(line, "TOTAL_TIME", who + "negative time " + e.totalTimeMs() + " ms"));
            }
            if (e.gap() != null && e.gap().timeMs() != null && e.gap().timeMs() < 0) {
                problems.add(Problem.at(line, "GAP_FIRST", who + "negative time gap " + e.gap().timeMs() + " ms"));
            }
            if (e.gapPrevious() != null && e.gapPrevious().timeMs() != null && e.gapPrevious().timeMs() < 0) {
                problems.add(Problem.at(line, "GAP_PREVIOUS", who + "negative time gap " + e.gapPrevious().timeMs() + " ms"));
            }
        }
        return problems;
    }

    private static String where(List<Entry> entries, int index) {
        Integer line = entries.get(index).sourceLine();
        return line == null ? "entry " + (index + 1) : "line " + line;
    }
}
