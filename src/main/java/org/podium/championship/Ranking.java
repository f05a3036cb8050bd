package org.podium.championship;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Orders entrants by score, then by tie-breaks in turn. Entrants still level after every tie-break
 * share a rank (1, 1, 1, then 4): input order never decides a place. Rows of a shared rank are listed
 * by name so output is stable. One implementation serves the series' standings (points and the
 * series' tie-breaks) and the combined classification (a score and its own tie-breaks).
 */
public final class Ranking {
    private Ranking() {}

    /** One step of a tie-break order. */
    public interface TieStep<T> {
        /** Positive when {@code a} is ahead of {@code b}. */
        int compare(T a, T b);

        /** Why {@code a} stands where it does against {@code b}, in a's terms. */
        String explain(T a, T b);
    }

    /**
     * How to rank.
     *
     * @param byScore    best score first
     * @param level      whether two entrants are level on score (then the tie-breaks decide)
     * @param byName     the listing order of entrants level on everything
     * @param tieBreaks  the tie-break steps, in order
     * @param sharedText what a shared rank says of itself
     */
    public record Order<T>(Comparator<T> byScore, BiPredicate<T, T> level, Comparator<T> byName,
                           List<? extends TieStep<T>> tieBreaks, String sharedText) {}

    /** An entrant's place: its rank (null when not ranked), whether shared, and why it stands there. */
    public record Place<T>(T item, Integer rank, boolean shared, String tieBreak) {}

    /** Ranks every item given, best first. */
    public static <T> List<Place<T>> rank(List<T> items, Order<T> order) {
        // Plain loops and List.sort, no streams: ranking runs for every table after every round, and a
        // compact method is compiled sooner and cheaper by the JIT.
        List<T> ranked = new ArrayList<>(items);
        ranked.sort(order.byScore().thenComparing(order.byName()));
        List<List<T>> tiers = new ArrayList<>();
        for (int i = 0; i < ranked.size(); ) {
            int j = i;
            while (j < ranked.size() && order.level().test(ranked.get(j), ranked.get(i))) j++;
            tiers.addAll(resolve(ranked.subList(i, j), order, 0));
            i = j;
        }

        List<T> flat = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<Boolean> shared = new ArrayList<>();
        for (List<T> tier : tiers) {
            int rank = flat.size() + 1;
            for (T item : tier) {
                flat.add(item);
                ranks.add(rank);
                shared.add(tier.size() > 1);
            }
        }
        String[] why = new String[flat.size()];
        for (int i = 1; i < flat.size(); i++) {
            T above = flat.get(i - 1);
            T here = flat.get(i);
            if (!order.level().test(above, here) || ranks.get(i).equals(ranks.get(i - 1))) continue;
            for (TieStep<T> tb : order.tieBreaks()) {
                if (tb.compare(above, here) != 0) {
                    why[i] = tb.explain(here, above);
                    if (why[i - 1] == null) why[i - 1] = tb.explain(above, here);
                    break;
                }
            }
        }
        List<Place<T>> out = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            String tieBreak = why[i];
            if (tieBreak == null && shared.get(i)) tieBreak = order.sharedText();
            out.add(new Place<>(flat.get(i), ranks.get(i), shared.get(i), tieBreak));
        }
        return out;
    }

    private static <T> List<List<T>> resolve(List<T> group, Order<T> order, int step) {
        if (group.size() == 1) return List.of(group);
        if (step == order.tieBreaks().size()) {
            List<T> byName = new ArrayList<>(group);
            byName.sort(order.byName());
            return List.of(byName);
        }
        TieStep<T> tb = order.tieBreaks().get(step);
        List<T> sorted = new ArrayList<>(group);
        sorted.sort((a, b) -> tb.compare(b, a));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j < sorted.size() && tb.compare(sorted.get(i), sorted.get(j)) == 0) j++;
            out.addAll(resolve(sorted.subList(i, j), order, step + 1));
            i = j;
        }
        return out;
    }

    // The series' standings: points, then the series' tie-breaks; excluded entrants are listed unranked.

    /** What ranking needs to know of a standings row. */
    record Item(String key, String sortName, double points, Map<Integer, Integer> positions,
                Map<String, Integer> winsByKind, boolean excluded) {
        long pointsKey() { return Math.round(points * 1000); }
    }

    private static final Comparator<Item> BY_NAME =
            Comparator.comparing(Item::sortName).thenComparing(Item::key);

    static List<Place<Item>> rank(List<Item> items, List<TieBreak> tieBreaks) {
        List<TieStep<Item>> steps = tieBreaks.stream().<TieStep<Item>>map(tb -> new TieStep<>() {
            @Override public int compare(Item a, Item b) { return Ranking.compare(tb, a, b); }
            @Override public String explain(Item a, Item b) { return Ranking.explain(tb, a, b); }
        }).toList();
        Order<Item> order = new Order<>(Comparator.comparingLong(Item::pointsKey).reversed(),
                (a, b) -> a.pointsKey() == b.pointsKey(), BY_NAME, steps, sharedText(tieBreaks));
        List<Item> ranked = new ArrayList<>(items.size());
        List<Item> excluded = new ArrayList<>();
        for (Item i : items) (i.excluded() ? excluded : ranked).add(i);
        List<Place<Item>> out = new ArrayList<>(rank(ranked, order));
        excluded.sort(Comparator.comparingLong(Item::pointsKey).reversed().thenComparing(BY_NAME));
        for (Item i : excluded) out.add(new Place<>(i, null, false, null));
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
