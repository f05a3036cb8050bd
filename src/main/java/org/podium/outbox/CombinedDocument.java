package org.podium.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.podium.championship.InputDocument;
import org.podium.combined.CombinedClassification;
import org.podium.combined.CombinedRow;
import org.podium.combined.CombinedTieBreak;
import org.podium.combined.IneligibleTeam;
import org.podium.combined.NearMiss;
import org.podium.combined.Scores;
import org.podium.combined.SeasonState;
import org.podium.combined.SeriesShare;
import org.podium.support.Json;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The combined classification as a document ({@code "schema": "podium.combined/1"}), written to
 * {@code outbox/combined/<id>.json}. It holds no time: the outbox adds {@code generated} and
 * {@code version} when it writes it, and the same classification always gives the same document.
 */
public final class CombinedDocument {
    public static final String SCHEMA = "podium.combined/1";

    private CombinedDocument() {}

    /** {@code combined/<id>.json}, relative to the outbox. */
    public static String path(CombinedClassification c) {
        return "combined/" + c.rule().id() + ".json";
    }

    public static ObjectNode json(CombinedClassification c) {
        int decimals = c.rule().decimals();
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("id", c.rule().id());
        root.put("name", c.rule().name());
        root.put("final", c.allFinal());
        ObjectNode rule = root.putObject("rule");
        rule.put("ranks", "teams");
        rule.put("teamScore", "best car's points as a share of the most one car could score in the season");
        rule.put("minRounds", c.rule().minRounds());
        rule.put("decimals", decimals);
        rule.set("tieBreak", Json.strings(c.rule().tieBreak().stream().map(CombinedTieBreak::id).toList()));

        ArrayNode seasons = root.putArray("seasons");
        for (SeasonState s : c.seasons()) {
            ObjectNode o = seasons.addObject();
            o.put("series", s.table().season().series());
            o.put("season", s.table().season().season());
            o.put("seriesName", s.table().seriesName());
            o.put("table", s.table().table());
            o.put("status", s.status().name());
            o.set("roundsComplete", Json.integers(s.roundsComplete()));
            o.set("roundsToRun", Json.integers(s.roundsToRun()));
            o.put("maxSeasonPoints", Scores.printedPoints(s.maxSeasonPoints()));
            o.put("maxRemainingPoints", Scores.printedPoints(s.maxRemainingPoints()));
            o.put("maxShareStillAvailable", Scores.round(s.maxShareStillAvailable(), decimals));
        }
        root.put("maxScoreStillAvailable", Scores.round(c.maxScoreStillAvailable(), decimals));

        ArrayNode rows = root.putArray("classification");
        for (CombinedRow r : c.rows()) {
            ObjectNode o = rows.addObject();
            o.put("rank", r.rank());
            o.put("shared", r.shared());
            o.put("team", r.team());
            o.put("teamKey", r.teamKey());
            o.put("score", Scores.round(r.score(), decimals));
            if (r.tieBreak() == null) o.putNull("tieBreak"); else o.put("tieBreak", r.tieBreak());
            o.set("series", shares(r.shares(), decimals));
            ObjectNode finishes = o.putObject("bestFinishes");
            for (Map.Entry<Integer, Integer> e : r.bestFinishes().entrySet()) finishes.put(String.valueOf(e.getKey()), e.getValue());
        }
        ArrayNode ineligible = root.putArray("ineligible");
        for (IneligibleTeam t : c.ineligible()) {
            ObjectNode o = ineligible.addObject();
            o.put("team", t.team());
            o.put("teamKey", t.teamKey());
            o.put("reason", t.reason());
            o.put("score", Scores.round(t.score(), decimals));
            o.set("series", shares(t.shares(), decimals));
        }
        ArrayNode near = root.putArray("nearMisses");
        for (NearMiss m : c.nearMisses()) {
            ObjectNode o = near.addObject();
            o.put("message", m.message());
            o.put("distance", m.distance());
            ObjectNode a = o.putObject("a");
            a.put("team", m.teamA());
            a.put("series", m.seriesA().series());
            a.put("season", m.seriesA().season());
            ObjectNode b = o.putObject("b");
            b.put("team", m.teamB());
            b.put("series", m.seriesB().series());
            b.put("season", m.seriesB().season());
        }
        root.set("inputs", inputs(c.inputs()));
        root.set("warnings", Json.strings(c.warnings()));
        return root;
    }

    /** What each series gives a team; shared with invitation notices. */
    public static ArrayNode shares(List<SeriesShare> shares, int decimals) {
        ArrayNode a = Json.array();
        for (SeriesShare s : shares) {
            ObjectNode o = a.addObject();
            o.put("series", s.season().series());
            o.put("season", s.season().season());
            o.put("team", s.team());
            o.put("car", s.carNumber());
            o.set("drivers", Json.strings(s.drivers()));
            o.put("points", Scores.printedPoints(s.points()));
            o.put("maxPoints", Scores.printedPoints(s.maxPoints()));
            o.put("share", Scores.round(s.share(), decimals));
            o.set("roundsStarted", Json.integers(s.roundsStarted()));
        }
        return a;
    }

    /** The documents a result was computed from: session, document name, SHA-256, status; shared with notices. */
    static ArrayNode inputs(Collection<InputDocument> inputs) {
        ArrayNode a = Json.array();
        for (InputDocument d : inputs) {
            ObjectNode o = a.addObject();
            o.put("sessionKey", d.sessionKey());
            o.put("event", d.event());
            o.put("session", d.session());
            o.put("type", d.type() == null ? null : d.type().name());
            o.put("document", d.document());
            o.put("version", d.version());
            o.put("sha256", d.sha256());
            o.put("status", d.status().name());
        }
        return a;
    }
}
