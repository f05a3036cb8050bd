package org.podium.feed;

import org.podium.support.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.podium.model.Entry;
import org.podium.model.SessionResult;
import org.podium.model.Source;

/**
 * Turns one feed file into a validated {@link SessionResult}: size limit, format detection by
 * content, parsing, metadata from the inbox path and sidecar (Podium JSON carries its own), class
 * positions, validation. Every failure is a {@link FeedException} listing all problems found.
 */
public final class FeedReader {
    private final Set<String> knownSeries;
    private final long maxBytes;
    private final FormatDetector detector = new FormatDetector();
    private final MetadataResolver metadata;

    /**
     * @param knownSeries the series ids Podium has rules for (config/series/*.yaml)
     * @param maxBytes    files larger than this are refused before they are parsed
     */
    public FeedReader(Set<String> knownSeries, long maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
        this.knownSeries = Set.copyOf(knownSeries);
        this.maxBytes = maxBytes;
        this.metadata = new MetadataResolver(this.knownSeries);
    }

    /**
     * @param raw          the file's bytes
     * @param relativePath the path under inbox/, '/'-separated
     * @param sidecar      the bytes of {@code <file>.meta.json}, or null
     */
    public SessionResult read(byte[] raw, String relativePath, byte[] sidecar) throws FeedException {
        return readDocument(raw, relativePath, sidecar).result();
    }

    /** As {@link #read}, also returning the detected format and the metadata (with its Final flag). */
    public FeedDocument readDocument(byte[] raw, String relativePath, byte[] sidecar) throws FeedException {
        return readDocument(raw, relativePath, sidecar, Map.of());
    }

    /**
     * As {@link #readDocument(byte[], String, byte[])}, with metadata fields given by the caller that
     * override the path's and the sidecar's (see {@link MetadataResolver#resolve(String, byte[], Map)});
     * a Podium JSON document keeps its own.
     */
    public FeedDocument readDocument(byte[] raw, String relativePath, byte[] sidecar, Map<String, ?> given) throws FeedException {
        String document = fileName(relativePath);
        try {
            checkSize(raw);
            FormatDetector.Sniffed sniffed = detector.sniff(raw);
            Detected detected = sniffed.detected();
            if (detected.format() == FeedFormat.PODIUM_JSON) return readCanonical(raw, document, detected);

            Problems problems = new Problems();
            String hint = null;
            SessionMetadata meta = null;
            FeedException metadataProblems = null;
            try {
                meta = metadata.resolve(relativePath, sidecar, given);
            } catch (FeedException e) {
                metadataProblems = e;
                problems.addAll(e);
                hint = e.hint();
            }
            int before = problems.count();
            Parsed parsed = parse(sniffed, problems, hint);
            // the metadata alone is wrong: its own exception, which says which fields are missing
            if (metadataProblems != null && problems.count() == before) throw metadataProblems;
            if (!problems.isEmpty()) throw problems.exception(parsed.hint());

            Source source = new Source(detected.formatId(), document, sha256(raw), null);
            SessionResult result = new SessionResult(meta.series(), meta.season(), meta.toEvent(), meta.toSession(),
                    meta.status(), source, parsed.classification().statusReported(),
                    ClassPositions.assign(parsed.classification().entries()));
            return new FeedDocument(result, detected, meta, parsed.page());
        } catch (FeedException e) {
            throw e.document() == null ? e.inDocument(document) : e;
        }
    }

    /**
     * What a file holds, read without its metadata: the same size check, detection, parsing and
     * validation as {@link #readDocument}, for a file whose series, season, event or session is not
     * known. A Podium JSON document's own metadata is not checked here.
     *
     * @param fileName the file's name, for the problems reported
     */
    public FeedContent readContent(byte[] raw, String fileName) throws FeedException {
        try {
            checkSize(raw);
            FormatDetector.Sniffed sniffed = detector.sniff(raw);
            Detected detected = sniffed.detected();
            Problems problems = new Problems();
            if (detected.format() == FeedFormat.PODIUM_JSON) {
                SessionResult doc = CanonicalJson.read(raw);
                ClassificationValidator.validate(doc.entries(), doc.statusReported(), problems);
                if (!problems.isEmpty()) throw problems.exception(INCONSISTENT);
                return new FeedContent(detected, sha256(raw), withClassPositions(doc.entries()), doc.statusReported(), null);
            }
            Parsed parsed = parse(sniffed, problems, null);
            if (!problems.isEmpty()) throw problems.exception(parsed.hint());
            return new FeedContent(detected, sha256(raw), ClassPositions.assign(parsed.classification().entries()),
                    parsed.classification().statusReported(), parsed.page());
        } catch (FeedException e) {
            throw e.document() == null ? e.inDocument(fileName) : e;
        }
    }

