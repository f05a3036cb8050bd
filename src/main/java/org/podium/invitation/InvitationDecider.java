package org.podium.invitation;

import org.podium.model.SeasonRef;
import org.podium.championship.InputDocument;
import org.podium.championship.SeasonStandings;
import org.podium.championship.StandingsRow;
import org.podium.championship.StandingsTable;
import org.podium.combined.Aliases;
import org.podium.combined.CombinedCalculator;
import org.podium.combined.CombinedClassification;
import org.podium.combined.CombinedRow;
import org.podium.combined.CountingTable;
import org.podium.combined.IneligibleTeam;
import org.podium.combined.NearMiss;
import org.podium.combined.Participation;
import org.podium.combined.RoundRef;
import org.podium.combined.Scores;
import org.podium.combined.SeasonState;
import org.podium.combined.SeriesShare;
import org.podium.combined.TeamIdentity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides each invitation from the current standings: a pure function, called after every recompute.
 *
 * <p>The rules Podium applies where the published rules leave a choice (docs/rules.md):
 * <ul>
 *   <li>CLINCHED needs every entrant who is or can still become eligible to fall strictly short of the
 *       recipient even if it scored the most still available: an entrant who could draw level is
 *       left to the tie-breaks, so a draw is not clinched. It assumes the recipient keeps taking part
 *       (missing an event would cost it eligibility and the attendance condition).</li>
 *   <li>An entrant can still become eligible when every event it missed is a round not yet
 *       complete; a team that has not raced a series yet can when enough rounds of it are not
 *       complete; and for a combined classification a team never seen at all is counted too, at 0.</li>
 *   <li>A recipient found by pass-down is not declared CLINCHED before the seasons are complete:
 *       the entrants above it can still come to meet the conditions.</li>
 *   <li>"No competitor holds more than N invitations" counts, for the recipient's team, this
 *       invitation, every other configured invitation whose decision makes the same team the
 *       entitled recipient, and the configured invitations from elsewhere. When there are too many,
 *       each of the team's invitations reports the condition as failed.</li>
 * </ul>
 */
public final class InvitationDecider {
    private static final double EPSILON = 1e-9;

    private InvitationDecider() {}

    /** Every configured invitation decided, and the combined classifications they used, by invitation id. */
    public record Outcome(List<InvitationDecision> decisions, Map<String, CombinedClassification> combined) {
        public Outcome {
            decisions = List.copyOf(decisions);
            combined = Collections.unmodifiableMap(new LinkedHashMap<>(combined));
        }
    }

    /**
     * Decides every invitation. The limit on invitations per competitor depends on the other
     * decisions, so this decides twice: first without the others, then each with the others' first
     * decisions. The result does not depend on the order of the file.
     */
    public static Outcome decideAll(Invitations config, Map<SeasonRef, SeasonStandings> standings, Aliases aliases) {
        Map<String, CombinedClassification> combined = new LinkedHashMap<>();
        for (Invitation inv : config.invitations()) {
            if (inv.classification() instanceof CombinedTeamsClassification c) {
                combined.put(inv.id(), CombinedCalculator.compute(c.rule(), standings, aliases));
            }
        }
        List<InvitationDecision> first = new ArrayList<>();
        for (Invitation inv : config.invitations()) {
            first.add(decide(inv, standings, combined.get(inv.id()), aliases, List.of(), config.otherInvitations()));
        }
        List<InvitationDecision> second = new ArrayList<>();
        for (Invitation inv : config.invitations()) {
            List<InvitationDecision> others = first.stream().filter(d -> !d.invitation().id().equals(inv.id())).toList();
            second.add(decide(inv, standings, combined.get(inv.id()), aliases, others, config.otherInvitations()));
        }
        return new Outcome(second, combined);
    }

    /**
     * @param standings        every season known, by series and season; a deciding season missing here
     *                         has not started
     * @param otherDecisions   the decisions of the other configured invitations, for the limit per competitor
     * @param otherInvitations invitations competitors hold from elsewhere
     */
    public static InvitationDecision decide(Invitation inv, Map<SeasonRef, SeasonStandings> standings, Aliases aliases,
                                            List<InvitationDecision> otherDecisions,
                                            List<OtherInvitation> otherInvitations) {
        CombinedClassification combined = inv.classification() instanceof CombinedTeamsClassification c
                ? CombinedCalculator.compute(c.rule(), standings, aliases) : null;
        return decide(inv, standings, combined, aliases, otherDecisions, otherInvitations);
    }

