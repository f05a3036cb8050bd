package org.podium.championship;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.bench.SeasonGenerator;
import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.SessionResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history after each round, built from running totals, against the table taken at that round. */
class HistoryTest {

    @Test
    void historyAtEachRoundIsTheTableComputedFromThatRoundsResults(@TempDir Path dir) throws FeedException {
        SeasonGenerator.Spec spec = SeasonGenerator.Spec.mixed("history", 3, List.of("2031"), 4, 2, 0, 12, 9);
        SeasonGenerator generator = new SeasonGenerator(spec, Path.of("config/series"));
        generator.writeRules(dir);
        SeriesCatalog catalog = SeriesCatalog.load(dir);
        FeedReader reader = new FeedReader(catalog.ids(), Long.MAX_VALUE);

        for (SeasonGenerator.Series series : spec.series()) {
            SeriesRules rules = catalog.get(series.id()).orElseThrow();
            List<SessionResult> sessions = new ArrayList<>();
            List<FeedException> failures = new ArrayList<>();
            generator.forEachFile(series, "2031", f -> {
                try {
                    sessions.add(reader.read(f.bytes(), f.path(), null));
                } catch (FeedException e) {
                    failures.add(e);
                }
            });
            assertThat(failures).isEmpty();
            SeasonStandings full = StandingsCalculator.compute(rules, "2031", sessions, Adjustments.none());

            for (int round = 1; round <= spec.rounds(); round++) {
                int upTo = round;
                SeasonStandings then = StandingsCalculator.compute(rules, "2031",
                        sessions.stream().filter(s -> s.event().round() <= upTo).toList(), Adjustments.none());
                for (StandingsTable table : full.tables()) {
                    StandingsTable past = then.table(table.id()).orElseThrow();
                    for (StandingsRow row : table.rows()) {
                        String what = series.id() + " " + table.id() + " " + row.entrant().key() + " round " + upTo;
                        var point = row.history().stream().filter(h -> h.round() == upTo).findFirst();
                        var was = past.rows().stream().filter(r -> r.entrant().key().equals(row.entrant().key())).findFirst();
                        assertThat(point.isPresent()).as(what).isEqualTo(was.isPresent());
                        if (point.isEmpty()) continue;
                        assertThat(point.get().rank()).as(what).isEqualTo(was.get().rank());
                        assertThat(point.get().points()).as(what).isEqualTo(was.get().points());
                    }
                }
            }
        }
    }
}
