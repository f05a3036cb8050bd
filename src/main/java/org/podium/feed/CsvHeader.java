package org.podium.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Al Kamel header line, looked up by column name. Names are normalised the way the files need:
 * BOM stripped, trimmed of every kind of space ({@code " LAPS"}), upper-cased, and the aliases the
 * layouts use folded into one name (docs/formats.md: POS/POSITION, TYRES/TIRES, TOTAL_TIME/ELAPSED,
 * FL_TIME/BEST_LAP_TIME, FL_LAPNUM/BEST_LAP_NUM, FL_KPH/BEST_LAP_KPH).
 */
final class CsvHeader {
    private static final Map<String, String> ALIASES = Map.of(
            "POS", "POSITION",
            "TIRES", "TYRES",
            "ELAPSED", "TOTAL_TIME",
            "BEST_LAP_TIME", "FL_TIME",
            // results by class names its fastest-lap columns this way
            "BEST_LAP_NUM", "FL_LAPNUM",
            "BEST_LAP_KPH", "FL_KPH");

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvHeader(List<String> names) {
        this.names = names;
        for (int i = 0; i < names.size(); i++) {
            String canonical = canonical(names.get(i));
            if (!canonical.isEmpty()) index.putIfAbsent(canonical, i);
        }
    }

    static CsvHeader of(String[] fields) {
        List<String> names = new ArrayList<>(fields.length);
        for (String f : fields) names.add(normalize(f));
        return new CsvHeader(names);
    }

    static String normalize(String token) {
        String t = token;
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') t = t.substring(1);
        // no-break spaces too, at the ends and between words ("DRIVER_ECM Driver Id")
        return Spaces.collapse(t).toUpperCase(Locale.ROOT);
    }

    private static String canonical(String normalized) {
        return ALIASES.getOrDefault(normalized, normalized);
    }

    /** The 0-based index of a column by its canonical name, or -1. */
    int indexOf(String canonicalName) {
        Integer i = index.get(canonicalName);
        return i == null ? -1 : i;
    }

    boolean has(String canonicalName) { return index.containsKey(canonicalName); }

    /** The column's name as the file writes it (trimmed, upper-cased), for error reports. */
    String nameAt(int index) { return index >= 0 && index < names.size() ? names.get(index) : "?"; }

    int size() { return names.size(); }

    /**
     * Numbered columns such as DRIVER_1…DRIVER_5 or DRIVER1_FIRSTNAME…: number → 0-based index, in
     * number order, whatever order the file puts them in.
     */
    TreeMap<Integer, Integer> numbered(String prefix, String suffix) {
        TreeMap<Integer, Integer> found = new TreeMap<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String name = e.getKey();
            if (name.length() <= prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix)) continue;
            String digits = name.substring(prefix.length(), name.length() - suffix.length());
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 3) continue;
            found.put(Integer.parseInt(digits), e.getValue());
        }
        return found;
    }

    /** The names, for messages listing what a header holds. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (n.isEmpty()) continue;
            if (sb.length() > 0) sb.append(", ");
            if (sb.length() > 200) return sb.append("…").toString();
            sb.append(n);
        }
        return sb.toString();
    }
}
