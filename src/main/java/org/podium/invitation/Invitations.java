package org.podium.invitation;

import org.podium.model.SeasonRef;
import org.podium.championship.CalendarRound;
import org.podium.support.ConfigNode;
import org.podium.championship.MaxPoints;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.championship.StandingsTable;
import org.podium.championship.TableSpec;
import org.podium.championship.TeamScoring;
import org.podium.combined.CombinedRule;
import org.podium.combined.CombinedTieBreak;
import org.podium.combined.CountingTable;
import org.podium.combined.RoundRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config/invitations.yaml}: every automatic invitation Podium decides, and the invitations
 * competitors hold from elsewhere. Loaded against the series' rules, so that a series, season or
 * table that does not exist fails at load, naming the file, the key and the problem.
 */
public record Invitations(List<Invitation> invitations, List<OtherInvitation> otherInvitations) {

    /** What {@code recipient:} must say, per kind of classification: the rule as written in the file. */
    static final String TEAM_OF_CAR = "team-of-car";
    static final String TEAM = "team";
    static final String BEST_CAR_SHARE = "best-car-share-of-maximum";
    /** {@code notices.leaderAfterFirstRace}: no LEADER notice before the classification counts a race result. */
    static final String LEADER_AFTER_FIRST_RACE = "leaderAfterFirstRace";

    public Invitations {
        invitations = List.copyOf(invitations);
        otherInvitations = List.copyOf(otherInvitations);
        Map<String, Boolean> ids = new HashMap<>();
        for (Invitation i : invitations) {
            if (ids.put(i.id(), true) != null) throw new IllegalArgumentException("invitation " + i.id() + " given twice");
        }
    }

    /** The seasons whose standings the invitations read: only those need be kept at hand. */
    public java.util.Set<SeasonRef> seasons() {
        java.util.Set<SeasonRef> out = new java.util.LinkedHashSet<>();
        for (Invitation inv : invitations) {
            if (inv.classification() instanceof TableClassification t) out.add(t.table().season());
            if (inv.classification() instanceof CombinedTeamsClassification c) c.rule().tables().forEach(t -> out.add(t.season()));
        }
        return out;
    }