    /** As {@link #decide(Invitation, Map, Aliases, List, List)}, with the combined classification already computed. */
    public static InvitationDecision decide(Invitation inv, Map<SeasonRef, SeasonStandings> standings,
                                            CombinedClassification combined, Aliases aliases,
                                            List<InvitationDecision> otherDecisions,
                                            List<OtherInvitation> otherInvitations) {
        TeamIdentity identity = new TeamIdentity(aliases);
        Field field;
        if (inv.classification() instanceof TableClassification t) {
            field = tableField(t, standings.get(t.table().season()), identity);
        } else {
            CombinedTeamsClassification c = (CombinedTeamsClassification) inv.classification();
            if (combined == null || !combined.rule().equals(c.rule())) {
                throw new IllegalArgumentException("invitation " + inv.id() + " needs its own combined classification");
            }
            field = combinedField(combined);
        }
        List<String> notes = new ArrayList<>(field.notes);
        if (field.eligible.isEmpty()) {
            notes.add("no eligible entrant yet");
            Basis basis = new Basis(inv.classification().id(), field.measure, null, null, null, field.remaining, List.of());
            return new InvitationDecision(inv, null, null, false, List.of(), basis, notes, field.inputs);
        }

        Candidate top = field.eligible.get(0);
        List<Condition> topConditions = conditions(inv, top, identity, otherDecisions, otherInvitations);
        Candidate chosen = top;
        List<Condition> conditions = topConditions;
        if (!allMet(topConditions)) {
            String failed = failed(top, topConditions);
            Candidate next = null;
            List<Condition> nextConditions = null;
            if (inv.passDown()) {
                for (Candidate c : field.eligible.subList(1, field.eligible.size())) {
                    List<Condition> cs = conditions(inv, c, identity, otherDecisions, otherInvitations);
                    if (allMet(cs)) {
                        next = c;
                        nextConditions = cs;
                        break;
                    }
                }
            }
            if (next != null) {
                notes.add("passed down: " + failed + "; " + next.name + " is the next eligible entrant who meets every condition");
                chosen = next;
                conditions = nextConditions;
            } else if (inv.passDown()) {
                notes.add(failed + "; no eligible entrant meets every condition");
            } else {
                notes.add(failed + "; pass-down is off, so the place does not go to the next entrant");
            }
        }
        if (chosen == top && field.sharedTop) {
            notes.add(top.name + " is level with " + field.eligible.get(1).name
                    + " on " + field.measure.id() + " and on every tie-break");
        }
        boolean passedDown = chosen != top;
        NoticeState state = field.allFinal ? NoticeState.CONFIRMED
                : !passedDown && field.topClinched ? NoticeState.CLINCHED : NoticeState.LEADER;
        int at = field.eligible.indexOf(chosen);
        Candidate runner = at + 1 < field.eligible.size() ? field.eligible.get(at + 1) : null;
        List<Standing> places = new ArrayList<>();
        for (Candidate c : field.eligible) {
            places.add(new Standing(places.size() + 1, c.recipient.identity(), c.name, c.value, c.shares));
        }
        Basis basis = new Basis(inv.classification().id(), field.measure, chosen.value,
                runner == null ? null : new RunnerUp(runner.name, runner.value),
                runner == null ? null : chosen.value - runner.value, field.remaining, chosen.shares, places);
        return new InvitationDecision(inv, state, chosen.recipient, allMet(conditions), conditions, basis, notes,
                field.inputs);
    }

    /** An eligible entrant and what the conditions are checked on. */
    private record Candidate(Recipient recipient, String name, double value, List<Attendance> attendance,
                             List<SeriesShare> shares) {}

    /** The events of one season that have run, and the ones the entrant took part in. */
    private record Attendance(CountingTable table, SeasonState state, Set<Integer> present) {}

    /** Everything a decision needs from its classification. */
    private record Field(List<Candidate> eligible, boolean sharedTop, boolean topClinched, List<String> notes,
                         List<SeriesRemaining> remaining, boolean allFinal, List<InputDocument> inputs,
                         Measure measure) {}

