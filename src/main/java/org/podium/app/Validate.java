package org.podium.app;

import org.podium.championship.CalendarCheck;
import org.podium.championship.SeriesCatalog;
import org.podium.feed.FeedContent;
import org.podium.feed.FeedDocument;
import org.podium.feed.FeedException;
import org.podium.feed.FeedFormat;
import org.podium.feed.FeedReader;
import org.podium.feed.MetadataMissing;
import org.podium.feed.Problem;
import org.podium.feed.SroPageInfo;
import org.podium.model.Entry;
import org.podium.model.EntryStatus;
import org.podium.model.SessionResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code validate FILE…}: says what each file is, or what is wrong with it, wherever the file is. Stores
 * nothing. A file is checked as ingestion checks it: its content (format, rows), its metadata (from its
 * path under an inbox, its sidecar, the options) and its place in the series' calendar. A file whose
 * metadata is incomplete still has its content checked and described.
 */
final class Validate {

    /** Files larger than this are refused unread, as the inbox's default limit does. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** The inbox layout's event folder, {@code 01_Sepang}: a path holding one follows the layout. */
    private static final Pattern ROUND_FOLDER = Pattern.compile("\\d{1,4}[_ -].+");

    /**
     * Metadata given on the command line, for every file: it overrides the path's and the sidecar's.
     * A null field is not given.
     */
    record Given(String series, String season, Integer round, String event, String session) {
        static final Given NONE = new Given(null, null, null, null, null);

