package org.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.championship.CalendarRace;
import org.podium.championship.CalendarRound;
import org.podium.championship.SeriesRules;
import org.podium.support.AtomicFiles;
import org.podium.support.Json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shipped configuration as it is (the real 2023 and 2023-24 calendars) and a fictional result for
 * every race of every round of them, taken by {@code once}: both Le Mans invitations are decided, and
 * the combined classification measures GT World Challenge Asia 2023 against 12 races × 25 = 300 points
 * and the Asian Le Mans Series 2023-24 against 5 races × (25 + 1 pole point) = 130.
 */
class RealSeasonsEndToEndTest {

    @TempDir Path dir;

    /** A fictional car: number, team, class, cup. Its place in a race is its place in the list. */
    record Car(String number, String team, String carClass, String cup) {}

    static final List<Car> EUROPE = List.of(
            new Car("32", "Pro Works Racing", null, "Pro Cup"),
            new Car("7", "Bronze Leaders Racing", null, "Bronze Cup"),
            new Car("11", "Silver Arrows", null, "Silver Cup"),
            new Car("8", "Bronze Chasers Motorsport", null, "Bronze Cup"));
    static final List<Car> ASIA = List.of(
            new Car("1", "Absolute Racing", null, "Pro-Am"),
            new Car("2", "Team Two", null, "Silver"),
            new Car("3", "Asia Only Racing", null, "Am"));
    static final List<Car> ALMS = List.of(
            new Car("22", "Prototype Squadra", "LMP2", null),
            new Car("91", "ABSOLUTE RACING", "GT", null),
            new Car("92", "Two Racing", "GT", null),
            new Car("17", "Little Prototype", "LMP3", null));

    @Test
    void everyRoundOfTheRealCalendarsFilledDecidesBothInvitations() throws Exception {
        TestHome.copyTree(Path.of("config"), dir.resolve("config"));
        int files = fill("gtwc-europe", "2023", EUROPE) + fill("gtwc-asia", "2023", ASIA)
                + fill("alms", "2023", ALMS) + fill("alms", "2023-24", ALMS);
        assertThat(files).isEqualTo(17 + 12 + 4 + 5);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"once", "--home", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("podium.inbox.read-lock-min-age", "0", "podium.inbox.poll-delay", "100"));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(files + " file(s) ingested, 0 rejected");

        // The combined classification: shares of 300 and of 130
        JsonNode combined = read("outbox/combined/lemans-2024-asia-combined.json");
        assertThat(combined.path("seasons")).extracting(s -> s.path("series").asText(), s -> s.path("maxSeasonPoints").asDouble(),
                        s -> s.path("status").asText())
                .containsExactly(tuple("gtwc-asia", 300.0, "FINAL"), tuple("alms", 130.0, "FINAL"));
        JsonNode first = combined.path("classification").get(0);
        assertThat(first.path("team").asText()).isEqualTo("Absolute Racing");
        // 12 wins of 25 = 300 of 300; 5 GT class wins of 25 (no qualifying, so no pole point) = 125 of 130
        assertThat(first.path("series")).extracting(s -> s.path("points").asDouble(), s -> s.path("maxPoints").asDouble(),
                        s -> s.path("share").asDouble())
                .containsExactly(tuple(300.0, 300.0, 1.0), tuple(125.0, 130.0, 0.962));
        assertThat(first.path("score").asDouble()).isEqualTo(1.962);
        JsonNode second = combined.path("classification").get(1);
        // 12 second places = 216 of 300 (0.720); 5 GT second places = 90 of 130 (0.692)
        assertThat(second.path("team").asText()).isEqualTo("Team Two");
        assertThat(second.path("score").asDouble()).isEqualTo(1.412);

