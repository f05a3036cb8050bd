package org.podium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.podium.feed.CanonicalJson;
import org.podium.model.BestLap;
import org.podium.model.Driver;
import org.podium.model.DriverCategory;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.Event;
import org.podium.model.Gap;
import org.podium.model.ResultStatus;
import org.podium.model.Session;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Synthetic seasons in the feeds' own formats, of any size, for benchmarks and load tests: any number
 * of series × seasons × rounds × sessions × cars. Each series publishes in one feed format and borrows
 * the rules (points scales, classes, cups, tables) of one of the project's real series; its calendar is
 * generated to match the files, so every race is scored.
 *
 * <p>Deterministic: the same {@link Spec} always gives the same bytes. Every value comes from a random
 * generator seeded by the spec's seed and the session's own key, so a session's bytes do not depend on
 * how many other sessions are generated. Files are produced one at a time, never held all at once.
 * Everything here is fictional.
 */
public final class SeasonGenerator {

    /** The feed a synthetic series publishes, and the project rules file whose rules it borrows. */
    public enum Feed {
        /** Al Kamel race classification CSV for races, the wide layout for qualifying and practice. */
        AL_KAMEL("alkamel", "alms"),
        /** SRO results pages. */
        SRO_HTML("sro", "gtwc-europe"),
        /** Podium's canonical session-result JSON. */
        PODIUM_JSON("json", "gtwc-asia");

        final String slug;
        final String rulesTemplate;

        Feed(String slug, String rulesTemplate) {
            this.slug = slug;
            this.rulesTemplate = rulesTemplate;
        }
    }

    /** One synthetic series: its id (the inbox folder and the rules file name) and its seasons. */
    public record Series(String id, Feed feed, List<String> seasons) {
        public Series {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("bad series id " + id);
            if (seasons == null || seasons.isEmpty()) throw new IllegalArgumentException(id + ": no seasons");
            for (String s : seasons) {
                if (!s.matches("[0-9][0-9A-Za-z-]*")) throw new IllegalArgumentException(id + ": bad season id " + s);
            }
            seasons = List.copyOf(seasons);
        }
    }

    /**
     * What to generate.
     *
     * @param rounds            rounds per season
     * @param racesPerRound     races per round; each race also gets the qualifying that set its grid
     * @param practicesPerRound practice sessions per round
     * @param cars              cars in every session
     */
    public record Spec(List<Series> series, int rounds, int racesPerRound, int practicesPerRound, int cars, long seed) {
        public Spec {
            series = List.copyOf(series);
            if (series.isEmpty()) throw new IllegalArgumentException("no series");
            if (rounds < 1 || racesPerRound < 1 || practicesPerRound < 0 || cars < 2) {
                throw new IllegalArgumentException("rounds, races and cars must be positive (cars at least 2)");
            }
            if (series.stream().map(Series::id).distinct().count() < series.size()) {
                throw new IllegalArgumentException("a series id is given twice");
            }
        }

        /**
         * {@code seriesCount} series cycling through the three feeds, ids {@code <prefix>-<feed>-<nn>},
         * each with the same seasons.
         */
        public static Spec mixed(String prefix, int seriesCount, List<String> seasons, int rounds, int racesPerRound,
                                 int practicesPerRound, int cars, long seed) {
            List<Series> list = new ArrayList<>();
            Feed[] feeds = Feed.values();
            for (int i = 0; i < seriesCount; i++) {
                Feed f = feeds[i % feeds.length];
                list.add(new Series(String.format(Locale.ROOT, "%s-%s-%02d", prefix, f.slug, i + 1), f, seasons));
            }
            return new Spec(list, rounds, racesPerRound, practicesPerRound, cars, seed);
        }

        public int sessionsPerRound() { return 2 * racesPerRound + practicesPerRound; }

        public long fileCount() {
            long seasons = series.stream().mapToLong(s -> s.seasons().size()).sum();
            return seasons * rounds * sessionsPerRound();
        }

