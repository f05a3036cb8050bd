package org.podium.recompute;

import org.podium.championship.Adjustments;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.championship.StandingsCalculator;
import org.podium.combined.Aliases;
import org.podium.invitation.Conditions;
import org.podium.invitation.InvitationDecider;
import org.podium.invitation.InvitationDecision;
import org.podium.invitation.Invitations;
import org.podium.invitation.NoticePlanner;
import org.podium.model.SeasonRef;
import org.podium.model.SessionResult;
import org.podium.store.ResultStore;
import org.podium.store.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standings of the seasons that changed, from the current version of each of their sessions and the
 * series' rules; then the combined classifications and the invitation decisions, which span seasons.
 * Seasons that did not change are not recomputed: their last standings are kept. Each changed season's
 * sessions are read from the store once, here, and travel in the {@link Classification} to publishing.
 */
public final class Classifier {

    private static final Logger LOG = LoggerFactory.getLogger("podium.classify");

    private final ResultStore store;
    private final SeriesCatalog catalog;
    private final Path adjustmentsDir;
    private final Invitations invitations;
    private final java.util.Set<SeasonRef> invitedSeasons;
    private final Aliases aliases;
    private final Clock clock;
    private final Map<SeasonRef, SeasonStandings> latest = new ConcurrentHashMap<>();
    private final Map<SeasonRef, Instant> stamps = new ConcurrentHashMap<>();
    private final Map<String, String> lastSaid = new ConcurrentHashMap<>();

    public Classifier(ResultStore store, SeriesCatalog catalog, Path adjustmentsDir, Invitations invitations,
                      Aliases aliases, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.adjustmentsDir = adjustmentsDir;
        this.invitations = invitations;
        this.invitedSeasons = invitations.seasons();
        this.aliases = aliases;
        this.clock = clock;
    }

    public Classification classify(List<SeasonRef> changed) {
        Instant from = clock.instant();
        List<SeasonStandings> computed = new ArrayList<>();
        Map<SeasonRef, List<LoadedSession>> loaded = new LinkedHashMap<>();
        // Read before the documents, once for every season of the batch: a document saved in between
        // makes the next check recompute.
        Map<SeasonRef, Instant> seasonStamps = store.seasonStamps();
        for (SeasonRef season : changed) {
            Optional<SeriesRules> rules = rules(season);
            Instant stamp = rules.isPresent() ? seasonStamps.get(season) : null;
            List<LoadedSession> sessions = load(season);
            // Every changed season's results are published, standings or not.
            loaded.put(season, sessions);
            rules.ifPresent(r -> computed.add(standings(season, r, sessions, stamp)));
        }
        InvitationDecider.Outcome outcome = InvitationDecider.decideAll(invitations,
                SeasonStandings.index(allStandings().values()), aliases);
        for (var d : outcome.decisions()) {
            String said = decided(d);
            // Said once when it changes: a decision that stays as it was is no news.
            if (!said.equals(lastSaid.put(d.invitation().id(), said))) {
                LOG.info("{}: {}", d.invitation().name(), said);
            } else {
                LOG.debug("{}: {}", d.invitation().name(), said);
            }
        }
        return new Classification(from, changed, loaded, computed, outcome.combined(), outcome.decisions());
    }

    /** A decision as the log tells it. */
    static String decided(InvitationDecision d) {
        if (d.recipient() == null) return "no eligible entrant yet";
        String s = d.state() + " " + d.recipient().display()
                + (d.entitled() ? "" : " (not entitled: " + d.conditions().stream().filter(c -> !c.met())
                .map(Conditions::unmet).collect(java.util.stream.Collectors.joining(", ")) + ")");
        if (NoticePlanner.waitsForARace(d)) s += "; no notice before the first race result";
        return s;
    }

    /**
     * The standings of every stored season an invitation reads. A season's standings computed earlier
     * are reused only while its current documents have not changed since (another instance may have
     * stored a newer version): one query reads every season's last change. Other seasons are neither
     * computed here nor kept: a store of hundreds of seasons would not fit in memory.
     */
    public Map<SeasonRef, SeasonStandings> allStandings() {
        for (Map.Entry<SeasonRef, Instant> e : store.seasonStamps().entrySet()) {
            if (!invited(e.getKey())) continue;
            SeasonStandings cached = latest.get(e.getKey());
            if (cached == null || !e.getValue().equals(stamps.get(e.getKey()))) standings(e.getKey());
        }
        return Map.copyOf(latest);
    }

    private boolean invited(SeasonRef season) {
        return invitedSeasons.contains(season);
    }

    /** Standings of a season that is not among the changed ones (its sessions are not published). */
    private Optional<SeasonStandings> standings(SeasonRef season) {
        Optional<SeriesRules> rules = rules(season);
        if (rules.isEmpty()) return Optional.empty();
        // Read before the documents: a document saved in between makes the next check recompute.
        Instant stamp = store.seasonStamps().get(season);
        return Optional.of(standings(season, rules.get(), load(season), stamp));
    }

    /** The series' rules, when they hold the season's calendar; else said why its standings are not computed. */
    private Optional<SeriesRules> rules(SeasonRef season) {
        Optional<SeriesRules> rules = catalog.get(season.series());
        if (rules.isEmpty()) {
            LOG.warn("{}: no rules in config/series/{}.yaml: results are published, standings are not",
                    season, season.series());
            return Optional.empty();
        }
        if (rules.get().calendar(season.season()).isEmpty()) {
            LOG.warn("{}: season {} is not in the calendar of config/series/{}.yaml: results are published, "
                    + "standings are not (add the season's rounds to compute them)", season, season.season(), season.series());
            return Optional.empty();
        }
        return rules;
    }

    /** The current version of each of the season's sessions, read once. */
    private List<LoadedSession> load(SeasonRef season) {
        List<LoadedSession> loaded = new ArrayList<>();
        for (StoredDocument d : store.currentDocuments(season)) loaded.add(new LoadedSession(d, store.load(d.id())));
        return loaded;
    }

    private SeasonStandings standings(SeasonRef season, SeriesRules rules, List<LoadedSession> loaded, Instant stamp) {
        long t0 = System.nanoTime();
        List<SessionResult> sessions = loaded.stream().map(LoadedSession::result).toList();
        Adjustments adjustments = Adjustments.load(adjustmentsDir, season.series(), season.season());
        Map<String, Integer> versions = new HashMap<>();
        for (LoadedSession l : loaded) versions.put(l.document().sha256(), l.document().version());
        SeasonStandings standings = StandingsCalculator.compute(rules, season.season(), sessions, adjustments)
                .withInputVersions(versions);
        if (invited(season)) {
            latest.put(season, standings);
            if (stamp != null) stamps.put(season, stamp);
        }
        for (String w : standings.warnings()) LOG.warn("{}: {}", season, w);
        LOG.info("{}: standings computed from {} session(s) in {} ms: {} tables, {}{}", season, sessions.size(),
                (System.nanoTime() - t0) / 1_000_000, standings.tables().size(),
                standings.status().name().toLowerCase(),
                standings.roundsToRun().isEmpty() ? "" : ", rounds to run " + standings.roundsToRun());
        return standings;
    }
}
