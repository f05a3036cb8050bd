package org.podium.championship;

import org.podium.support.ConfigException;
import org.podium.support.ConfigNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The adjustments of one season of one series, in file order. */
public record Adjustments(List<Adjustment> list) {
    public Adjustments {
        list = List.copyOf(list);
    }

    public static Adjustments none() { return new Adjustments(List.of()); }

    public static Adjustments of(Adjustment... adjustments) { return new Adjustments(List.of(adjustments)); }

    /** {@code <dir>/<series>/<season>.yaml}, or none where that file does not exist. */
    public static Adjustments load(Path dir, String series, String season) {
        Path file = dir.resolve(series).resolve(season + ".yaml");
        return Files.exists(file) ? load(file) : none();
    }

    /**
     * Reads every adjustments file of {@code dir}, as the season's recompute will: a bad one fails here,
     * naming the file, the item and the key. A file that no recompute will read (not
     * {@code <series>/<season>.yaml} of a series of the catalog and a season of its calendar) is returned,
     * with why, so that it can be reported rather than silently ignored.
     *
     * @return the files no recompute reads, each with why
     * @throws ConfigException for the first file that is not valid adjustments
     */
    public static List<String> check(Path dir, SeriesCatalog catalog) {
        List<String> unread = new ArrayList<>();
        if (!Files.isDirectory(dir)) return unread;
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.IOException e) {
            throw new ConfigException(dir.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
        for (Path file : files) {
            Path rel = dir.relativize(file);
            String name = rel.getFileName().toString();
            if (rel.getNameCount() != 2 || !name.endsWith(".yaml")) {
                unread.add(file + ": not read: an adjustments file is " + dir.resolve("<series>/<season>.yaml"));
                continue;
            }
            String series = rel.getName(0).toString();
            String season = name.substring(0, name.length() - ".yaml".length());
            var rules = catalog.get(series);
            if (rules.isEmpty()) {
                unread.add(file + ": not read: no series " + series + " in config/series");
            } else if (rules.get().calendar(season).isEmpty()) {
                unread.add(file + ": not read: season " + season + " is not in the calendar of config/series/" + series + ".yaml");
            } else {
                load(file);
            }
        }
        return unread;
    }

    /** Reads and validates an adjustments file: a list of decisions. */
    public static Adjustments load(Path file) {
        return read(ConfigNode.read(file));
    }

    /** Reads adjustments from YAML text; {@code file} names it in error messages. */
    public static Adjustments parse(String yaml, String file) {
        return read(ConfigNode.parse(yaml, file));
    }

    private static Adjustments read(ConfigNode root) {
        if (root.missing()) return none();
        List<Adjustment> out = new ArrayList<>();
        for (ConfigNode item : root.list()) out.add(adjustment(item));
        return new Adjustments(out);
    }

    private static Adjustment adjustment(ConfigNode item) {
        item.onlyKeys("type", "entrant", "points", "round", "session", "position", "table", "reason", "reference");
        ConfigNode typeNode = item.get("type");
        String typeText = typeNode.text();
        AdjustmentType type;
        try {
            type = AdjustmentType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw typeNode.fail("must be deduction, exclusion or reinstatement, was " + typeNode.was());
        }
        EntrantRef entrant = entrant(item.get("entrant"));
        Double points = item.get("points").missing() ? null : item.get("points").number(0, Double.MAX_VALUE);
        Integer round = item.get("round").integerOrNull(1);
        String session = item.get("session").textOrNull();
        Integer position = item.get("position").integerOrNull(1);
        String table = item.get("table").textOrNull();
        String reason = item.get("reason").text();
        String reference = item.get("reference").text();

        switch (type) {
            case DEDUCTION -> {
                if (points == null || points == 0) throw item.get("points").fail("a deduction needs points > 0, was " + item.get("points").was());
                notAllowed(item, type, "session", "position");
            }
            case EXCLUSION -> notAllowed(item, type, "points", "round", "session", "position");
            case REINSTATEMENT -> {
                if (entrant.car() == null || entrant.team() != null) {
                    throw item.get("entrant").fail("a reinstatement names the car alone: entrant: { car: \"7\" }");
                }
                if (round == null) throw item.get("round").fail("a reinstatement needs the round of the race");
                notAllowed(item, type, "points", "table");
            }
        }
        try {
            return new Adjustment(type, entrant, points, round, session, position, table, reason, reference);
        } catch (IllegalArgumentException e) {
            throw item.fail(e.getMessage());
        }
    }

    private static void notAllowed(ConfigNode item, AdjustmentType type, String... keys) {
        for (String key : keys) {
            if (!item.get(key).missing()) {
                throw item.get(key).fail("not used by a " + type.name().toLowerCase(Locale.ROOT) + "; remove it");
            }
        }
    }

    private static EntrantRef entrant(ConfigNode node) {
        node.onlyKeys("driver", "team", "car");
        String driver = node.get("driver").textOrNull();
        String team = node.get("team").textOrNull();
        ConfigNode carNode = node.get("car");
        String car = carNode.missing() ? null : carNode.quotedText("\"007\" and \"7\" are different cars");
        if (driver == null && team == null && car == null) throw node.fail("must name a driver, a team or a car");
        if (driver != null && (team != null || car != null)) {
            throw node.fail("names a driver alone, without team or car");
        }
        return new EntrantRef(driver, team, car);
    }
}