        // Both invitations confirmed, on complete and official seasons
        JsonNode asia = lastNotice("lemans-2024-asia-combined");
        assertThat(asia.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(asia.path("recipient").path("team").asText()).isEqualTo("Absolute Racing");
        JsonNode europe = lastNotice("lemans-2024-gtwc-europe");
        assertThat(europe.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(europe.path("recipient").path("team").asText()).isEqualTo("Bronze Leaders Racing");
        assertThat(europe.path("recipient").path("car").asText()).isEqualTo("7");

        // #7 first of the Bronze Cup in all 17 races of the 10 events: 25 + 2 × 16.5 + 33 + (12 + 12 + 25) + 2 × 16.5
        // + 25 + 2 × 16.5 + 2 × 16.5 + 25 + 2 × 16.5 = 322
        JsonNode bronze = read("outbox/standings/gtwc-europe/2023/cars-bronze.json");
        assertThat(bronze.path("rows").get(0).path("entrant").path("name").asText()).isEqualTo("#7");
        assertThat(bronze.path("rows").get(0).path("points").asDouble()).isEqualTo(322.0);
        assertThat(bronze.path("status").asText()).isEqualTo("final");
    }

    @Test
    void aRaceFileWritingTheCupInClassKeepsEveryCarInItsCup() throws Exception {
        TestHome.copyTree(Path.of("config"), dir.resolve("config"));
        // an Al Kamel race classification of GT World Challenge Europe whose CLASS holds the cup
        String csv = """
                POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;
                1;32;Pro Works Racing;Anna PRO;Ben PRO;Carla PRO;;Audi R8 LMS GT3 evo II;PI;Pro;;;Classified;95;3:00'41.100;;;12;1'47.100;193.6;
                2;7;Bronze Leaders Racing;Dan BRONZE;Eve BRONZE;Fay BRONZE;;Porsche 911 GT3 R (992);PI;Bronze;;;Classified;95;3:01'02.300;21.200;21.200;14;1'48.000;192.0;
                3;8;Bronze Chasers Motorsport;Gus BRONZE;Hal BRONZE;Ida BRONZE;;Ferrari 296 GT3;PI;Bronze;;;Classified;94;3:00'59.900;1 Laps;1 Laps;20;1'48.400;191.3;
                """.replace("\n", "\r\n");
        AtomicFiles.write(dir.resolve("inbox/gtwc-europe/2023/01_Monza/Race/03_Classification_Race_Official.CSV"),
                csv.getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"once", "--home", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("podium.inbox.read-lock-min-age", "0", "podium.inbox.poll-delay", "100"));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        // the Bronze Cup keeps the race: #7 first of the cup (25, the 3-hour scale), #8 second (18)
        JsonNode bronze = read("outbox/standings/gtwc-europe/2023/cars-bronze.json");
        assertThat(bronze.path("rows")).extracting(r -> r.path("entrant").path("name").asText(), r -> r.path("points").asDouble())
                .containsExactly(tuple("#7", 25.0), tuple("#8", 18.0));
        JsonNode overall = read("outbox/standings/gtwc-europe/2023/cars-overall.json");
        assertThat(overall.path("rows")).extracting(r -> r.path("entrant").path("name").asText(), r -> r.path("points").asDouble())
                .containsExactly(tuple("#32", 25.0), tuple("#7", 18.0), tuple("#8", 15.0));
        assertThat(read("outbox/standings/gtwc-europe/2023/cars-pro.json").path("rows").get(0).path("points").asDouble())
                .isEqualTo(25.0);
    }

    /** One Podium JSON result per race of the season's calendar, in its inbox folder; returns how many. */
    int fill(String series, String season, List<Car> cars) throws Exception {
        SeriesRules rules = SeriesRules.load(Path.of("config/series", series + ".yaml"));
        int n = 0;
        for (CalendarRound round : rules.requireCalendar(season).rounds()) {
            for (CalendarRace race : round.races()) {
                String session = race.session() != null ? race.session() : round.races().size() == 1 ? "Race" : "Race " + race.race();
                ObjectNode doc = Json.MAPPER.createObjectNode();
                doc.put("schema", "podium.session-result/1");
                doc.put("series", series);
                doc.put("season", season);
                ObjectNode event = doc.putObject("event");
                event.put("round", round.round());
                event.put("name", round.event());
                event.put("date", race.date().toString());
                ObjectNode s = doc.putObject("session");
                s.put("type", "RACE");
                s.put("name", session);
                if (race.session() == null && round.races().size() > 1) s.put("race", race.race());
                if (race.planned() != null) s.put("plannedDuration", race.planned().toString());
                doc.put("status", "OFFICIAL");
                doc.putObject("source").put("format", "podium-json").put("document", series + " " + season + " " + round.event() + " " + session);
                ArrayNode entries = doc.putArray("entries");
                for (int i = 0; i < cars.size(); i++) {
                    Car c = cars.get(i);
                    ObjectNode e = entries.addObject();
                    e.put("position", i + 1);
                    e.put("number", c.number());
                    e.put("team", c.team());
                    if (c.carClass() != null) e.put("class", c.carClass());
                    if (c.cup() != null) e.put("cup", c.cup());
                    e.putArray("drivers").addObject().put("firstName", "Driver").put("lastName", "NUMBER " + c.number());
                    e.put("status", "CLASSIFIED");
                    e.put("laps", 100 - i);
                }
                String folder = String.format(Locale.ROOT, "%s/%s/%02d_%s/%s/", series, season, round.round(), round.event(), session);
                AtomicFiles.write(dir.resolve("inbox").resolve(folder + "result.json"), Json.MAPPER.writeValueAsBytes(doc));
                n++;
            }
        }
        return n;
    }

    JsonNode read(String rel) throws Exception {
        return Json.MAPPER.readTree(dir.resolve(rel).toFile());
    }

    JsonNode lastNotice(String invitation) throws Exception {
        List<String> notices = new ArrayList<>(TestHome.files(dir.resolve("outbox/notices").resolve(invitation)).stream()
                .filter(f -> f.endsWith(".json")).toList());
        assertThat(notices).isNotEmpty();
        return read("outbox/notices/" + invitation + "/" + notices.get(notices.size() - 1));
    }
}