    private static Field tableField(TableClassification tc, SeasonStandings ss, TeamIdentity identity) {
        CountingTable ct = tc.table();
        SeasonState st = SeasonState.of(ct, ss);
        StandingsTable table = ss == null ? null : ss.table(ct.table()).orElse(null);
        List<StandingsRow> rows = table == null ? List.of() : table.rows();
        Set<Integer> events = new TreeSet<>();
        rows.forEach(r -> events.addAll(Participation.rounds(r)));
        Set<Integer> notComplete = new HashSet<>(st.roundsNotComplete());
        String scope = table == null ? ct.table() : scopeName(table, ct);

        List<Candidate> eligible = new ArrayList<>();
        List<StandingsRow> eligibleRows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Double> couldCatchUp = new ArrayList<>();
        for (StandingsRow row : rows) {
            String name = carName(row);
            if (row.excluded()) {
                if (eligible.isEmpty()) notes.add(name + " is not eligible: excluded from the championship");
                continue;
            }
            SortedSet<Integer> present = Participation.rounds(row);
            Set<Integer> missed = new TreeSet<>(events);
            missed.removeAll(present);
            if (tc.everyEvent() && !missed.isEmpty()) {
                if (eligible.isEmpty()) {
                    notes.add(name + " (" + ordinalRank(row) + ", " + Scores.points(row.points()) + " points) is not eligible: "
                            + "not present at every " + scope + " event: missed " + events(ct, missed));
                }
                if (notComplete.containsAll(missed)) couldCatchUp.add(row.points());
                continue;
            }
            String team = row.entrant().team() == null ? "" : row.entrant().team();
            Recipient r = new Recipient(team.isEmpty() ? name : team, identity.key(team), row.entrant().carNumber(),
                    row.entrant().crew());
            eligible.add(new Candidate(r, name, row.points(), List.of(new Attendance(ct, st, present)), List.of()));
            eligibleRows.add(row);
        }
        boolean sharedTop = eligibleRows.size() > 1 && eligibleRows.get(0).rank().equals(eligibleRows.get(1).rank());
        boolean clinched = false;
        if (!eligible.isEmpty()) {
            eligible.subList(1, eligible.size()).forEach(c -> couldCatchUp.add(c.value));
            // a car not seen yet can only become eligible while every event run is still under way
            if (notComplete.containsAll(events)) couldCatchUp.add(0.0);
            double leader = eligible.get(0).value;
            clinched = couldCatchUp.stream().allMatch(p -> p + st.maxRemainingPoints() < leader - EPSILON);
        }
        List<SeriesRemaining> remaining = List.of(new SeriesRemaining(ct.season(), ct.seriesName(),
                st.roundsNotComplete().size(), st.maxRemainingPoints()));
        return new Field(eligible, sharedTop, clinched, notes, remaining, st.isFinal(),
                ss == null ? List.of() : ss.inputs(), Measure.POINTS);
    }

    private static Field combinedField(CombinedClassification cc) {
        int decimals = cc.rule().decimals();
        List<Candidate> eligible = new ArrayList<>();
        for (CombinedRow row : cc.rows()) {
            List<Attendance> attendance = new ArrayList<>();
            for (int i = 0; i < cc.seasons().size(); i++) {
                SeasonState st = cc.seasons().get(i);
                SeriesShare share = row.shares().get(i);
                attendance.add(new Attendance(st.table(), st, new TreeSet<>(share.roundsStarted())));
            }
            eligible.add(new Candidate(new Recipient(row.team(), row.teamKey(), null, List.of()), row.team(), row.score(),
                    attendance, row.shares()));
        }
        List<String> notes = new ArrayList<>();
        double topScore = eligible.isEmpty() ? 0 : eligible.get(0).value;
        for (IneligibleTeam t : cc.ineligible()) {
            if (!eligible.isEmpty() && t.score() > topScore + EPSILON) {
                notes.add(t.team() + " (" + Scores.format(t.score(), decimals) + " so far) is not classified: " + t.reason());
            }
        }
        Map<SeasonRef, String> seriesNames = new LinkedHashMap<>();
        for (SeasonState st : cc.seasons()) seriesNames.put(st.table().season(), st.table().label());
        for (NearMiss m : cc.nearMisses()) {
            notes.add(m.message() + ": \"" + m.teamA() + "\" (" + seriesNames.getOrDefault(m.seriesA(), m.seriesA().toString())
                    + ") and \"" + m.teamB() + "\" (" + seriesNames.getOrDefault(m.seriesB(), m.seriesB().toString()) + ")");
        }
        boolean sharedTop = cc.rows().size() > 1 && cc.rows().get(0).rank() == cc.rows().get(1).rank();
        boolean clinched = false;
        if (!eligible.isEmpty()) {
            double still = cc.maxScoreStillAvailable();
            List<Double> couldCatchUp = new ArrayList<>();
            eligible.subList(1, eligible.size()).forEach(c -> couldCatchUp.add(c.value));
            for (IneligibleTeam t : cc.ineligible()) if (canBecomeEligible(cc, t.shares())) couldCatchUp.add(t.score());
            if (canBecomeEligible(cc, List.of())) couldCatchUp.add(0.0);
            clinched = couldCatchUp.stream().allMatch(s -> s + still < topScore - EPSILON);
        }
        List<SeriesRemaining> remaining = cc.seasons().stream()
                .map(s -> new SeriesRemaining(s.table().season(), s.table().seriesName(), s.roundsNotComplete().size(),
                        s.maxShareStillAvailable()))
                .toList();
        return new Field(eligible, sharedTop, clinched, notes, remaining, cc.allFinal(), cc.inputs(), Measure.SCORE);
    }

