package org.podium.championship;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifications written inline, the way a feed would deliver them, and the real rules files. */
final class Fixture {
    private Fixture() {}

    static SeriesRules rules(String id) {
        return SeriesRules.load(org.podium.demo.DemoConfig.SERIES.resolve(id + ".yaml"));
    }

    /** A real rules file with one piece of its text replaced. */
    static SeriesRules rulesWith(String id, String from, String to) {
        try {
            String text = Files.readString(org.podium.demo.DemoConfig.SERIES.resolve(id + ".yaml"));
            if (!text.contains(from)) throw new IllegalArgumentException(id + ".yaml has no \"" + from + "\"");
            return SeriesRules.parse(text.replace(from, to), "config/series/" + id + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Car car(String number) { return new Car(number); }

    static SessionBuilder race(String series, String season, int round, String session) {
        return new SessionBuilder(series, season, round, session, SessionType.RACE);
    }

    static SessionBuilder qualifying(String series, String season, int round, String session) {
        return new SessionBuilder(series, season, round, session, SessionType.QUALIFYING);
    }

    /** One line of a classification; its position is its place in the list given to the session. */
    static final class Car {
        private final String number;
        private String team;
        private String carClass;
        private String cup;
        private final List<Driver> drivers = new ArrayList<>();
        private EntryStatus status = EntryStatus.CLASSIFIED;
        private int laps = 100;
        private Long timeMs;

        private Car(String number) {
            this.number = number;
            this.team = "Team " + number;
        }

        Car team(String t) { team = t; return this; }
        Car cls(String c) { carClass = c; return this; }
        Car cup(String c) { cup = c; return this; }
        Car laps(int l) { laps = l; return this; }
        Car time(Duration d) { timeMs = d.toMillis(); return this; }
        Car status(EntryStatus s) { status = s; return this; }

        /** Drivers as "Given FAMILY". */
        Car drivers(String... names) {
            for (String n : names) {
                int cut = n.lastIndexOf(' ');
                drivers.add(new Driver(cut < 0 ? "" : n.substring(0, cut), n.substring(cut + 1), null, null));
            }
            return this;
        }

        Entry at(int position, SessionType type) {
            List<Driver> crew = drivers.isEmpty() ? List.of(new Driver("Driver", "OF-" + number, null, null)) : drivers;
            Long time = timeMs;
            BestLap best = null;
            if (type == SessionType.QUALIFYING && time == null) {
                time = 100_000L + position * 100L;
                best = new BestLap(3, time, null);
            }
            return new Entry(position, null, number, team, crew, "GT3 car", carClass, cup, null, null, null, status,
                    laps, time, null, null, best, position + 1);
        }
    }

    static final class SessionBuilder {
        private static final Pattern NUMBERED = Pattern.compile("(?i)(?:race|qualifying) (\\d+)");
        private final String series;
        private final String season;
        private final int round;
        private final String name;
        private final SessionType type;
        private Integer race;
        private String kind;
        private Duration planned;
        private ResultStatus status = ResultStatus.OFFICIAL;
        private boolean statusReported = true;
        private String document;

        private SessionBuilder(String series, String season, int round, String name, SessionType type) {
            this.series = series;
            this.season = season;
            this.round = round;
            this.name = name;
            this.type = type;
            Matcher m = NUMBERED.matcher(name);
            race = m.matches() ? Integer.valueOf(m.group(1)) : null;
            document = name + "_Official.CSV";
        }

        SessionBuilder race(Integer n) { race = n; return this; }
        SessionBuilder kind(String k) { kind = k; return this; }
        SessionBuilder planned(Duration d) { planned = d; return this; }
        SessionBuilder provisional() { status = ResultStatus.PROVISIONAL; document = name + "_Provisional.CSV"; return this; }
        /** A feed without a status column (SRO pages): the distance rule decides. */
        SessionBuilder noStatusColumn() { statusReported = false; return this; }

        SessionResult of(Car... cars) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < cars.length; i++) entries.add(cars[i].at(i + 1, type));
            Event event = new Event(round, "Round " + round, null, null);
            Session session = new Session(type, name, race, kind, null, planned);
            String sha = sha256(series + season + round + name + status + entries);
            return new SessionResult(series, season, event, session, status,
                    new Source("alkamel-race", document, sha, null), statusReported, entries);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cars of one class, named by number, in finishing order. */
    static Car[] cars(String cls, String... numbers) {
        Car[] out = new Car[numbers.length];
        for (int i = 0; i < numbers.length; i++) out[i] = car(numbers[i]).cls(cls);
        return out;
    }
}
