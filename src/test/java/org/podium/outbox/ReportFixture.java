package org.podium.outbox;

import org.podium.support.Json;
import org.podium.support.AtomicFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/**
 * A small outbox written file by file, in the documents' published shapes (checked against the JSON
 * Schemas by {@code ReportFixtureTest}): one ALMS GT drivers' table after two of three rounds, one combined
 * classification, three notices of one invitation (a leader, its withdrawal, the new leader) and one
 * rejected file.
 */
final class ReportFixture {

    static final String SHA = "a".repeat(64);
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    static final String FORMULA = "=cmd|' /C calc'!A0";

    final Path outbox;
    final Path inbox;

    ReportFixture(Path root) {
        this.outbox = root.resolve("outbox");
        this.inbox = root.resolve("inbox");
    }

    /** Writes every document of the fixture. */
    ReportFixture write() {
        standings(HOSTILE, FORMULA, List.of(1, 2), List.of(3));
        combined();
        notice(1, "LEADER", "Phoenix Lótus Racing", null, "Phoenix Lótus Racing leads with a score of 1.003.");
        notice(2, "WITHDRAWN", "Phoenix Lótus Racing", 1, "An amended result changed the recipient.");
        notice(3, "LEADER", "Kaiju Motorsports", 2, "Kaiju Motorsports leads with a score of 1.010.");
        rejection("alms/2023-24/01_Sepang/Race 1/only-header.CSV", "the file has a header and no entries",
                "add the entries, then drop the file into the inbox again");
        return this;
    }

    /**
     * drivers-gt of ALMS 2023-24 with results from rounds 1 and 2: a crew of two, a car of {@code hostileTeam},
     * one of {@code formulaTeam}; the rounds the document calls complete and still to run are given.
     */
    void standings(String hostileTeam, String formulaTeam, List<Integer> complete, List<Integer> toRun) {
        ObjectNode d = Json.object();
        d.put("schema", "podium.standings/1");
        d.put("generated", "2024-02-04T18:00:00Z");
        d.put("version", 2);
        d.put("series", "alms");
        d.put("season", "2023-24");
        d.put("table", "drivers-gt");
        d.put("ranks", "drivers");
        d.put("scope", "class");
        d.put("scopeValue", "GT");
        d.put("status", "provisional");
        ArrayNode c = d.putArray("roundsComplete");
        complete.forEach(c::add);
        ArrayNode t = d.putArray("roundsToRun");
        toRun.forEach(t::add);
        d.put("maxSeasonPoints", 130);
        d.put("maxRemainingPoints", 52);
        ArrayNode rows = d.putArray("rows");
        rows.add(row(1, true, "Hiroshi TANABE", "Kaiju Motorsport", "8", 26, 18));
        rows.add(row(1, true, "Daichi MORIOKA", "Kaiju Motorsport", "8", 26, 18));
        rows.add(row(3, false, "Anna EXAMPLE", hostileTeam, "91", 18, 25));
        rows.add(row(4, false, "Ben SAMPLE", formulaTeam, "7", 15, 12.5));
        d.putArray("inputs").addObject().put("sessionKey", "alms/2023-24/01/race-1").put("document", "Race 1_Official.CSV")
                .put("sha256", SHA).put("status", "OFFICIAL");
        AtomicFiles.write(outbox.resolve("standings/alms/2023-24/drivers-gt.json"), Json.bytes(d));
    }

    private static ObjectNode row(int rank, boolean shared, String name, String team, String car, double r1, double r2) {
        ObjectNode r = Json.object();
        r.put("rank", rank);
        r.put("shared", shared);
        r.put("excluded", false);
        ObjectNode e = r.putObject("entrant");
        e.put("key", "driver:" + name.toLowerCase());
        e.put("name", name);
        e.put("team", team);
        e.put("carNumber", car);
        e.put("car", "McLaren 720S GT3 Evo");
        e.putArray("drivers").add(name);
        r.put("points", r1 + r2);
        ArrayNode rounds = r.putArray("rounds");
        rounds.addObject().put("round", 1).put("event", "Sepang").put("points", r1).putArray("sessions").addObject()
                .put("sessionKey", "alms/2023-24/01/race-1").put("points", r1);
        rounds.addObject().put("round", 2).put("event", "Dubai").put("points", r2).putArray("sessions").addObject()
                .put("sessionKey", "alms/2023-24/02/race").put("points", r2);
        r.putArray("adjustments");
        ArrayNode history = r.putArray("history");
        history.addObject().put("round", 1).put("rank", rank).put("points", r1);
        history.addObject().put("round", 2).put("rank", rank).put("points", r1 + r2);
        r.putArray("sources").add(SHA);
        return r;
    }

