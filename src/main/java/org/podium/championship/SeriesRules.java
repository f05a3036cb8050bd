package org.podium.championship;

import org.podium.support.ConfigNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A series' sporting rules, as data: calendar per season, classes and cups, points scales, pole,
 * classification and shortened-race rules, team scoring, the tables it publishes and its tie-breaks.
 * Loaded from {@code config/series/<id>.yaml}; the engine never knows which series it scores.
 *
 * @param defaultClass the class of cars whose feed names none (SRO pages); null where every feed names one
 * @param written      what feeds write in CLASS, GROUP or DIVISION beyond the class and cup names, and
 *                     what each means (see {@link Categories})
 * @param teamScoring  how teams' tables count cars, unless a table says otherwise; null where no
 *                     teams' table needs it
 */
public record SeriesRules(
        String id,
        String name,
        String organiser,
        Map<String, SeasonCalendar> seasons,
        List<String> classes,
        String defaultClass,
        List<String> cups,
        List<Categories.Written> written,
        Scoring scoring,
        TeamScoring teamScoring,
        List<TableSpec> tables,
        List<TieBreak> tieBreak) {

    public SeriesRules {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        seasons = Collections.unmodifiableMap(new LinkedHashMap<>(seasons));
        classes = List.copyOf(classes);
        cups = List.copyOf(cups);
        written = written == null ? List.of() : List.copyOf(written);
        Objects.requireNonNull(scoring, "scoring");
        tables = List.copyOf(tables);
        tieBreak = List.copyOf(tieBreak);
        if (defaultClass != null && !classes.contains(defaultClass)) {
            throw new IllegalArgumentException("defaultClass " + defaultClass + " is not one of " + classes);
        }
        for (TableSpec t : tables) {
            if (t.ranks() == Ranks.TEAMS && t.teamScoring() == null && teamScoring == null) {
                throw new IllegalArgumentException("a teams' table needs a teamScoring");
            }
        }
    }

    /** Reads and validates a rules file; a bad file fails naming the file, the key and the problem. */
    public static SeriesRules load(Path file) {
        return RulesParser.parse(ConfigNode.read(file));
    }

    /** Reads rules from YAML text; {@code file} names it in error messages. */
    public static SeriesRules parse(String yaml, String file) {
        return RulesParser.parse(ConfigNode.parse(yaml, file));
    }

    public Optional<SeasonCalendar> calendar(String season) {
        return Optional.ofNullable(seasons.get(season));
    }

    /** The calendar of a season, or an error listing the seasons this series knows. */
    public SeasonCalendar requireCalendar(String season) {
        return calendar(season).orElseThrow(() -> new IllegalArgumentException(
                "series " + id + " has no season \"" + season + "\" in its rules (known: "
                        + String.join(", ", seasons.keySet()) + "); add it under seasons: in config/series/"
                        + id + ".yaml"));
    }

    /** The team scoring a table uses: its own, else the series'. */
    public TeamScoring teamScoring(TableSpec table) {
        return table.teamScoring() != null ? table.teamScoring() : teamScoring;
    }
}