        /** The fields given, named as a sidecar names them. */
        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (series != null) m.put("series", series);
            if (season != null) m.put("season", season);
            if (round != null) m.put("round", round);
            if (event != null) m.put("event", event);
            if (session != null) m.put("session", session);
            return m;
        }
    }

    /** How one file fared; the order is from best to worst. */
    private enum Outcome { VALID, INCOMPLETE, REJECTED }

    private final Home home;
    private final PrintStream out;

    Validate(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run(List<String> files, Given given) {
        SeriesCatalog catalog = catalog();
        FeedReader reader = new FeedReader(catalog.ids(), MAX_BYTES);
        CalendarCheck calendar = new CalendarCheck(catalog);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        for (String f : files) {
            Outcome o = check(f, given, reader, calendar, catalog.ids());
            counts.merge(o, 1, Integer::sum);
        }
        out.printf("%d file(s): %d valid, %d rejected%s%n", files.size(), counts.get(Outcome.VALID), counts.get(Outcome.REJECTED),
                counts.get(Outcome.INCOMPLETE) == 0 ? "" : ", " + counts.get(Outcome.INCOMPLETE) + " incomplete (metadata missing)");
        return counts.get(Outcome.VALID) == files.size() ? Commands.OK : Commands.REJECTED;
    }

    private Outcome check(String f, Given given, FeedReader reader, CalendarCheck calendar, Set<String> knownSeries) {
        Path path = Path.of(f);
        String name = path.getFileName() == null ? f : path.getFileName().toString();
        Path sidecarFile = path.resolveSibling(name + ".meta.json");
        byte[] raw;
        byte[] sidecar;
        try {
            raw = readAtMost(path, MAX_BYTES);
            sidecar = Files.isRegularFile(sidecarFile) ? readAtMost(sidecarFile, MAX_BYTES) : null;
        } catch (IOException e) {
            out.println(f + ": cannot read: " + e.getMessage());
            return Outcome.REJECTED;
        }
        String rel = metadataPath(path);

        // The content first: what the file holds is worth saying even when nothing else is known about it.
        FeedContent content;
        try {
            content = reader.readContent(raw, name);
        } catch (FeedException e) {
            out.println(f + ": REJECTED (content): the file cannot be read as results");
            problems(e, Set.of());
            return Outcome.REJECTED;
        } catch (RuntimeException | StackOverflowError e) {
            out.println(f + ": REJECTED (content): the file could not be parsed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
            out.println("  what to do: check that the file is a supported results format");
            return Outcome.REJECTED;
        }

        boolean canonical = content.detected().format() == FeedFormat.PODIUM_JSON;
        FeedDocument doc;
        try {
            doc = canonical ? reader.readDocument(raw, rel, null) : reader.readDocument(raw, rel, sidecar, given.fields());
        } catch (MetadataMissing e) {
            out.println(f + ": INCOMPLETE (metadata missing: " + String.join(", ", e.fields())
                    + "): the content is valid, but the file cannot be ingested as it is");
            describeContent(content);
            out.println("  missing:  " + String.join(", ", e.fields()));
            problems(e, Set.copyOf(e.fields()));
            out.println("  what to do: " + howToGive(e.fields(), name, knownSeries));
            return Outcome.INCOMPLETE;
        } catch (FeedException e) {
            out.println(f + ": REJECTED (metadata): the content is valid, its metadata is not");
            describeContent(content);
            problems(e, Set.of());
            return Outcome.REJECTED;
        }

        SessionResult r = doc.result();
        // as ingestion does: a place in the calendar, then every class or cup written mapped to the series'
        boolean offCalendar = calendar.check(r).isPresent();
        CalendarCheck.Placement placement = calendar.place(r);
        Optional<CalendarCheck.Misplaced> misplaced = Optional.ofNullable(placement.misplaced());
        if (misplaced.isPresent()) {
            out.println(f + ": REJECTED (" + (offCalendar ? "calendar" : "classes and cups") + "): " + misplaced.get().problem());
        } else {
            out.println(f + ": OK");
        }
        describeContent(content);
        if (placement.result() != null) describePlaces(placement.result().entries());
        describeMetadata(r);
        out.println("  metadata: " + sources(canonical, rel, sidecar != null ? sidecarFile : null, given));
        if (misplaced.isPresent()) {
            out.println("  what to do: " + misplaced.get().whatToDo()
                    + (given.fields().isEmpty() ? "" : "; or give the right options (--round, --event, --session…)"));
            return Outcome.REJECTED;
        }
        return Outcome.VALID;
    }

    /** What the file holds, whatever its metadata. */
    private void describeContent(FeedContent c) {
        out.printf("  format:   %s (SHA-256 %s)%n", c.detected().formatId(), c.sha256());
        List<Entry> entries = c.entries();
        long classified = entries.stream().filter(e -> e.status().classified()).count();
        out.printf("  entries:  %d (%d classified)%n", entries.size(), classified);
        seen("classes:", entries, Entry::carClass);
        seen("cups:", entries, Entry::cup);
        seen("groups:", entries, Entry::group);
        seen("divisions:", entries, Entry::division);
        Map<EntryStatus, Long> statuses = new EnumMap<>(EntryStatus.class);
        for (Entry e : entries) statuses.merge(e.status(), 1L, Long::sum);
        if (!statuses.isEmpty()) {
            out.println("  status:   " + statuses.entrySet().stream()
                    .map(s -> s.getValue() + " " + s.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", "))
                    + (c.statusReported() ? "" : " (the file gives no status: the series' distance rule decides)"));
        }
        if (!entries.isEmpty()) {
            out.println("  first:    " + entry(entries.get(0)));
            if (entries.size() > 1) out.println("  last:     " + entry(entries.get(entries.size() - 1)));
        }
        SroPageInfo page = c.page();
        if (page != null) {
            List<String> says = new ArrayList<>();
            if (page.raceName() != null) says.add(page.raceName());
            if (page.eventName() != null) says.add(page.eventName());
            if (page.year() != null) says.add(page.year().toString());
            if (page.cup() != null) says.add(page.cup());
            out.printf("  page:     \"%s\"%s%n", page.title() == null ? "" : page.title(),
                    says.isEmpty() ? "" : ": " + String.join(", ", says));
        }
    }

    /** The classes and cups the cars are scored in, once the series' written: values are applied. */
    private void describePlaces(List<Entry> placed) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry e : placed) counts.merge((e.carClass() == null ? "no class" : e.carClass()) + (e.cup() == null ? "" : " / " + e.cup()), 1, Integer::sum);
        out.printf("  placed:   %s%n", counts.entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                .collect(Collectors.joining(", ")));
    }

    private void seen(String label, List<Entry> entries, Function<Entry, String> value) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry e : entries) {
            String v = value.apply(e);
            if (v != null) counts.merge(v, 1, Integer::sum);
        }
        if (counts.isEmpty()) return;
        out.printf("  %-9s %s%n", label, counts.entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                .collect(Collectors.joining(", ")));
    }

    private static String entry(Entry e) {
        String cls = e.carClass() != null ? e.carClass() : e.cup();
        return "P" + e.position() + " #" + e.number() + (e.team() == null ? "" : " " + e.team())
                + (cls == null ? "" : " (" + cls + ")") + ", " + e.drivers().stream().map(d -> d.fullName()).toList();
    }

    private void describeMetadata(SessionResult r) {
        out.printf("  series:   %s, season %s, round %d %s%n", r.series(), r.season(), r.event().round(), r.event().name());
        out.printf("  session:  %s (%s%s), %s%n", r.session().name(), r.session().type(),
                r.session().hour() == null ? "" : ", hour " + r.session().hour(), r.status());
    }

    /** The problems found, except those about the fields named in {@code skip} (said otherwise), and the hint. */
    private void problems(FeedException e, Set<String> skip) {
        boolean any = false;
        for (Problem p : e.problems()) {
            if (p.field() != null && skip.contains(p.field())) continue;
            out.println("  " + p);
            any = true;
        }
        if (e.unlistedProblems() > 0) out.println("  … and " + e.unlistedProblems() + " more problems, not listed");
        if (any && skip.isEmpty()) out.println("  what to do: " + e.hint());
    }

    /** How to give the missing fields: the options, a sidecar, or the inbox layout. */
    static String howToGive(List<String> missing, String fileName, Set<String> knownSeries) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> json = new LinkedHashMap<>();
        for (String field : missing) {
            switch (field) {
                case "series" -> { options.put("--series", "alms"); json.put("series", "\"alms\""); }
                case "season" -> { options.put("--season", "2023-24"); json.put("season", "\"2023-24\""); }
                case "round" -> { options.put("--round", "1"); json.put("round", "1"); }
                case "event" -> { options.put("--event", "Sepang"); json.put("event", "\"Sepang\""); }
                case "session" -> { options.put("--session", "\"Race 1\""); json.put("session", "\"Race 1\""); }
                case "sessionType" -> json.put("sessionType", "\"RACE\"");
                default -> json.put(field, "…");
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!options.isEmpty()) {
            sb.append("give ").append(options.size() == 1 ? "it" : "them").append(" as options, e.g. ")
                    .append(options.entrySet().stream().map(o -> o.getKey() + " " + o.getValue()).collect(Collectors.joining(" ")));
            if (options.containsKey("--series")) sb.append(" (series known here: ").append(String.join(", ", new TreeSet<>(knownSeries))).append(")");
            sb.append("; or ");
        }
        sb.append("in a sidecar ").append(fileName).append(".meta.json beside the file, e.g. {")
                .append(json.entrySet().stream().map(j -> "\"" + j.getKey() + "\": " + j.getValue()).collect(Collectors.joining(", ")))
                .append("}; or place the file under inbox/<series>/<season>/<NN>_<event>/<session>/");
        return sb.toString();
    }

    private static String sources(boolean canonical, String rel, Path sidecar, Given given) {
        if (canonical) {
            return "the document's own" + (given.fields().isEmpty() ? "" : " (a Podium JSON document keeps it: the options are not used)");
        }
        List<String> from = new ArrayList<>();
        if (rel.contains("/")) from.add("the path " + rel);
        if (sidecar != null) from.add("the sidecar " + sidecar.getFileName());
        if (!given.fields().isEmpty()) {
            from.add("the options " + given.fields().keySet().stream().map(k -> "--" + k).collect(Collectors.joining(" ")));
        }
        return from.isEmpty() ? "from the file name" : "from " + String.join(", then ", from);
    }

    /**
     * The path the metadata is read from, as if the file were in the inbox: relative to the home's
     * inbox, or to another inbox folder it is in; else its last five path elements where they follow
     * the inbox layout ({@code <series>/<season>/<NN>_<event>/<session>/<file>}); else its name alone.
     */
    private String metadataPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path inbox = home.inbox().toAbsolutePath().normalize();
        if (abs.startsWith(inbox)) return slashes(inbox.relativize(abs));
        for (Path p = abs.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("inbox")) return slashes(p.relativize(abs));
        }
        int n = abs.getNameCount();
        if (n >= 5 && ROUND_FOLDER.matcher(abs.getName(n - 3).toString()).matches()) return slashes(abs.subpath(n - 5, n));
        return abs.getFileName().toString();
    }

    private static String slashes(Path p) { return p.toString().replace('\\', '/'); }

    /** At most {@code limit + 1} bytes: enough for the reader to say the file is over the limit. */
    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
    }

    /** The series rules: the home's config/series/, or the built-in ones when the home has no config/. */
    private SeriesCatalog catalog() {
        if (Files.isDirectory(home.config())) {
            Path series = home.config().resolve("series");
            return Files.isDirectory(series) ? load(series) : new SeriesCatalog(List.of());
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("podium-config");
            Bundled.copyTree("podium/config", tmp, true);
            return load(tmp.resolve("series"));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the built-in configuration: " + e.getMessage(), e);
        } finally {
            if (tmp != null) Demo.deleteTree(tmp);
        }
    }

    private static SeriesCatalog load(Path dir) {
        try {
            return SeriesCatalog.load(dir);
        } catch (RuntimeException e) {
            throw ConfigurationException.from(e);
        }
    }
}
