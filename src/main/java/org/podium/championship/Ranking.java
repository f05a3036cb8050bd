package org.podium.championship;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Orders entrants by points, then by the series' tie-breaks in turn. Entrants still level after
 * every tie-break share a rank (1, 1, 1, then 4): input order never decides a place. Rows of a
 * shared rank are listed by name so output is stable.
 */
final class Ranking {
    private Ranking() {}

    /** What ranking needs to know of a row. */
    record Item(String key, String sortName, double points, Map<Integer, Integer> positions,
                Map<String, Integer> winsByKind, boolean excluded) {
        long pointsKey() { return Math.round(points * 1000); }
    }

    record Place(Item item, Integer rank, boolean shared, String tieBreak) {}

    private static final Comparator<Item> BY_NAME =
            Comparator.comparing(Item::sortName).thenComparing(Item::key);

    static List<Place> rank(List<Item> items, List<TieBreak> tieBreaks) {
        List<Item> ranked = items.stream().filter(i -> !i.excluded())
                .sorted(Comparator.comparingLong(Item::pointsKey).reversed().thenComparing(BY_NAME))
                .toList();
        List<List<Item>> tiers = new ArrayList<>();
        for (int i = 0; i < ranked.size(); ) {
            int j = i;
            while (j < ranked.size() && ranked.get(j).pointsKey() == ranked.get(i).pointsKey()) j++;
            tiers.addAll(resolve(ranked.subList(i, j), tieBreaks, 0));
            i = j;
        }

        List<Item> flat = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<Boolean> shared = new ArrayList<>();
        for (List<Item> tier : tiers) {
            int rank = flat.size() + 1;
            for (Item item : tier) {
                flat.add(item);
                ranks.add(rank);
                shared.add(tier.size() > 1);
            }
        }
        String[] why = new String[flat.size()];
        for (int i = 1; i < flat.size(); i++) {
            Item above = flat.get(i - 1);
            Item here = flat.get(i);
            if (above.pointsKey() != here.pointsKey() || ranks.get(i).equals(ranks.get(i - 1))) continue;
            for (TieBreak tb : tieBreaks) {
                if (compare(tb, above, here) != 0) {
                    why[i] = explain(tb, here, above);
                    if (why[i - 1] == null) why[i - 1] = explain(tb, above, here);
                    break;
                }
            }
        }
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            String tieBreak = why[i];
            if (tieBreak == null && shared.get(i)) tieBreak = sharedText(tieBreaks);
            out.add(new Place(flat.get(i), ranks.get(i), shared.get(i), tieBreak));
        }
        items.stream().filter(Item::excluded)
                .sorted(Comparator.comparingLong(Item::pointsKey).reversed().thenComparing(BY_NAME))
                .forEach(i -> out.add(new Place(i, null, false, null)));
        return out;
    }

    private static List<List<Item>> resolve(List<Item> group, List<TieBreak> tieBreaks, int step) {
        if (group.size() == 1) return List.of(group);
        if (step == tieBreaks.size()) return List.of(group.stream().sorted(BY_NAME).toList());
        TieBreak tb = tieBreaks.get(step);
        List<Item> sorted = group.stream().sorted((a, b) -> compare(tb, b, a)).toList();
        List<List<Item>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j < sorted.size() && compare(tb, sorted.get(i), sorted.get(j)) == 0) j++;
            out.addAll(resolve(sorted.subList(i, j), tieBreaks, step + 1));
            i = j;
        }
        return out;
    }

    /** Positive when {@code a} is ahead of {@code b} on this tie-break. */
    static int compare(TieBreak tb, Item a, Item b) {
        return switch (tb.rule()) {
            case WINS -> Integer.compare(count(a, 1), count(b, 1));
            case KIND_WINS -> Integer.compare(kindWins(a, tb.kindPrefix()), kindWins(b, tb.kindPrefix()));
            case COUNTBACK -> {
                int place = firstDifferentPlace(a, b);
                yield place == 0 ? 0 : Integer.compare(count(a, place), count(b, place));
            }
        };
    }

    /** Why {@code a} stands where it does against {@code b}, in a's terms. */
    static String explain(TieBreak tb, Item a, Item b) {
        return switch (tb.rule()) {
            case WINS -> "wins: " + count(a, 1) + " vs " + count(b, 1);
            case KIND_WINS -> "wins in " + tb.kindPrefix() + "* races: " + kindWins(a, tb.kindPrefix()) + " vs "
                    + kindWins(b, tb.kindPrefix());
            case COUNTBACK -> {
                int place = firstDifferentPlace(a, b);
                int n = count(a, place);
                String what = place == 1 ? (n == 1 ? "win" : "wins")
                        : ordinal(place) + (n == 1 ? " place" : " places");
                yield "countback: " + n + " " + what + " vs " + count(b, place);
            }
        };
    }

    private static String sharedText(List<TieBreak> tieBreaks) {
        if (tieBreaks.isEmpty()) return "shared: level on points";
        return "shared: level on points and on "
                + tieBreaks.stream().map(TieBreak::id).collect(Collectors.joining(", "));
    }

    private static int firstDifferentPlace(Item a, Item b) {
        TreeSet<Integer> places = new TreeSet<>(a.positions().keySet());
        places.addAll(b.positions().keySet());
        for (int p : places) if (count(a, p) != count(b, p)) return p;
        return 0;
    }

    private static int count(Item i, int place) { return i.positions().getOrDefault(place, 0); }

    private static int kindWins(Item i, String prefix) {
        return i.winsByKind().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth"};

    static String ordinal(int n) {
        if (n < ORDINALS.length) return ORDINALS[n];
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }
}