    /** Whether a team with these shares can still start enough rounds of every series. */
    private static boolean canBecomeEligible(CombinedClassification cc, List<SeriesShare> shares) {
        for (SeasonState st : cc.seasons()) {
            Set<Integer> started = shares.stream().filter(s -> s.season().equals(st.table().season()))
                    .flatMap(s -> s.roundsStarted().stream()).collect(Collectors.toSet());
            long stillOpen = st.roundsNotComplete().stream().filter(r -> !started.contains(r)).count();
            if (started.size() + stillOpen < cc.rule().minRounds()) return false;
        }
        return true;
    }

    private static List<Condition> conditions(Invitation inv, Candidate c, TeamIdentity identity,
                                              List<InvitationDecision> otherDecisions,
                                              List<OtherInvitation> otherInvitations) {
        List<Condition> out = new ArrayList<>();
        if (inv.conditions().attendAllEvents()) out.add(attendance(c));
        Integer max = inv.conditions().maxInvitationsPerCompetitor();
        if (max != null) {
            List<String> held = new ArrayList<>();
            held.add(inv.name());
            for (InvitationDecision d : otherDecisions) {
                if (d.invitation().id().equals(inv.id()) || d.recipient() == null || !d.entitled()) continue;
                if (d.recipient().teamKey().equals(c.recipient.teamKey())) held.add(d.invitation().name());
            }
            for (OtherInvitation o : otherInvitations) {
                if (identity.key(o.team()).equals(c.recipient.teamKey())) held.add(o.source());
            }
            String list = String.join("; ", held);
            boolean met = held.size() <= max;
            String detail = met
                    ? c.recipient.team() + " holds " + invitations(held.size()) + " (" + list + "), at most " + max + " allowed"
                    : c.recipient.team() + " would hold " + invitations(held.size()) + " (" + list + "), more than " + max;
            out.add(new Condition(Conditions.MAX_INVITATIONS, Conditions.name(Conditions.MAX_INVITATIONS, max), met,
                    detail));
        }
        return out;
    }

    private static Condition attendance(Candidate c) {
        List<String> missedParts = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Attendance a : c.attendance) {
            List<RoundRef> run = a.state.roundsRun();
            List<RoundRef> missed = run.stream().filter(r -> !a.present.contains(r.round())).toList();
            int total = a.table.calendar().size();
            if (!missed.isEmpty()) {
                missedParts.add("missed " + missed.stream().map(RoundRef::toString).collect(Collectors.joining(", "))
                        + " of the " + a.table.label());
            } else if (run.size() == total) {
                parts.add("took part in all " + total + " rounds of the " + a.table.label());
            } else {
                parts.add("took part in every round run so far of the " + a.table.label() + " (" + run.size() + " of "
                        + total + ")");
            }
        }
        boolean met = missedParts.isEmpty();
        return new Condition(Conditions.ATTEND_ALL_EVENTS, Conditions.name(Conditions.ATTEND_ALL_EVENTS, null), met,
                String.join("; ", met ? parts : missedParts));
    }

    private static boolean allMet(List<Condition> conditions) {
        return conditions.stream().allMatch(Condition::met);
    }

    private static String failed(Candidate c, List<Condition> conditions) {
        return c.name + " " + conditions.stream().filter(x -> !x.met())
                .map(x -> Conditions.unmet(x) + " (" + x.detail() + ")").collect(Collectors.joining(" and "));
    }

    private static String carName(StandingsRow row) {
        String team = row.entrant().team();
        String car = row.entrant().carNumber();
        if (car == null) return row.entrant().name();
        return team == null ? "#" + car : team + " #" + car;
    }

    private static String ordinalRank(StandingsRow row) {
        int r = row.rank();
        int mod100 = r % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (r % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return r + suffix;
    }

    private static String events(CountingTable ct, Set<Integer> rounds) {
        return ct.calendar().stream().filter(r -> rounds.contains(r.round())).map(RoundRef::toString)
                .collect(Collectors.joining(", "));
    }

    /** "Bronze Cup", "GT class", or the series for an overall table. */
    private static String scopeName(StandingsTable table, CountingTable ct) {
        return switch (table.scope()) {
            case OVERALL -> ct.seriesName();
            case CLASS -> table.scopeValue() + " class";
            case CUP -> table.scopeValue().toLowerCase(Locale.ROOT).endsWith("cup")
                    ? table.scopeValue() : table.scopeValue() + " Cup";
        };
    }

    private static String invitations(int n) { return n + (n == 1 ? " invitation" : " invitations"); }
}