    private static final String INCONSISTENT = "the classification is inconsistent: fix the named lines or wait for a corrected publication";

    /** A file's rows, what an SRO page says about itself, and the hint so far; null rows where parsing failed. */
    private record Parsed(Classification classification, SroPageInfo page, String hint) {}

    /** Parses and validates the rows, adding what is wrong to {@code problems} and its hint to {@code hint}. */
    private static Parsed parse(FormatDetector.Sniffed sniffed, Problems problems, String hint) {
        Classification parsed = null;
        SroPageInfo page = null;
        try {
            if (sniffed.detected().format() == FeedFormat.SRO_HTML) {
                SroPage p = new SroHtmlParser().parse(sniffed.text().text());
                parsed = p.classification();
                page = p.info();
            } else {
                parsed = new AlKamelCsvParser().parse(sniffed.text().text());
            }
        } catch (FeedException e) {
            problems.addAll(e);
            hint = hint == null ? e.hint() : hint + "; " + e.hint();
        }
        if (parsed != null) {
            int before = problems.count();
            ClassificationValidator.validate(parsed.entries(), parsed.statusReported(), problems);
            if (problems.count() > before) hint = hint == null ? INCONSISTENT : hint + "; " + INCONSISTENT;
        }
        return new Parsed(parsed, page, hint);
    }

    /** Detects a file's format and charset (for {@code validate}), after the same size check as {@link #read}. */
    public Detected detect(byte[] raw) throws FeedException {
        checkSize(raw);
        return detector.detect(raw);
    }

    private FeedDocument readCanonical(byte[] raw, String document, Detected detected) throws FeedException {
        SessionResult doc = CanonicalJson.read(raw);
        Problems problems = new Problems();
        if (!knownSeries.contains(doc.series())) {
            problems.add(Problem.field("series", "unknown series \"" + doc.series() + "\"; known series are "
                    + String.join(", ", new TreeSet<>(knownSeries))));
        }
        ClassificationValidator.validate(doc.entries(), doc.statusReported(), problems);
        if (!problems.isEmpty()) {
            throw problems.exception("correct the document: series must be one Podium has rules for, and the entries must be consistent");
        }
        List<Entry> entries = withClassPositions(doc.entries());
        // the document's own metadata wins; the file itself is what was ingested
        Source source = new Source(FeedFormat.PODIUM_JSON.id(), document, sha256(raw),
                doc.source() == null ? null : doc.source().publishedAt());
        SessionResult result = new SessionResult(doc.series(), doc.season(), doc.event(), doc.session(), doc.status(),
                source, doc.statusReported(), entries);
        SessionMetadata meta = new SessionMetadata(doc.series(), doc.season(), doc.event().round(), doc.event().name(),
                doc.event().circuit(), doc.event().date(), doc.session().name(), doc.session().type(), doc.session().race(),
                doc.session().kind(), doc.session().hour(), doc.status(), false, doc.session().plannedDuration());
        return new FeedDocument(result, detected, meta, null);
    }

    /** A document's entries with class positions: its own where it gives them, else assigned. */
    private static List<Entry> withClassPositions(List<Entry> entries) {
        return entries.stream().allMatch(e -> e.classPosition() == null) ? ClassPositions.assign(entries) : entries;
    }

    private void checkSize(byte[] raw) throws FeedException {
        if (raw != null && raw.length > maxBytes) {
            throw new FeedException(Problem.of("the file is " + raw.length + " bytes, over the limit of " + maxBytes + " bytes"),
                    "a results file is far smaller; check that this is the right file, or raise the size limit in the settings");
        }
    }

    static String sha256(byte[] raw) { return Sha256.hex(raw); }

    private static String fileName(String relativePath) {
        if (relativePath == null || relativePath.isBlank()) return null;
        String p = relativePath.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