    public Optional<Invitation> get(String id) {
        return invitations.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Reads and validates the file against the series Podium knows. */
    public static Invitations load(Path file, SeriesCatalog catalog) {
        return read(ConfigNode.read(file), catalog);
    }

    /** Reads invitations from YAML text; {@code file} names it in error messages. */
    public static Invitations parse(String yaml, String file, SeriesCatalog catalog) {
        return read(ConfigNode.parse(yaml, file), catalog);
    }

    private static Invitations read(ConfigNode root, SeriesCatalog catalog) {
        root.onlyKeys("notices", "invitations", "otherInvitations");
        ConfigNode notices = root.get("notices");
        boolean leaderAfterFirstRace = true;
        if (!notices.missing()) {
            notices.requireMap().onlyKeys(LEADER_AFTER_FIRST_RACE);
            leaderAfterFirstRace = notices.get(LEADER_AFTER_FIRST_RACE).boolOr(true);
        }
        List<Invitation> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (ConfigNode item : root.get("invitations").list()) {
            Invitation inv = invitation(item, catalog, leaderAfterFirstRace);
            String previous = seen.putIfAbsent(inv.id(), item.path());
            if (previous != null) throw item.get("id").fail("\"" + inv.id() + "\" is also the id of " + previous);
            out.add(inv);
        }
        List<OtherInvitation> others = new ArrayList<>();
        for (ConfigNode item : root.get("otherInvitations").listOrEmpty()) {
            item.onlyKeys("team", "source");
            others.add(new OtherInvitation(item.get("team").text(), item.get("source").text()));
        }
        return new Invitations(out, others);
    }

    private static Invitation invitation(ConfigNode item, SeriesCatalog catalog, boolean leaderAfterFirstRace) {
        item.onlyKeys("id", "name", "event", "class", "classification", "eligibility", "recipient", "passDown",
                "conditions");
        ConfigNode idNode = item.get("id");
        String id = idNode.text();
        if (!Invitation.validId(id)) {
            throw idNode.fail("must be lower-case letters, digits and single hyphens (it names a folder), was " + idNode.was());
        }
        String name = item.get("name").text();
        String event = item.get("event").text();
        String entryClass = item.get("class").text();
        ConfigNode cl = item.get("classification").requireMap();
        ConfigNode eligibility = item.get("eligibility").requireMap();
        ConfigNode recipient = item.get("recipient");
        InvitationClassification classification;
        if (!cl.get("combined").missing()) {
            cl.onlyKeys("combined");
            classification = new CombinedTeamsClassification(combined(id, name, cl.get("combined"), eligibility, catalog));
            expect(recipient, TEAM, "the top team of the combined classification");
        } else {
            cl.onlyKeys("series", "season", "table");
            eligibility.onlyKeys("everyEvent");
            CountingTable table = countingTable(cl, catalog);
            classification = new TableClassification(table, eligibility.get("everyEvent").bool());
            expect(recipient, TEAM_OF_CAR, "the team that entered the top car");
        }
        boolean passDown = item.get("passDown").bool();
        ConfigNode c = item.get("conditions");
        c.onlyKeys(Conditions.ATTEND_ALL_EVENTS, Conditions.MAX_INVITATIONS);
        Conditions conditions = new Conditions(c.get(Conditions.ATTEND_ALL_EVENTS).bool(),
                c.get(Conditions.MAX_INVITATIONS).integerOrNull(1));
        return new Invitation(id, name, event, entryClass, classification, passDown, conditions, leaderAfterFirstRace);
    }

    private static void expect(ConfigNode node, String value, String meaning) {
        String s = node.text();
        if (!s.equals(value)) throw node.fail("must be " + value + " (" + meaning + "), was " + node.was());
    }

    private static CombinedRule combined(String id, String name, ConfigNode node, ConfigNode eligibility,
                                         SeriesCatalog catalog) {
        node.onlyKeys("ranks", "teamScore", "series", "decimals", "tieBreak");
        expect(node.get("ranks"), "teams", "a combined classification ranks teams matched across series");
        expect(node.get("teamScore"), BEST_CAR_SHARE, "a team's best car's points as a share of the season's maximum");
        List<CountingTable> tables = new ArrayList<>();
        Map<SeasonRef, String> seen = new HashMap<>();
        List<ConfigNode> series = node.get("series").list();
        if (series.size() < 2) throw node.get("series").fail("must list two series or more, was " + series.size());
        for (ConfigNode s : series) {
            s.onlyKeys("series", "season", "table");
            CountingTable t = countingTable(s, catalog);
            String previous = seen.putIfAbsent(t.season(), s.path());
            if (previous != null) throw s.fail(t.season() + " is also counted at " + previous);
            tables.add(t);
        }
        eligibility.onlyKeys("minRounds");
        int minRounds = eligibility.get("minRounds").missing() ? 1 : eligibility.get("minRounds").integer(1);
        ConfigNode decimalsNode = node.get("decimals");
        int decimals = decimalsNode.missing() ? 3 : decimalsNode.integer(0);
        if (decimals > 9) throw decimalsNode.fail("must be from 0 to 9, was " + decimalsNode.was());
        List<CombinedTieBreak> tieBreaks = new ArrayList<>();
        for (ConfigNode tb : node.get("tieBreak").listOrEmpty()) {
            String s = tb.text();
            CombinedTieBreak t = CombinedTieBreak.fromId(s).orElseThrow(() -> tb.fail(
                    "must be best-single-share or countback, was " + tb.was()));
            if (tieBreaks.contains(t)) throw tb.fail("\"" + s + "\" is listed twice");
            tieBreaks.add(t);
        }
        return new CombinedRule(id, name, tables, minRounds, tieBreaks, decimals);
    }

    /** A series' season and one of the tables it publishes whose rows are cars. */
    private static CountingTable countingTable(ConfigNode node, SeriesCatalog catalog) {
        ConfigNode seriesNode = node.get("series");
        String seriesId = seriesNode.text();
        SeriesRules rules = catalog.get(seriesId).orElseThrow(() -> seriesNode.fail(
                "unknown series \"" + seriesId + "\" (known: " + String.join(", ", catalog.ids()) + ")"));
        ConfigNode seasonNode = node.get("season");
        String season = seasonNode.text();
        if (rules.calendar(season).isEmpty()) {
            throw seasonNode.fail("series " + seriesId + " has no season \"" + season + "\" (known: "
                    + String.join(", ", rules.seasons().keySet()) + ")");
        }
        ConfigNode tableNode = node.get("table");
        String table = tableNode.text();
        Map<String, String> tables = tableIds(rules);
        String kind = tables.get(table);
        if (kind == null) {
            throw tableNode.fail("series " + seriesId + " publishes no table \"" + table + "\" (tables: "
                    + String.join(", ", tables.keySet()) + ")");
        }
        if (!kind.equals("cars")) {
            throw tableNode.fail("must be a table of cars (" + table + " ranks " + kind
                    + "); use a cars-… table or a teams' table scored each-car-separately");
        }
        List<RoundRef> calendar = new ArrayList<>();
        for (CalendarRound r : rules.requireCalendar(season).rounds()) calendar.add(new RoundRef(r.round(), r.event()));
        double max = MaxPoints.maxSeasonPoints(rules, season);
        if (!(max > 0)) throw tableNode.fail("no points are available in " + seriesId + " " + season);
        return new CountingTable(new SeasonRef(seriesId, season), rules.name(), table, calendar, max);
    }

    /** Every table id the series publishes, with what its rows are: cars, or what else they rank. */
    private static Map<String, String> tableIds(SeriesRules rules) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TableSpec spec : rules.tables()) {
            List<String> values = switch (spec.scope()) {
                case OVERALL -> List.of("overall");
                case CLASS -> rules.classes();
                case CUP -> rules.cups();
            };
            String kind = switch (spec.ranks()) {
                case CARS -> "cars";
                case DRIVERS -> "drivers";
                case TEAMS -> rules.teamScoring(spec) == TeamScoring.EACH_CAR_SEPARATELY ? "cars"
                        : "teams by " + rules.teamScoring(spec).id();
            };
            for (String v : values) out.put(StandingsTable.id(spec.ranks(), v), kind);
        }
        return out;
    }
}
