package org.podium.outbox;

import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsTable;
import org.podium.support.Json;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /**
     * The document's bytes as {@link Json} writes them. The records are written as they are, field by
     * field, with no tree between them and the bytes (a tree of every row cost more than the standings).
     */
    public static byte[] json(SeasonStandings s, StandingsTable t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("series", s.series());
        doc.put("season", s.season());
        doc.put("table", t.id());
        doc.put("ranks", t.ranks().name().toLowerCase(Locale.ROOT));
        doc.put("scope", t.scope().name().toLowerCase(Locale.ROOT));
        doc.put("scopeValue", t.scopeValue());
        if (t.teamScoring() != null) doc.put("teamScoring", t.teamScoring().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("status", t.status().name().toLowerCase(Locale.ROOT));
        doc.put("roundsComplete", s.roundsComplete());
        doc.put("roundsToRun", s.roundsToRun());
        doc.put("maxSeasonPoints", t.maxSeasonPoints());
        doc.put("maxRemainingPoints", t.maxRemainingPoints());
        doc.put("rows", t.rows());
        doc.put("inputs", s.inputs());
        if (!s.warnings().isEmpty()) doc.put("warnings", s.warnings());
        return Json.bytes(doc);
    }
}
