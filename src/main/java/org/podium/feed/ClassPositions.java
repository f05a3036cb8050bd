package org.podium.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.podium.model.Entry;

/**
 * Class positions, which no feed prints: each car's place among the cars of its class in file order,
 * counting every car of the class (NC and DSQ cars too, as they carry an overall position). Cars
 * without a class form one class of their own.
 */
public final class ClassPositions {
    private ClassPositions() {}

    public static List<Entry> assign(List<Entry> entries) {
        Map<String, Integer> counts = new HashMap<>();
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            int p = counts.merge(e.carClass() == null ? "" : e.carClass(), 1, Integer::sum);
            out.add(e.withClassPosition(p));
        }
        return out;
    }
}