    void combined() {
        ObjectNode d = Json.object();
        d.put("schema", "podium.combined/1");
        d.put("generated", "2024-02-04T18:00:00Z");
        d.put("version", 3);
        d.put("id", "lemans-2024-asia-combined");
        d.put("name", "GT World Challenge Asia and Asian Le Mans Series combined invitation");
        d.put("final", false);
        ObjectNode rule = d.putObject("rule");
        rule.put("ranks", "teams");
        rule.put("teamScore", "best car's points as a share of the most one car could score in the season");
        rule.put("minRounds", 1);
        rule.put("decimals", 3);
        rule.putArray("tieBreak").add("best-single-share").add("countback");
        ArrayNode seasons = d.putArray("seasons");
        seasons.add(season("gtwc-asia", "2023", "GT World Challenge Asia", "cars-overall", "FINAL", List.of(1, 2, 3, 4), List.of(), 0));
        seasons.add(season("alms", "2023-24", "Asian Le Mans Series", "cars-gt", "PROVISIONAL", List.of(1, 2), List.of(3), 0.4));
        d.put("maxScoreStillAvailable", 0.4);
        ArrayNode c = d.putArray("classification");
        ObjectNode kaiju = c.addObject();
        kaiju.put("rank", 1).put("shared", false).put("team", "Kaiju Motorsports").put("teamKey", "kaiju").put("score", 1.01);
        kaiju.putNull("tieBreak");
        kaiju.putArray("series").add(share("gtwc-asia", "2023", "Kaiju Motorsports", "8", 162, 200, 0.81))
                .add(share("alms", "2023-24", "Kaiju Motorsport", "8", 26, 130, 0.2));
        ArrayNode ineligible = d.putArray("ineligible");
        ObjectNode mekong = ineligible.addObject();
        mekong.put("team", "Mekong Velocity").put("teamKey", "mekong velocity")
                .put("reason", "did not start a round of the Asian Le Mans Series 2023-24").put("score", 0.83);
        mekong.putArray("series").add(share("gtwc-asia", "2023", "Mekong Velocity", "3", 166, 200, 0.83));
        ObjectNode miss = d.putArray("nearMisses").addObject();
        miss.put("message", "possibly the same entrant: add an alias").put("distance", 1);
        miss.putObject("a").put("team", "Garudda Racing").put("series", "gtwc-asia").put("season", "2023");
        miss.putObject("b").put("team", "Garuda Racing").put("series", "alms").put("season", "2023-24");
        d.putArray("inputs").addObject().put("sessionKey", "alms/2023-24/01/race-1").put("sha256", SHA).put("status", "OFFICIAL");
        d.putArray("warnings");
        AtomicFiles.write(outbox.resolve("combined/lemans-2024-asia-combined.json"), Json.bytes(d));
    }

    private static ObjectNode season(String series, String season, String name, String table, String status,
                                     List<Integer> complete, List<Integer> toRun, double maxShare) {
        ObjectNode s = Json.object();
        s.put("series", series).put("season", season).put("seriesName", name).put("table", table).put("status", status);
        ArrayNode c = s.putArray("roundsComplete");
        complete.forEach(c::add);
        ArrayNode t = s.putArray("roundsToRun");
        toRun.forEach(t::add);
        s.put("maxSeasonPoints", 130).put("maxRemainingPoints", toRun.size() * 26).put("maxShareStillAvailable", maxShare);
        return s;
    }

    private static ObjectNode share(String series, String season, String team, String car, double points, double max, double share) {
        ObjectNode s = Json.object();
        s.put("series", series).put("season", season).put("team", team).put("car", car);
        s.putArray("drivers").add("Hiroshi TANABE");
        s.put("points", points).put("maxPoints", max).put("share", share);
        s.putArray("roundsStarted").add(1).add(2);
        return s;
    }

    void notice(int seq, String state, String team, Integer supersedes, String reason) {
        ObjectNode n = Json.object();
        n.put("schema", "podium.invitation-notice/1");
        n.putObject("invitation").put("id", "lemans-2024-asia-combined")
                .put("name", "GT World Challenge Asia and Asian Le Mans Series combined invitation")
                .put("event", "24 Hours of Le Mans 2024").put("class", "LMGT3");
        n.put("seq", seq);
        n.put("state", state);
        n.put("issued", "2024-02-0" + (3 + seq) + "T18:00:00Z");
        ObjectNode r = n.putObject("recipient");
        r.put("team", team).put("key", team.toLowerCase());
        r.putNull("car");
        r.putArray("drivers");
        ObjectNode b = n.putObject("basis");
        b.put("classification", "combined/lemans-2024-asia-combined").put("score", 1.01);
        b.putObject("runnerUp").put("name", "Phoenix Lótus Racing").put("score", 1.003);
        b.put("margin", 0.007);
        b.putObject("roundsRemaining").put("alms/2023-24", 1);
        b.putObject("maxStillAvailable").put("alms/2023-24", 0.4);
        n.putArray("conditions").addObject().put("name", "attendAllEvents").put("met", true)
                .put("detail", "took part in every round run so far");
        n.put("entitled", true);
        if (supersedes == null) n.putNull("supersedes");
        else n.put("supersedes", supersedes);
        n.putArray("inputs");
        n.put("reason", reason);
        n.putArray("notes");
        String path = String.format("notices/lemans-2024-asia-combined/%03d-%s.json", seq, state.toLowerCase());
        AtomicFiles.write(outbox.resolve(path), Json.bytes(n));
    }

    void rejection(String file, String message, String whatToDo) {
        ObjectNode r = Json.object();
        r.put("schema", "podium.rejection/1");
        r.put("file", file);
        r.put("rejectedAt", "2024-02-04T17:00:00Z");
        r.putObject("error").put("type", "feed").put("message", message);
        r.putArray("problems").addObject().put("line", 2).put("field", "POSITION").put("message", "no entry after the header");
        r.put("whatToDo", whatToDo);
        AtomicFiles.write(inbox.resolve(".failed/" + file + ".error.json"), Json.bytes(r));
    }
}
