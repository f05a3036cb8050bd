package org.podium.combined;

import org.podium.championship.Names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who a team is across series, by stated rules rather than guesswork:
 * <ol>
 *   <li>fold case, accents (NFD), punctuation and whitespace ({@link Names#fold});</li>
 *   <li>drop the words of {@code teamNameSuffixes} from either end, longest first, again and again,
 *       as long as a word is left ("Team Kaiju Motorsports" → "kaiju"; a team called just "Racing"
 *       stays "racing"). Words inside a name stay: "Red Lantern by Huang" keeps its "by Huang";</li>
 *   <li>replace a spelling listed as an alias by its group's name, normalised the same way.</li>
 * </ol>
 * Two names are the same team when their keys are equal. Keys that differ but are close (see
 * {@link NearMissRule}) are only ever reported, never merged.
 */
public final class TeamIdentity {
    private final List<List<String>> affixes;
    private final Map<String, String> aliasToKey;
    private final Map<String, String> keyToName;
    private final NearMissRule nearMiss;

    public TeamIdentity(Aliases aliases) {
        Objects.requireNonNull(aliases, "aliases");
        this.affixes = affixes(aliases.teamNameSuffixes());
        this.nearMiss = aliases.nearMiss();
        Map<String, String> toKey = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AliasGroup g : aliases.teams()) {
            String key = normalise(g.name());
            names.put(key, g.name());
            for (String alias : g.aliases()) toKey.put(normalise(alias), key);
        }
        this.aliasToKey = Map.copyOf(toKey);
        this.keyToName = Map.copyOf(names);
    }

    /** Steps 1 and 2: folded, with the configured suffixes and prefixes dropped. */
    public String normalise(String teamName) {
        return normalise(teamName, affixes);
    }

    /** The team's identity: its normalised name, or its alias group's normalised name. */
    public String key(String teamName) {
        String n = normalise(teamName);
        return aliasToKey.getOrDefault(n, n);
    }

    public boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /** The name an alias group gives the team with this key, where one does. */
    public Optional<String> canonicalName(String key) {
        return Optional.ofNullable(keyToName.get(key));
    }

    /** The edit distance of two different keys that are close enough to report; empty otherwise. */
    public OptionalInt nearMiss(String keyA, String keyB) {
        if (keyA.equals(keyB)) return OptionalInt.empty();
        int d = levenshtein(keyA, keyB);
        return nearMiss.close(d, Math.max(keyA.length(), keyB.length())) ? OptionalInt.of(d) : OptionalInt.empty();
    }

    /** Insertions, deletions and substitutions of single characters. */
    public static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    static List<List<String>> affixes(List<String> configured) {
        List<List<String>> out = new ArrayList<>();
        for (String s : configured) {
            String folded = Names.fold(s);
            if (!folded.isEmpty()) out.add(List.of(folded.split(" ")));
        }
        out.sort(Comparator.comparingInt((List<String> w) -> w.size()).reversed());
        return List.copyOf(out);
    }

    static String normalise(String name, List<List<String>> affixes) {
        String folded = Names.fold(name);
        if (folded.isEmpty()) return folded;
        List<String> words = new ArrayList<>(Arrays.asList(folded.split(" ")));
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (List<String> affix : affixes) {
                if (words.size() <= affix.size()) continue;
                if (words.subList(words.size() - affix.size(), words.size()).equals(affix)) {
                    words.subList(words.size() - affix.size(), words.size()).clear();
                    dropped = true;
                    break;
                }
                if (words.subList(0, affix.size()).equals(affix)) {
                    words.subList(0, affix.size()).clear();
                    dropped = true;
                    break;
                }
            }
        }
        return String.join(" ", words);
    }
}
