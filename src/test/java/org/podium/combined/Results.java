package org.podium.combined;

import org.podium.model.SeasonRef;
import org.podium.championship.Adjustments;
import org.podium.championship.MaxPoints;
import org.podium.championship.SeasonStandings;
import org.podium.championship.SeriesCatalog;
import org.podium.championship.SeriesRules;
import org.podium.championship.StandingsCalculator;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.model.Source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifications written inline, the way a feed would deliver them, scored by the real
 * StandingsCalculator with the real {@code config/series/*.yaml}.
 */
public final class Results {
    private static final SeriesCatalog CATALOG = SeriesCatalog.load(org.podium.demo.DemoConfig.SERIES);

    private Results() {}

    public static SeriesCatalog catalog() { return CATALOG; }

    public static SeriesRules rules(String series) { return CATALOG.get(series).orElseThrow(); }

    /** The standings of one season from the sessions given (the current version of each). */
    public static SeasonStandings standings(String series, String season, List<SessionResult> sessions) {
        return StandingsCalculator.compute(rules(series), season, sessions, Adjustments.none());
    }

    public static Map<SeasonRef, SeasonStandings> bySeason(SeasonStandings... standings) {
        return SeasonStandings.index(List.of(standings));
    }

    /** A season's table, resolved against the real rules as {@code config/invitations.yaml} is. */
    public static CountingTable countingTable(String series, String season, String table) {
        SeriesRules rules = rules(series);
        List<RoundRef> calendar = rules.requireCalendar(season).rounds().stream()
                .map(r -> new RoundRef(r.round(), r.event())).toList();
        return new CountingTable(new SeasonRef(series, season), rules.name(), table, calendar,
                MaxPoints.maxSeasonPoints(rules, season));
    }

    /** GT World Challenge Asia 2023 overall cars with Asian Le Mans Series 2023-24 GT cars, as configured. */
    public static CombinedRule asiaRule(int minRounds, CombinedTieBreak... tieBreaks) {
        return new CombinedRule("asia-combined", "Asia combined", List.of(
                countingTable("gtwc-asia", "2023", "cars-overall"), countingTable("alms", "2023-24", "cars-gt")),
                minRounds, List.of(tieBreaks), 3);
    }

    public static Aliases aliases() { return Aliases.load(org.podium.demo.DemoConfig.ALIASES); }

    public static Car car(String number, String team) { return new Car(number, team); }

    /** An Asian Le Mans Series GT car. */
    public static Car gt(String number, String team) { return new Car(number, team).cls("GT"); }

    public static SessionBuilder race(String series, String season, int round, String session) {
        return new SessionBuilder(series, season, round, session, SessionType.RACE);
    }

    public static SessionBuilder qualifying(String series, String season, int round, String session) {
        return new SessionBuilder(series, season, round, session, SessionType.QUALIFYING);
    }

    /** One line of a classification; its position is its place in the list given to the session. */
    public static final class Car {
        private final String number;
        private final String team;
        private String carClass;
        private String cup;
        private final List<Driver> drivers = new ArrayList<>();
        private EntryStatus status = EntryStatus.CLASSIFIED;

        private Car(String number, String team) {
            this.number = number;
            this.team = team;
        }

        public Car cls(String c) { carClass = c; return this; }

        public Car cup(String c) { cup = c; return this; }

        public Car status(EntryStatus s) { status = s; return this; }

        /** Drivers as "Given FAMILY". */
        public Car drivers(String... names) {
            for (String n : names) {
                int cut = n.lastIndexOf(' ');
                drivers.add(new Driver(cut < 0 ? "" : n.substring(0, cut), n.substring(cut + 1), null, null));
            }
            return this;
        }

        /** The same car, with another status, for one session. */
        public Car with(EntryStatus s) {
            Car c = new Car(number, team);
            c.carClass = carClass;
            c.cup = cup;
            c.drivers.addAll(drivers);
            c.status = s;
            return c;
        }

        Entry at(int position, SessionType type) {
            List<Driver> crew = drivers.isEmpty() ? List.of(new Driver("Driver", "OF-" + number, null, null)) : drivers;
            Long time = null;
            BestLap best = null;
            if (type == SessionType.QUALIFYING) {
                time = 100_000L + position * 100L;
                best = new BestLap(3, time, null);
            }
            return new Entry(position, null, number, team, crew, "GT3 car", carClass, cup, null, null, null, status,
                    100, time, null, null, best, position + 1);
        }
    }

    public static final class SessionBuilder {
        private static final Pattern NUMBERED = Pattern.compile("(?i)(?:race|qualifying) (\\d+)");
        private final String series;
        private final String season;
        private final int round;
        private final String name;
        private final SessionType type;
        private ResultStatus status = ResultStatus.OFFICIAL;

        private SessionBuilder(String series, String season, int round, String name, SessionType type) {
            this.series = series;
            this.season = season;
            this.round = round;
            this.name = name;
            this.type = type;
        }

        public SessionBuilder provisional() { status = ResultStatus.PROVISIONAL; return this; }

        public SessionResult of(Car... cars) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < cars.length; i++) entries.add(cars[i].at(i + 1, type));
            Matcher m = NUMBERED.matcher(name);
            Integer race = m.matches() ? Integer.valueOf(m.group(1)) : null;
            Session session = new Session(type, name, race, null, null, null);
            String document = name + (status == ResultStatus.OFFICIAL ? "_Official.CSV" : "_Provisional.CSV");
            String sha = sha256(series + season + round + name + status + entries);
            return new SessionResult(series, season, new Event(round, "Round " + round, null, null), session, status,
                    new Source("alkamel-race", document, sha, null), true, entries);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