        /** Rows (cars) over all files. */
        public long entryCount() { return fileCount() * cars; }
    }

    /** One generated feed file: its path under the inbox ('/'-separated) and its bytes. */
    public record GeneratedFile(String path, String series, String season, int round, String session, byte[] bytes) {}

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private final Spec spec;
    private final Map<Feed, ObjectNode> templates = new LinkedHashMap<>();
    private final Map<Feed, List<RaceSlot>> slots = new LinkedHashMap<>();

    /**
     * @param rulesTemplates the folder holding the project's real series rules ({@code config/series})
     */
    public SeasonGenerator(Spec spec, Path rulesTemplates) {
        this.spec = spec;
        for (Feed f : Feed.values()) {
            Path file = rulesTemplates.resolve(f.rulesTemplate + ".yaml");
            try {
                ObjectNode template = (ObjectNode) YAML.readTree(file.toFile());
                templates.put(f, template);
                slots.put(f, raceSlots(template, file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rules template " + file, e);
            }
        }
    }

    public Spec spec() { return spec; }

    // ------------------------------------------------------------------------------ rules files

    /** A calendar race's scoring kind and planned length, taken from the template's own calendar. */
    private record RaceSlot(String kind, Duration planned, boolean pole) {}

    /** The template's races that are matched by race number (not by session name), in calendar order. */
    private static List<RaceSlot> raceSlots(ObjectNode template, Path file) {
        List<RaceSlot> out = new ArrayList<>();
        for (JsonNode season : template.path("seasons")) {
            for (JsonNode round : season.path("rounds")) {
                for (JsonNode race : round.path("races")) {
                    if (race.has("session") || !race.has("planned")) continue;
                    out.add(new RaceSlot(race.path("kind").asText(), Duration.parse(race.path("planned").asText()),
                            race.path("pole").asBoolean(true)));
                }
            }
            break;
        }
        if (out.isEmpty()) throw new IllegalStateException(file + ": no calendar race with a planned length to copy");
        return out;
    }

    private RaceSlot slot(Feed feed, int round, int race) {
        List<RaceSlot> list = slots.get(feed);
        return list.get(((round - 1) * spec.racesPerRound() + race - 1) % list.size());
    }

    /** The rules file of every synthetic series, by file name ({@code <id>.yaml}). */
    public Map<String, String> rulesFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Series s : spec.series()) {
            ObjectNode rules = templates.get(s.feed()).deepCopy();
            String templateName = rules.path("name").asText();
            rules.put("id", s.id());
            rules.put("name", "Synthetic " + s.id() + " (rules of " + templateName + ")");
            ObjectNode seasons = YAML.createObjectNode();
            for (String season : s.seasons()) {
                ArrayNode rounds = seasons.putObject(season).putArray("rounds");
                for (int r = 1; r <= spec.rounds(); r++) {
                    ObjectNode round = rounds.addObject();
                    round.put("round", r);
                    round.put("event", eventName(r));
                    ArrayNode races = round.putArray("races");
                    for (int n = 1; n <= spec.racesPerRound(); n++) {
                        RaceSlot slot = slot(s.feed(), r, n);
                        ObjectNode race = races.addObject();
                        race.put("race", n);
                        race.put("kind", slot.kind());
                        race.put("planned", slot.planned().toString());
                        if (!slot.pole()) race.put("pole", false);
                    }
                }
            }
            rules.set("seasons", seasons);
            try {
                out.put(s.id() + ".yaml", "# Generated by SeasonGenerator: a synthetic series for benchmarks.\n"
                        + YAML.writeValueAsString(rules));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Writes the rules files into a {@code config/series} folder. */
    public void writeRules(Path seriesDir) {
        try {
            Files.createDirectories(seriesDir);
            for (Map.Entry<String, String> e : rulesFiles().entrySet()) {
                Files.writeString(seriesDir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------ feed files

    /** Every file, in a fixed order (series, season, round, session), one at a time. */
    public void forEachFile(Consumer<GeneratedFile> sink) {
        for (Series s : spec.series()) {
            for (String season : s.seasons()) forEachFile(s, season, sink);
        }
    }

    /** The files of one season of one series. */
    public void forEachFile(Series series, String season, Consumer<GeneratedFile> sink) {
        for (int r = 1; r <= spec.rounds(); r++) {
            for (int p = 1; p <= spec.practicesPerRound(); p++) sink.accept(file(series, season, r, SessionType.PRACTICE, p));
            for (int n = 1; n <= spec.racesPerRound(); n++) {
                sink.accept(file(series, season, r, SessionType.QUALIFYING, n));
                sink.accept(file(series, season, r, SessionType.RACE, n));
            }
        }
    }

    /** Writes every file under {@code inbox}, each at its inbox path; returns the bytes written. */
    public long writeFiles(Path inbox) {
        long[] bytes = {0};
        forEachFile(f -> {
            write(inbox.resolve(f.path()), f.bytes());
            bytes[0] += f.bytes().length;
        });
        return bytes[0];
    }

    static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One session's file. {@code number} is the practice number, or the race whose grid a qualifying
     * set, or the race.
     */
    public GeneratedFile file(Series series, String season, int round, SessionType type, int number) {
        String session = switch (type) {
            case PRACTICE -> "Free Practice " + number;
            case QUALIFYING -> "Qualifying " + number;
            case RACE -> "Race " + number;
        };
        String key = series.id() + "/" + season + "/" + round + "/" + session;
        SplittableRandom rng = new SplittableRandom(spec.seed() ^ fnv(key));
        Field field = field(series, season);
        RaceSlot slot = slot(series.feed(), round, type == SessionType.PRACTICE ? 1 : number);
        List<Line> lines = type == SessionType.RACE ? race(rng, field, slot, series.feed() != Feed.SRO_HTML)
                : timed(rng, field, type == SessionType.PRACTICE);
        String folder = series.id() + "/" + season + "/" + String.format(Locale.ROOT, "%02d", round) + "_"
                + eventName(round) + "/" + session + "/";
        String path;
        byte[] bytes;
        switch (series.feed()) {
            case AL_KAMEL -> {
                path = folder + "03_Classification_" + session + "_Official.CSV";
                bytes = type == SessionType.RACE ? AlKamel.race(lines, field.km) : AlKamel.wide(lines, field.km);
            }
            case SRO_HTML -> {
                path = folder + session.replace(' ', '_') + "_Official.html";
                bytes = Sro.page(series.id(), eventName(round), eventDate(season, round).getYear(), session, lines);
            }
            case PODIUM_JSON -> {
                path = folder + session.toLowerCase(Locale.ROOT).replace(' ', '-') + ".json";
                Event event = new Event(round, eventName(round), eventName(round) + " Circuit", eventDate(season, round));
                Session s = new Session(type, session, type == SessionType.PRACTICE ? null : number, null, null,
                        type == SessionType.RACE ? slot.planned() : null);
                bytes = CanonicalJson.write(new SessionResult(series.id(), season, event, s, ResultStatus.OFFICIAL, null,
                        type == SessionType.RACE, entries(lines, type == SessionType.RACE)));
            }
            default -> throw new IllegalStateException();
        }
        return new GeneratedFile(path, series.id(), season, round, session, bytes);
    }

    private static final String[] EVENTS = {"Kestrel Park", "Lindenfeld", "Porto Azul", "Saltmarsh", "Vale Rouge",
            "Hakone Hills", "Red Mesa", "Nordhavn", "Tamarind Bay", "Castel Vecchio", "Isla Verde", "Bergstrasse",
            "Coral Coast", "Lake Orra", "Mirador", "Sundown", "Eastgate", "Kirra Point", "Valmont", "Ardent Ring"};

    static String eventName(int round) {
        String name = EVENTS[(round - 1) % EVENTS.length];
        int lap = (round - 1) / EVENTS.length;
        return lap == 0 ? name : name + " " + (lap + 1);
    }

    static LocalDate eventDate(String season, int round) {
        int year = season.length() >= 4 && season.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(season.substring(0, 4)) : 2030;
        return LocalDate.of(year, 3, 1).plusDays(7L * (round - 1));
    }

    /** 64-bit FNV-1a: a seed from a key that stays the same on every JVM. */
    static long fnv(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    // ------------------------------------------------------------------------------ the field

    record Person(String given, String family, char licence, String country) {
        String display() { return given + " " + family; }
    }

    record Car(String number, String team, String vehicle, String klass, String cup, String tyres, List<Person> crew) {}

    /** The cars of one season of one series (the same in every session), with the borrowed classes and cups. */
    record Field(List<Car> cars, long lapMs, double km) {}

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private static final String[] GIVEN = {"Aren", "Bela", "Carys", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines",
            "Jonas", "Kaito", "Lena", "Mateo", "Noor", "Oskar", "Priya", "Quentin", "Rosa", "Stellan", "Tomás",
            "Ulla", "Vikram", "Wen", "Ximena", "Yusuf", "Zoë", "Anna Lena", "Jean Paul"};
    private static final String[] FAMILY_START = {"BRAN", "CASTEL", "DAL", "EST", "FORN", "GAR", "HOLM", "IVAR",
            "KOV", "LAMB", "MÜL", "NORD", "OST", "PELL", "QUIR", "ROS", "STRAND", "TAN", "VAN DER ", "WEST"};
    private static final String[] FAMILY_END = {"ACH", "BERG", "DAHL", "ELLI", "ERT", "HOLT", "INEN", "LUND", "MAN",
            "OVÁ", "QUIST", "SEN", "STRÖM", "TON", "VIK", "WOOD"};
    private static final String[] TEAM_WORDS = {"Falcon", "Harbour", "Comet", "Granite", "Aurora", "Meridian", "Vortex",
            "Lagoon", "Summit", "Ember", "Tidal", "Zenith", "Kestrel", "Nomad", "Orbit", "Quartz"};
    private static final String[] TEAM_SUFFIX = {"Racing", "Motorsport", "Corse", "Competition", "Racing Team", "Autosport"};
    private static final String[] VEHICLES = {"Orion GT3", "Vega 07 - Gibson", "Atlas RS GT3", "Nimbus LMP3",
            "Corsair GT3 Evo", "Helix 488 GT3"};
    private static final String[] COUNTRIES = {"GBR", "FRA", "GER", "ITA", "ESP", "JPN", "CHN", "THA", "MYS", "AUS",
            "USA", "BEL", "NED", "SWE", "CZE", "IND"};
    private static final char[] LICENCES = {'P', 'G', 'S', 'B'};

    private Field field(Series series, String season) {
        return fields.computeIfAbsent(series.id() + "/" + season, key -> {
            SplittableRandom rng = new SplittableRandom(spec.seed() ^ fnv(key + "/field"));
            ObjectNode rules = templates.get(series.feed());
            List<String> classes = texts(rules.path("classes"));
            List<String> cups = texts(rules.path("cups"));
            List<Car> cars = new ArrayList<>(spec.cars());
            for (int i = 0; i < spec.cars(); i++) {
                String team = TEAM_WORDS[(i / 2) % TEAM_WORDS.length] + " " + TEAM_SUFFIX[(i / 2 / TEAM_WORDS.length) % TEAM_SUFFIX.length]
                        + (i / 2 >= TEAM_WORDS.length * TEAM_SUFFIX.length ? " " + (i / 2 / (TEAM_WORDS.length * TEAM_SUFFIX.length) + 1) : "");
                List<Person> crew = new ArrayList<>(3);
                for (int d = 0; d < 3; d++) {
                    crew.add(new Person(GIVEN[rng.nextInt(GIVEN.length)],
                            FAMILY_START[rng.nextInt(FAMILY_START.length)] + FAMILY_END[rng.nextInt(FAMILY_END.length)],
                            LICENCES[rng.nextInt(LICENCES.length)], COUNTRIES[rng.nextInt(COUNTRIES.length)]));
                }
                String klass = series.feed() == Feed.AL_KAMEL && !classes.isEmpty() ? classes.get(i % classes.size()) : null;
                String cup = series.feed() != Feed.AL_KAMEL && !cups.isEmpty() ? cups.get(i % cups.size()) : null;
                // car numbers are strings: one car in a field has a leading zero, as real entries do
                String number = i == 6 ? "007" : String.valueOf(i + 1);
                cars.add(new Car(number, team, VEHICLES[i % VEHICLES.length], klass, cup, i % 3 == 0 ? "M" : "G", crew));
            }
            long lapMs = 100_000 + rng.nextInt(30_000);
            double km = 4.0 + rng.nextInt(2000) / 1000.0;
            return new Field(cars, lapMs, km);
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------------------------ classifications

    /** One car's line, whatever the format. */
    record Line(Car car, List<Person> drivers, EntryStatus status, int laps, Long timeMs, int bestLapNo,
                long bestLapMs, Gap gapFirst, Gap gapPrevious) {}

    /**
     * A race: classified cars in a seeded order, each a little behind the one before; every minute
     * behind the winner costs a lap (so a time gap on the lead lap stays under a minute, as on SRO
     * pages); a few cars drop out and go to the bottom.
     */
    private static List<Line> race(SplittableRandom rng, Field field, RaceSlot slot, boolean statusReported) {
        List<Car> order = shuffled(rng, field.cars());
        int n = order.size();
        int out = n >= 10 ? Math.max(1, n * 6 / 100) : 0;
        long planned = slot.planned().toMillis();
        long avgLap = field.lapMs() + 4_000;
        int leaderLaps = (int) Math.max(3, planned / avgLap);
        long winner = planned + rng.nextLong(avgLap);
        int crewSize = planned >= 3 * 3_600_000L ? 3 : 2;
        List<Line> lines = new ArrayList<>(n);
        long offset = 0;
        for (int k = 0; k < n - out; k++) {
            if (k > 0) offset += 300 + rng.nextInt(6_000);
            int down = (int) (offset / 60_000);
            int laps = Math.max(1, leaderLaps - down);
            long time = winner + offset % 60_000;
            Car car = order.get(k);
            lines.add(new Line(car, car.crew().subList(0, crewSize), EntryStatus.CLASSIFIED, laps, time,
                    2 + rng.nextInt(Math.max(1, laps - 2)), field.lapMs() + rng.nextInt(2_500), null, null));
        }
        // drop-outs at the bottom: fewer laps the earlier they stopped, in time order where the laps are equal
        int laps = Math.min((int) (leaderLaps * 0.6), lines.isEmpty() ? leaderLaps : lines.get(lines.size() - 1).laps() - 1);
        long previous = 0;
        for (int k = n - out; k < n; k++) {
            int before = laps;
            laps = Math.max(1, laps - 1 - rng.nextInt(3));
            long time = laps * avgLap + rng.nextInt(60_000);
            if (laps == before || k > n - out && time <= previous) time = previous + 1_000 + rng.nextInt(5_000);
            previous = time;
            Car car = order.get(k);
            EntryStatus status = statusReported ? (k % 2 == 0 ? EntryStatus.RETIRED : EntryStatus.NOT_CLASSIFIED)
                    : EntryStatus.CLASSIFIED;
            lines.add(new Line(car, car.crew().subList(0, crewSize), status, laps, time,
                    1 + rng.nextInt(Math.max(1, laps)), field.lapMs() + 500 + rng.nextInt(2_500), null, null));
        }
        return withGaps(lines, true);
    }

    /** Qualifying or practice: best laps in order; in practice the last car set no time. */
    private static List<Line> timed(SplittableRandom rng, Field field, boolean practice) {
        List<Car> order = shuffled(rng, field.cars());
        List<Line> lines = new ArrayList<>(order.size());
        long best = field.lapMs() - 1_500 + rng.nextInt(1_000);
        for (int k = 0; k < order.size(); k++) {
            Car car = order.get(k);
            boolean noTime = practice && k == order.size() - 1;
            if (k > 0) best += 20 + rng.nextInt(400);
            int laps = 3 + rng.nextInt(practice ? 25 : 8);
            lines.add(new Line(car, car.crew().subList(0, 2), EntryStatus.CLASSIFIED, noTime ? 1 + rng.nextInt(2) : laps,
                    noTime ? null : best, noTime ? 0 : 2 + rng.nextInt(laps - 1), noTime ? 0 : best, null, null));
        }
        return withGaps(lines, false);
    }

    private static List<Car> shuffled(SplittableRandom rng, List<Car> cars) {
        List<Car> order = new ArrayList<>(cars);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Car t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    /** Gaps to the first and the previous car: in laps where a race's lap counts differ, else in time. */
    private static List<Line> withGaps(List<Line> lines, boolean race) {
        List<Line> out = new ArrayList<>(lines.size());
        Line first = lines.get(0);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Gap g1 = i == 0 ? null : gap(first, l, race);
            Gap g2 = i == 0 ? null : gap(lines.get(i - 1), l, race);
            out.add(new Line(l.car(), l.drivers(), l.status(), l.laps(), l.timeMs(), l.bestLapNo(), l.bestLapMs(), g1, g2));
        }
        return out;
    }

    private static Gap gap(Line ahead, Line l, boolean race) {
        if (l.timeMs() == null || ahead.timeMs() == null) return null;
        if (race && ahead.laps() != l.laps()) return Gap.laps(ahead.laps() - l.laps());
        return Gap.time(l.timeMs() - ahead.timeMs());
    }

    private static List<Entry> entries(List<Line> lines, boolean race) {
        List<Entry> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            List<Driver> drivers = l.drivers().stream()
                    .map(p -> new Driver(p.given(), p.family(), p.country(), DriverCategory.fromLicence(String.valueOf(p.licence()))))
                    .toList();
            BestLap best = l.bestLapMs() == 0 ? null : new BestLap(l.bestLapNo(), l.bestLapMs(), null);
            out.add(new Entry(i + 1, null, l.car().number(), l.car().team(), drivers, l.car().vehicle(), l.car().klass(),
                    l.car().cup(), null, null, null, l.status(), l.laps(), l.timeMs(), l.gapFirst(),
                    race ? l.gapPrevious() : null, best, null));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ formats

    /** Times and gaps as Al Kamel and SRO write them (docs/formats.md). */
    static final class Fmt {
        private Fmt() {}

        /** Al Kamel TOTAL_TIME: {@code H:MM'SS.mmm}, or {@code M'SS.mmm} under an hour. */
        static void alkamelTotal(StringBuilder b, long ms) {
            long h = ms / 3_600_000, m = ms / 60_000 % 60;
            if (h > 0) b.append(h).append(':').append(two(m));
            else b.append(m);
            b.append('\'').append(two(ms / 1000 % 60)).append('.').append(three(ms % 1000));
        }

        /** Al Kamel lap time and time gap: {@code M'SS.mmm}, or {@code S.mmm} under a minute. */
        static void alkamelShort(StringBuilder b, long ms) {
            long m = ms / 60_000;
            if (m > 0) b.append(m).append('\'').append(two(ms / 1000 % 60));
            else b.append(ms / 1000);
            b.append('.').append(three(ms % 1000));
        }

        /** Colon time {@code M:SS.mmm}, or {@code H:MM:SS.mmm} from an hour (Al Kamel wide, SRO). */
        static void colon(StringBuilder b, long ms) {
            long h = ms / 3_600_000, m = ms / 60_000 % 60;
            if (h > 0) b.append(h).append(':').append(two(m));
            else b.append(m);
            b.append(':').append(two(ms / 1000 % 60)).append('.').append(three(ms % 1000));
        }

        /** {@code +S.mmm}, or {@code +M:SS.mmm} from a minute. */
        static void plus(StringBuilder b, long ms) {
            b.append('+');
            if (ms >= 60_000) colon(b, ms);
            else b.append(ms / 1000).append('.').append(three(ms % 1000));
        }

        static void kph(StringBuilder b, double km, long lapMs) {
            long tenths = Math.round(km * 36_000_000d / lapMs);
            b.append(tenths / 10).append('.').append(tenths % 10);
        }

        static String two(long v) { return v < 10 ? "0" + v : Long.toString(v); }

        static String three(long v) { return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v); }

        static String html(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    /** Al Kamel CSV: UTF-8 with a BOM, CRLF, ';' closing every line (docs/formats.md). */
    static final class AlKamel {
        private AlKamel() {}

        static final String RACE_HEADER = "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;"
                + "GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;";

        /** The wide layout's header, column for column as in Al Kamel's WEC session files (docs/formats.md). */
        static final String WIDE_HEADER;

        static {
            StringBuilder h = new StringBuilder("POS;NUMBER;LAP;TIME;GAP_FIRST;GAP_PREVIOUS;KPH; LAPS;TEAM;CLASS;GROUP;"
                    + "DIVISION;VEHICLE;TIRES;ECM Participant Id;ECM Team Id;ECM Category Id;ECM Car Id;ECM Brand Id;"
                    + "ECM Country Id;*Extra 7;*Extra 8;*Extra 9;Sort Key;");
            for (int n = 1; n <= 6; n++) {
                for (String f : List.of("FIRSTNAME", "SECONDNAME", "LICENSE", "HOMETOWN", "COUNTRY", "SHORTNAME",
                        "ECM Driver Id", "ECM Country Id", "*Extra 3", "*Extra 4", "*Extra 5")) {
                    h.append("DRIVER").append(n).append('_').append(f).append(';');
                }
            }
            WIDE_HEADER = h.toString();
        }

        static byte[] race(List<Line> lines, double km) {
            StringBuilder b = new StringBuilder(256 + lines.size() * 220).append(RACE_HEADER).append("\r\n");
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                b.append(i + 1).append(';').append(l.car().number()).append(';').append(l.car().team()).append(';');
                for (int d = 0; d < 4; d++) b.append(d < l.drivers().size() ? l.drivers().get(d).display() : "").append(';');
                b.append(l.car().vehicle()).append(';').append(l.car().tyres()).append(';').append(l.car().klass()).append(";;;");
                b.append(switch (l.status()) {
                    case CLASSIFIED -> "Classified";
                    case RETIRED -> "Retired";
                    default -> "Not classified";
                }).append(';').append(l.laps()).append(';');
                Fmt.alkamelTotal(b, l.timeMs());
                b.append(';');
                gap(b, l.gapFirst());
                b.append(';');
                gap(b, l.gapPrevious());
                b.append(';').append(l.bestLapNo()).append(';');
                Fmt.alkamelShort(b, l.bestLapMs());
                b.append(';');
                Fmt.kph(b, km, l.bestLapMs());
                b.append(";;\r\n");
            }
            return bom(b);
        }

        private static void gap(StringBuilder b, Gap g) {
            if (g == null) return;
            if (g.laps() != null) b.append(g.laps()).append(" Laps");
            else Fmt.alkamelShort(b, g.timeMs());
        }

        static byte[] wide(List<Line> lines, double km) {
            StringBuilder b = new StringBuilder(2048 + lines.size() * 300).append(WIDE_HEADER).append("\r\n");
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                boolean timed = l.timeMs() != null;
                b.append(i + 1).append(';').append(l.car().number()).append(';').append(l.bestLapNo()).append(';');
                if (timed) Fmt.colon(b, l.timeMs());
                b.append(';');
                if (timed) {
                    if (i == 0) b.append('-');
                    else Fmt.plus(b, l.gapFirst().timeMs());
                }
                b.append(';');
                if (timed) {
                    if (i == 0) b.append('-');
                    else Fmt.plus(b, l.gapPrevious().timeMs());
                }
                b.append(';');
                if (timed) Fmt.kph(b, km, l.timeMs());
                b.append(';').append(l.laps()).append(';').append(l.car().team()).append(';').append(l.car().klass())
                        .append(";;;").append(l.car().vehicle()).append(';').append(l.car().tyres()).append(';');
                // ECM ids, extras and sort key: stable numbers from the car number
                int id = l.car().number().hashCode() & 0xffff;
                b.append(107_000 + id).append(';').append(6_000 + id % 500).append(";;").append(6_200 + id % 50).append(';')
                        .append(1 + id % 9).append(";;;;;").append(l.car().team().toUpperCase(Locale.ROOT)).append(';');
                // five driver blocks of eleven fields, the published rows stop after the fifth block
                for (int d = 0; d < 5; d++) {
                    if (d < l.drivers().size()) {
                        Person p = l.drivers().get(d);
                        b.append(p.given()).append(';').append(p.family()).append(';').append(p.licence()).append(";;")
                                .append(p.country()).append(";;").append(9_000 + (p.display().hashCode() & 0xfff))
                                .append(";;;01:00:00;None;");
                    } else {
                        b.append(";;;;;;;;;;;");
                    }
                }
                b.append("\r\n");
            }
            return bom(b);
        }

        static byte[] bom(CharSequence text) {
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[body.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(body, 0, out, 3, body.length);
            return out;
        }
    }

    /** SRO results pages: the Europe site's column order (docs/formats.md). */
    static final class Sro {
        private Sro() {}

        static byte[] page(String seriesId, String event, int year, String session, List<Line> lines) {
            StringBuilder b = new StringBuilder(2048 + lines.size() * 260);
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
                    .append(Fmt.html(seriesId)).append(" - Results - Sprint Cup</title></head>\n<body>\n")
                    .append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/results\">Results</a></li></ul></nav>\n")
                    .append("<h2>").append(Fmt.html(session)).append("\n\t\t").append(Fmt.html(event)).append("\n\t\t")
                    .append(year).append(" Results</h2>\n")
                    .append("<table class=\"table results\">\n  <thead><tr><th>Pos</th><th>Car #</th><th>Class</th>")
                    .append("<th>Drivers</th><th>Team</th><th>Car</th><th>Time</th><th>Laps</th><th>Gap</th></tr></thead>\n  <tbody>\n");
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                b.append("    <tr><td>").append(i + 1).append("</td><td>").append(l.car().number()).append("</td><td>")
                        .append(Fmt.html(l.car().cup() + " Cup")).append("</td><td>");
                for (int d = 0; d < l.drivers().size(); d++) {
                    if (d > 0) b.append(", ");
                    b.append(Fmt.html(l.drivers().get(d).display()));
                }
                b.append("</td><td>").append(Fmt.html(l.car().team())).append("</td><td>").append(Fmt.html(l.car().vehicle()))
                        .append("</td><td>");
                if (l.timeMs() != null) Fmt.colon(b, l.timeMs());
                b.append("</td><td>").append(l.laps()).append("</td><td>");
                Gap g = l.gapFirst();
                if (g != null) {
                    if (g.laps() != null) b.append(g.laps()).append(g.laps() == 1 ? " Lap" : " Laps");
                    else Fmt.plus(b, g.timeMs());
                }
                b.append("</td></tr>\n");
            }
            b.append("  </tbody>\n</table>\n<footer>Fictional results generated for benchmarks.</footer>\n</body>\n</html>\n");
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
