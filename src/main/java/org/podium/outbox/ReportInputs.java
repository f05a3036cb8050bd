package org.podium.outbox;

import org.podium.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the report is made of: the documents the outbox holds and the rejection reports beside the
 * rejected files, read as JSON trees and put in a fixed order, so the same outbox always gives the same
 * page. Standings are the bulk of a large outbox (a hundred seasons of eighteen tables): they are listed
 * by season here and read one season at a time while the page is written ({@link #load(Season)}), so the
 * report's memory does not grow with the number of seasons.
 *
 * @param outbox     the outbox folder the seasons' files are read from
 * @param seasons    the seasons with {@code podium.standings/1} documents, by series and season
 * @param combined   {@code podium.combined/1} documents, by id
 * @param notices    {@code podium.invitation-notice/1} documents, by invitation and sequence number
 * @param rejections {@code podium.rejection/1} reports, newest first (at most {@link #MAX_REJECTIONS})
 * @param rejectionsLeftOut how many older rejection reports were left out
 * @param feeds      the configured feeds as polling last saw them, by feed id (none when the report is made
 *                   from the folders alone)
 * @param deliveries the webhook targets of {@code config/deliveries.yaml} with their queues (none when the report
 *                   is made from the folders alone)
 */
public record ReportInputs(Path outbox, List<Season> seasons, List<Document> combined, List<Document> notices,
                           List<Rejection> rejections, int rejectionsLeftOut, List<Feed> feeds, List<Target> deliveries) {

    /** Enough for a person to act on; the rest stay in {@code inbox/.failed/}. */
    public static final int MAX_REJECTIONS = 200;

    private static final Logger LOG = LoggerFactory.getLogger("podium.report");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

    /** An outbox document and its path in the outbox (forward slashes). */
    public record Document(String path, JsonNode json) {}

    /** A rejection report and where the rejected file is kept, relative to the inbox. */
    public record Rejection(String keptAs, JsonNode report) {}

    /**
     * A feed of {@code config/feeds.yaml} as polling last saw it.
     *
     * @param outcome     what the last poll brought ("2 fetched, 9 unchanged(304)"), null before the first poll
     * @param failing     the last poll that ran failed and none has succeeded since
     * @param problem     the last problem (a failure, a refusal, a skipped poll), null when there was none
     * @param nextPollAt  when the feed's schedule fires next, null for a disabled feed
     * @param breaker     the circuit breaker of the feed's scheduled route (CLOSED, OPEN, HALF_OPEN), null when
     *                    no schedule runs (the commands that end by themselves poll the due feeds once)
     */
    public record Feed(String id, String series, String kind, boolean enabled, Instant lastPollAt, Instant lastSuccessAt,
                       String outcome, boolean failing, String problem, Instant problemAt, Instant failingSince,
                       int consecutiveFailures, Instant nextPollAt, String breaker) {
        public Feed {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A webhook target and its queue: how many deliveries wait, since when, how many are dead letters (the
     * first few of them), and its circuit breaker (null when no route sends to it in this run).
     */
    public record Target(String id, String url, List<String> kinds, long pending, Instant oldestPending, long dead,
                         List<DeadLetter> deadLetters, String breaker) {}

    /** A delivery given up on after its last attempt. */
    public record DeadLetter(String eventId, int attempts, String lastError, Instant lastAttemptAt) {}

    /** One season's standings files, {@code standings/<series>/<season>/*.json}; {@code key} is "series season". */
    public record Season(String series, String season, List<Path> files) {
        public String key() { return series + " " + season; }
    }

    public ReportInputs {
        seasons = seasons.stream().sorted(Comparator.comparing(Season::series).thenComparing(Season::season)).toList();
        combined = combined.stream().sorted(Comparator.comparing((Document d) -> d.json().path("id").asText())
                .thenComparing(Document::path)).toList();
        notices = notices.stream().sorted(Comparator.comparing((Document d) -> d.json().path("invitation").path("id").asText())
                .thenComparingInt(d -> d.json().path("seq").asInt()).thenComparing(Document::path)).toList();
        rejections = List.copyOf(rejections);
        feeds = feeds.stream().sorted(Comparator.comparing(Feed::id)).toList();
        deliveries = List.copyOf(deliveries);
        if (rejectionsLeftOut < 0) throw new IllegalArgumentException("rejectionsLeftOut < 0");
    }

    /** Reads the outbox's standings, combined classifications and notices, and the inbox's rejection reports. */
    public static ReportInputs read(Path outbox, Path inbox) {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        for (Path p : files(outbox.resolve("standings"), ".json")) {
            byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p);
        }
        List<Season> seasons = new ArrayList<>();
        byFolder.forEach((folder, files) -> seasons.add(new Season(folder.getParent().getFileName().toString(),
                folder.getFileName().toString(), files)));
        List<Document> combined = documents(outbox, "combined", "podium.combined/");
        List<Document> notices = documents(outbox, "notices", "podium.invitation-notice/");

        Path failed = inbox.resolve(".failed");
        List<Path> reports = files(failed, ".error.json").stream()
                .sorted(Comparator.comparingLong((Path p) -> modified(p)).reversed().thenComparing(Path::toString)).toList();
        List<Rejection> rejections = new ArrayList<>();
        for (Path p : reports.subList(0, Math.min(reports.size(), MAX_REJECTIONS))) {
            JsonNode r = parse(p);
            if (r == null || !r.path("schema").asText().startsWith("podium.rejection/")) continue;
            String rel = failed.relativize(p).toString().replace('\\', '/');
            rejections.add(new Rejection(".failed/" + rel.substring(0, rel.length() - ".error.json".length()), r));
        }
        rejections.sort(Comparator.comparing((Rejection r) -> r.report().path("rejectedAt").asText()).reversed()
                .thenComparing(Rejection::keptAs));
        return new ReportInputs(outbox, seasons, combined, notices, rejections,
                Math.max(0, reports.size() - MAX_REJECTIONS), List.of(), List.of());
    }

    /** The same documents with the feeds' state. */
    public ReportInputs withFeeds(List<Feed> feeds) {
        return new ReportInputs(outbox, seasons, combined, notices, rejections, rejectionsLeftOut, feeds, deliveries);
    }

    /** The same documents with the webhook targets' queues. */
    public ReportInputs withDeliveries(List<Target> deliveries) {
        return new ReportInputs(outbox, seasons, combined, notices, rejections, rejectionsLeftOut, feeds, deliveries);
    }

    /**
     * One standings table, {@code standings/<series>/<season>/<table>.json}, or null when the outbox has none
     * (or the names are not plain).
     */
    public Document table(String series, String season, String table) {
        for (String part : List.of(series, season, table)) {
            if (!PLAIN.matcher(part).matches() || part.startsWith(".")) return null;
        }
        Path file = outbox.resolve("standings").resolve(series).resolve(season).resolve(table + ".json");
        if (!Files.isRegularFile(file)) return null;
        List<Document> docs = documents(outbox, List.of(file), "podium.standings/");
        return docs.isEmpty() ? null : docs.get(0);
    }

    /** The names of a season's session result files, {@code results/<series>/<season>/*.json}, in order. */
    public List<String> resultFiles(Season season) {
        Path dir = outbox.resolve("results").resolve(season.series()).resolve(season.season());
        return files(dir, ".json").stream().filter(p -> p.getParent().equals(dir))
                .map(p -> p.getFileName().toString()).toList();
    }

    /** One season's standings documents, by table; the ones that are not standings are left out. */
    public List<Document> load(Season season) {
        return documents(outbox, season.files(), "podium.standings/").stream()
                .sorted(Comparator.comparing((Document d) -> d.json().path("table").asText()).thenComparing(Document::path))
                .toList();
    }

    /** How many standings tables the seasons hold. */
    public int tableCount() {
        return seasons.stream().mapToInt(s -> s.files().size()).sum();
    }

    private static List<Document> documents(Path outbox, String folder, String schemaPrefix) {
        return documents(outbox, files(outbox.resolve(folder), ".json"), schemaPrefix);
    }

    private static List<Document> documents(Path outbox, List<Path> files, String schemaPrefix) {
        List<Document> docs = new ArrayList<>();
        for (Path p : files) {
            JsonNode d = parse(p);
            if (d != null && d.path("schema").asText().startsWith(schemaPrefix)) {
                docs.add(new Document(outbox.relativize(p).toString().replace('\\', '/'), slim(d)));
            }
        }
        return docs;
    }

    /**
     * Drops what the page never shows (each round's session detail, the source hashes); of the inputs only
     * each session's key and status are kept.
     */
    static JsonNode slim(JsonNode doc) {
        if (!(doc instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) return doc;
        JsonNode inputs = o.remove("inputs");
        if (inputs != null && inputs.isArray() && o.path("schema").asText().startsWith("podium.standings/")) {
            com.fasterxml.jackson.databind.node.ArrayNode kept = o.putArray("inputs");
            for (JsonNode i : inputs) {
                kept.addObject().put("sessionKey", i.path("sessionKey").asText()).put("status", i.path("status").asText());
            }
        }
        for (JsonNode row : o.path("rows")) {
            if (!(row instanceof com.fasterxml.jackson.databind.node.ObjectNode r)) continue;
            r.remove("sources");
            r.remove("positions");
            for (JsonNode round : r.path("rounds")) {
                if (round instanceof com.fasterxml.jackson.databind.node.ObjectNode rr) rr.remove("sessions");
            }
        }
        return o;
    }

    /** Regular files under {@code dir} ending in {@code suffix}; hidden ones (temporaries) are not. */
    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> found = new java.util.ArrayList<>();
        try {
            // Publications (this instance's, or another's sharing the outbox) write and rename hidden
            // temporaries meanwhile: one gone by the time it is looked at is passed over.
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                    String name = p.getFileName().toString();
                    if (a.isRegularFile() && name.endsWith(suffix) && !name.startsWith(".")) found.add(p);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException && !p.equals(dir)) return java.nio.file.FileVisitResult.CONTINUE;
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    /** A document that cannot be read is left out of the report, not allowed to stop it. */
    private static JsonNode parse(Path p) {
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            LOG.warn("{}: left out of the report, not readable as JSON: {}", p, e.getMessage());
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
