package org.podium.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsTable;
import org.podium.support.Json;

/**
 * One standings table of a season as a document ({@code "schema": "podium.standings/1"}), written to
 * {@code outbox/standings/<series>/<season>/<table>.json}; the outbox adds {@code generated} and {@code version}.
 */
public final class StandingsDocument {
    public static final String SCHEMA = "podium.standings/1";

    private StandingsDocument() {}

    /** {@code standings/<series>/<season>/<table>.json}, relative to the outbox. */
    public static String path(SeasonStandings s, StandingsTable t) {
        return "standings/" + s.series() + "/" + s.season() + "/" + t.id() + ".json";
    }

    public static ObjectNode json(SeasonStandings s, StandingsTable t) {
        ObjectNode doc = Json.object();
        doc.put("schema", SCHEMA);
        doc.put("series", s.series());
        doc.put("season", s.season());
        doc.put("table", t.id());
        doc.put("ranks", t.ranks().name().toLowerCase());
        doc.put("scope", t.scope().name().toLowerCase());
        doc.put("scopeValue", t.scopeValue());
        if (t.teamScoring() != null) doc.put("teamScoring", t.teamScoring().name().toLowerCase().replace('_', '-'));
        doc.put("status", t.status().name().toLowerCase());
        doc.set("roundsComplete", Json.MAPPER.valueToTree(s.roundsComplete()));
        doc.set("roundsToRun", Json.MAPPER.valueToTree(s.roundsToRun()));
        doc.put("maxSeasonPoints", t.maxSeasonPoints());
        doc.put("maxRemainingPoints", t.maxRemainingPoints());
        doc.set("rows", Json.MAPPER.valueToTree(t.rows()));
        doc.set("inputs", Json.MAPPER.valueToTree(s.inputs()));
        if (!s.warnings().isEmpty()) doc.set("warnings", Json.MAPPER.valueToTree(s.warnings()));
        return doc;
    }
}
