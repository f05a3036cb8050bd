package org.podium.combined;

import org.podium.support.ConfigNode;
import org.podium.championship.Names;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code config/aliases.yaml}: the words dropped from either end of team names, when two names that
 * do not match are reported as possibly the same team, and the spellings that only an alias can match
 * (teams and drivers). A spelling may belong to one group only, after normalisation.
 */
public record Aliases(List<String> teamNameSuffixes, NearMissRule nearMiss, List<AliasGroup> teams,
                      List<AliasGroup> drivers) {

    public Aliases {
        teamNameSuffixes = List.copyOf(teamNameSuffixes);
        Objects.requireNonNull(nearMiss, "nearMiss");
        teams = List.copyOf(teams);
        drivers = List.copyOf(drivers);
        List<List<String>> affixes = TeamIdentity.affixes(teamNameSuffixes);
        String teamConflict = firstConflict(teams, s -> TeamIdentity.normalise(s, affixes));
        if (teamConflict != null) throw new IllegalArgumentException("teams: " + teamConflict);
        String driverConflict = firstConflict(drivers, Names::fold);
        if (driverConflict != null) throw new IllegalArgumentException("drivers: " + driverConflict);
    }

    /** No aliases, no suffixes: names match only when they fold alike. */
    public static Aliases none() {
        return new Aliases(List.of(), new NearMissRule(0, 0), List.of(), List.of());
    }

    /** Reads and validates an aliases file; a bad file fails naming the file, the key and the problem. */
    public static Aliases load(Path file) {
        return read(ConfigNode.read(file));
    }

    /** Reads aliases from YAML text; {@code file} names it in error messages. */
    public static Aliases parse(String yaml, String file) {
        return read(ConfigNode.parse(yaml, file));
    }

    /** The driver's name as its alias group gives it, else as given. */
    public String driverName(String name) {
        String folded = Names.fold(name);
        for (AliasGroup g : drivers) {
            if (Names.fold(g.name()).equals(folded)) return g.name();
            for (String a : g.aliases()) if (Names.fold(a).equals(folded)) return g.name();
        }
        return name;
    }

    private static Aliases read(ConfigNode root) {
        root.onlyKeys("teamNameSuffixes", "nearMiss", "teams", "drivers");
        List<String> suffixes = new ArrayList<>();
        Map<String, String> seenSuffix = new HashMap<>();
        for (ConfigNode item : root.get("teamNameSuffixes").listOrEmpty()) {
            String s = item.text();
            String folded = Names.fold(s);
            if (folded.isEmpty()) throw item.fail("has no letters or digits, was " + item.was());
            String other = seenSuffix.putIfAbsent(folded, item.path());
            if (other != null) throw item.fail("\"" + s + "\" is listed twice (also " + other + ")");
            suffixes.add(s);
        }
        ConfigNode nm = root.get("nearMiss");
        NearMissRule nearMiss;
        if (nm.missing()) {
            nearMiss = new NearMissRule(2, 0.15);
        } else {
            nm.onlyKeys("maxEdits", "maxShareOfLength");
            nearMiss = new NearMissRule(nm.get("maxEdits").integer(0), nm.get("maxShareOfLength").number(0, 1));
        }
        List<List<String>> affixes = TeamIdentity.affixes(suffixes);
        List<AliasGroup> teams = groups(root.get("teams"), s -> TeamIdentity.normalise(s, affixes), "normalises");
        List<AliasGroup> drivers = groups(root.get("drivers"), Names::fold, "folds");
        return new Aliases(suffixes, nearMiss, teams, drivers);
    }

    private static List<AliasGroup> groups(ConfigNode node, Function<String, String> normalise, String verb) {
        List<AliasGroup> out = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        List<ConfigNode> items = node.listOrEmpty();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            item.onlyKeys("name", "aliases");
            ConfigNode nameNode = item.get("name");
            String name = nameNode.text();
            claim(nameNode, name, normalise, verb, owner, item.path());
            List<String> aliases = new ArrayList<>();
            List<ConfigNode> aliasNodes = item.get("aliases").required().list();
            if (aliasNodes.isEmpty()) throw item.get("aliases").fail("must list at least one other spelling");
            for (ConfigNode a : aliasNodes) {
                String alias = a.text();
                claim(a, alias, normalise, verb, owner, item.path());
                aliases.add(alias);
            }
            out.add(new AliasGroup(name, aliases));
        }
        return out;
    }

    /** A spelling belongs to one group: two groups claiming it would make the match depend on order. */
    private static void claim(ConfigNode node, String spelling, Function<String, String> normalise, String verb,
                              Map<String, String> owner, String group) {
        String n = normalise.apply(spelling);
        if (n.isEmpty()) throw node.fail("has no letters or digits, was " + node.was());
        String previous = owner.putIfAbsent(n, group);
        if (previous != null && !previous.equals(group)) {
            throw node.fail("\"" + spelling + "\" " + verb + " to \"" + n + "\", which " + previous
                    + " already names; a spelling belongs to one entrant");
        }
    }

    private static String firstConflict(List<AliasGroup> groups, Function<String, String> normalise) {
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<String> spellings = new ArrayList<>();
            spellings.add(groups.get(i).name());
            spellings.addAll(groups.get(i).aliases());
            for (String s : spellings) {
                String n = normalise.apply(s);
                if (n.isEmpty()) return "\"" + s + "\" has no letters or digits";
                Integer previous = owner.putIfAbsent(n, i);
                if (previous != null && previous != i) {
                    return "\"" + s + "\" (\"" + n + "\") is claimed by " + groups.get(previous).name() + " and "
                            + groups.get(i).name();
                }
            }
        }
        return null;
    }
}
