package org.podium.championship;

import org.podium.support.ConfigNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a {@code config/series/*.yaml} file into {@link SeriesRules}, checking every key on the way. */
final class RulesParser {
    private RulesParser() {}

    static SeriesRules parse(ConfigNode root) {
        root.onlyKeys("id", "name", "organiser", "seasons", "classes", "defaultClass", "cups", "written", "scoring",
                "teamScoring", "tables", "tieBreak");
        ConfigNode idNode = root.get("id");
        String id = idNode.text();
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw idNode.fail("must be lower-case letters, digits and '-' (it names folders), was " + idNode.was());
        }
        String name = root.get("name").text();
        String organiser = root.get("organiser").textOrNull();

        List<String> classes = names(root.get("classes"), true);
        String defaultClass = root.get("defaultClass").textOrNull();
        if (defaultClass != null && !classes.contains(defaultClass)) {
            throw root.get("defaultClass").fail("must be one of the classes " + classes + ", was " + root.get("defaultClass").was());
        }
        List<String> cups = names(root.get("cups"), false);
        List<Categories.Written> written = written(root.get("written"), classes, cups);

        Scoring scoring = scoring(root.get("scoring"));
        Map<String, SeasonCalendar> seasons = seasons(root.get("seasons"), scoring);

        ConfigNode teamScoringNode = root.get("teamScoring");
        TeamScoring teamScoring = teamScoringNode.missing() ? null : teamScoring(teamScoringNode);
        List<TableSpec> tables = tables(root.get("tables"), teamScoring, cups);
        List<TieBreak> tieBreak = tieBreaks(root.get("tieBreak"), scoring);

        return new SeriesRules(id, name, organiser, seasons, classes, defaultClass, cups, written, scoring, teamScoring,
                tables, tieBreak);
    }

    private static List<String> names(ConfigNode node, boolean required) {
        List<ConfigNode> items = required ? node.list() : node.listOrEmpty();
        if (required && items.isEmpty()) throw node.fail("must name at least one");
        List<String> out = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (ConfigNode item : items) {
            String s = item.text();
            if (!folded.add(Names.fold(s))) throw item.fail("\"" + s + "\" is listed twice");
            out.add(s);
        }
        return out;
    }

    /** {@code written: { "<value>": { class: <a class>, cup: <a cup> } }}: either, both, or neither ({@code {}}). */
    private static List<Categories.Written> written(ConfigNode node, List<String> classes, List<String> cups) {
        if (node.missing()) return List.of();
        node.requireMap();
        Map<String, String> names = new HashMap<>();
        for (String c : classes) names.put(Categories.fold(c), "class " + c);
        for (String c : cups) names.putIfAbsent(Categories.fold(c), "cup " + c);
        Map<String, String> seen = new HashMap<>();
        List<Categories.Written> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.entries()) {
            ConfigNode meaning = e.getValue();
            String value = e.getKey();
            if (Categories.fold(value).isEmpty()) throw meaning.fail("a written value needs a letter or a digit");
            if (names.containsKey(Categories.fold(value))) {
                throw meaning.fail("\"" + value + "\" is already known as " + names.get(Categories.fold(value))
                        + " (names are matched in any case, with or without \"Cup\"); remove it");
            }
            String previous = seen.putIfAbsent(Categories.fold(value), value);
            if (previous != null) throw meaning.fail("\"" + value + "\" and \"" + previous + "\" are the same value written twice");
            if (!meaning.isMap()) {
                throw meaning.fail("must say what it means: { class: …, cup: … }, or {} for a value that names neither");
            }
            meaning.onlyKeys("class", "cup");
            String carClass = meaning.get("class").textOrNull();
            if (carClass != null && !classes.contains(carClass)) {
                throw meaning.get("class").fail("must be one of the classes " + classes + ", was " + meaning.get("class").was());
            }
            String cup = meaning.get("cup").textOrNull();
            if (cup != null && !cups.contains(cup)) {
                throw meaning.get("cup").fail("must be one of the cups " + cups + ", was " + meaning.get("cup").was());
            }
            out.add(new Categories.Written(value, new Categories.Meaning(carClass, cup)));
        }
        return out;
    }

    private static Scoring scoring(ConfigNode node) {
        node.onlyKeys("kinds", "pole", "classification", "shortened");
        Map<String, PointsScale> kinds = new LinkedHashMap<>();
        List<Map.Entry<String, ConfigNode>> kindEntries = node.get("kinds").entries();
        if (kindEntries.isEmpty()) throw node.get("kinds").fail("must define at least one race kind");
        for (Map.Entry<String, ConfigNode> e : kindEntries) kinds.put(e.getKey(), scale(e.getValue()));

        ConfigNode poleNode = node.get("pole");
        double pole = 0;
        if (!poleNode.missing()) {
            poleNode.onlyKeys("points");
            pole = poleNode.get("points").number(0, Double.MAX_VALUE);
        }

        ConfigNode cl = node.get("classification").required().onlyKeys("byStatus", "minShareOfWinnerDistance");
        ClassificationRule classification = new ClassificationRule(
                cl.get("byStatus").bool(), cl.get("minShareOfWinnerDistance").number(0, 1));

        ShortenedRule shortened = ShortenedRule.NONE;
        ConfigNode sh = node.get("shortened");
        if (!sh.missing()) {
            sh.onlyKeys("noPointsUnderLeaderLaps", "halfPointsUnderTimeShare");
            shortened = new ShortenedRule(
                    sh.get("noPointsUnderLeaderLaps").missing() ? 0 : sh.get("noPointsUnderLeaderLaps").integer(0),
                    sh.get("halfPointsUnderTimeShare").numberOr(0, 0, 1));
        }
        return new Scoring(kinds, new PoleRule(pole), classification, shortened);
    }

    private static PointsScale scale(ConfigNode node) {
        node.onlyKeys("points", "beyondScale");
        ConfigNode pointsNode = node.get("points");
        List<ConfigNode> items = pointsNode.list();
        if (items.isEmpty()) throw pointsNode.fail("must give points for at least 1st place");
        List<Double> points = new ArrayList<>();
        for (ConfigNode item : items) {
            double p = item.number(0, Double.MAX_VALUE);
            if (!points.isEmpty() && p > points.get(points.size() - 1)) {
                throw item.fail("points must not rise down the order: " + fmt(p) + " after "
                        + fmt(points.get(points.size() - 1)));
            }
            points.add(p);
        }
        ConfigNode beyond = node.get("beyondScale");
        double beyondScale = beyond.numberOr(0, 0, Double.MAX_VALUE);
        if (beyondScale > points.get(points.size() - 1)) {
            throw beyond.fail("must not exceed the last place on the scale (" + fmt(points.get(points.size() - 1))
                    + "), was " + beyond.was());
        }
        return new PointsScale(points, beyondScale);
    }

    private static Map<String, SeasonCalendar> seasons(ConfigNode node, Scoring scoring) {
        Map<String, SeasonCalendar> seasons = new LinkedHashMap<>();
        List<Map.Entry<String, ConfigNode>> entries = node.entries();
        if (entries.isEmpty()) throw node.fail("must define at least one season");
        for (Map.Entry<String, ConfigNode> e : entries) {
            ConfigNode season = e.getValue().onlyKeys("rounds");
            seasons.put(e.getKey(), new SeasonCalendar(rounds(season.get("rounds"), scoring)));
        }
        return seasons;
    }

    private static List<CalendarRound> rounds(ConfigNode node, Scoring scoring) {
        List<ConfigNode> items = node.list();
        if (items.isEmpty()) throw node.fail("must list at least one round");
        Map<Integer, String> seen = new HashMap<>();
        List<CalendarRound> rounds = new ArrayList<>();
        for (ConfigNode item : items) {
            item.onlyKeys("round", "event", "races");
            ConfigNode roundNode = item.get("round");
            int round = roundNode.integer(1);
            String previous = seen.putIfAbsent(round, item.path());
            if (previous != null) throw roundNode.fail("round " + round + " appears twice (also " + previous + ")");
            String event = item.get("event").text();
            rounds.add(new CalendarRound(round, event, races(item.get("races"), scoring)));
        }
        return rounds;
    }

    private static List<CalendarRace> races(ConfigNode node, Scoring scoring) {
        List<ConfigNode> items = node.list();
        if (items.isEmpty()) throw node.fail("must list at least one race");
        Map<Integer, String> numbers = new HashMap<>();
        Map<String, String> sessions = new HashMap<>();
        List<CalendarRace> races = new ArrayList<>();
        for (ConfigNode item : items) {
            item.onlyKeys("race", "session", "kind", "planned", "pole", "date");
            ConfigNode raceNode = item.get("race");
            int race = raceNode.integer(1);
            String previous = numbers.putIfAbsent(race, item.path());
            if (previous != null) throw raceNode.fail("race " + race + " appears twice in this round (also " + previous + ")");
            ConfigNode sessionNode = item.get("session");
            String session = sessionNode.textOrNull();
            if (session != null) {
                String other = sessions.putIfAbsent(session.toLowerCase(Locale.ROOT), item.path());
                if (other != null) throw sessionNode.fail("session \"" + session + "\" names two races (also " + other + ")");
            }
            ConfigNode kindNode = item.get("kind");
            String kind = kindNode.text();
            if (!scoring.kinds().containsKey(kind)) {
                throw kindNode.fail("race kind \"" + kind + "\" is not defined under scoring.kinds (defined: "
                        + String.join(", ", scoring.kinds().keySet()) + ")");
            }
            races.add(new CalendarRace(race, session, kind, item.get("planned").durationOrNull(),
                    item.get("pole").boolOr(true), item.get("date").dateOrNull()));
        }
        return races;
    }

    private static TeamScoring teamScoring(ConfigNode node) {
        String s = node.text();
        return TeamScoring.fromId(s).orElseThrow(() -> node.fail(
                "must be each-car-separately, best-car or all-cars, was " + node.was()));
    }

    private static List<TableSpec> tables(ConfigNode node, TeamScoring seriesTeamScoring, List<String> cups) {
        List<ConfigNode> items = node.list();
        if (items.isEmpty()) throw node.fail("must list at least one table");
        Map<String, String> seen = new HashMap<>();
        List<TableSpec> tables = new ArrayList<>();
        for (ConfigNode item : items) {
            item.onlyKeys("ranks", "scope", "teamScoring");
            ConfigNode ranksNode = item.get("ranks");
            Ranks ranks = enumValue(ranksNode, Ranks.values());
            ConfigNode scopeNode = item.get("scope");
            Scope scope = enumValue(scopeNode, Scope.values());
            if (scope == Scope.CUP && cups.isEmpty()) throw scopeNode.fail("is cup, but the series lists no cups");
            ConfigNode tsNode = item.get("teamScoring");
            TeamScoring ts = tsNode.missing() ? null : teamScoring(tsNode);
            if (ts != null && ranks != Ranks.TEAMS) throw tsNode.fail("only a teams' table takes a teamScoring");
            if (ranks == Ranks.TEAMS && ts == null && seriesTeamScoring == null) {
                throw item.fail("a teams' table needs teamScoring (here or at the top of the file)");
            }
            String key = ranks.id() + "/" + scope.id();
            String previous = seen.putIfAbsent(key, item.path());
            if (previous != null) throw item.fail(ranks.id() + " by " + scope.id() + " is listed twice (also " + previous + ")");
            tables.add(new TableSpec(ranks, scope, ts));
        }
        return tables;
    }

    private static <E extends Enum<E>> E enumValue(ConfigNode node, E[] values) {
        String s = node.text();
        List<String> ids = new ArrayList<>();
        for (E v : values) {
            String id = v.name().toLowerCase(Locale.ROOT);
            if (id.equals(s)) return v;
            ids.add(id);
        }
        throw node.fail("must be one of " + String.join(", ", ids) + ", was " + node.was());
    }

    private static List<TieBreak> tieBreaks(ConfigNode node, Scoring scoring) {
        List<TieBreak> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode item : node.listOrEmpty()) {
            String s = item.text();
            TieBreak tb = TieBreak.fromId(s).orElseThrow(() -> item.fail(
                    "must be wins, countback or kind-wins:<kind prefix>, was " + item.was()));
            if (tb.rule() == TieBreak.Rule.KIND_WINS
                    && scoring.kinds().keySet().stream().noneMatch(k -> k.startsWith(tb.kindPrefix()))) {
                throw item.fail("no race kind starts with \"" + tb.kindPrefix() + "\" (kinds: "
                        + String.join(", ", scoring.kinds().keySet()) + ")");
            }
            if (!seen.add(s)) throw item.fail("\"" + s + "\" is listed twice");
            out.add(tb);
        }
        return out;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
