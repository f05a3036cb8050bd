package org.podium.bench;

import org.podium.feed.FeedException;
import org.podium.feed.FeedFormat;
import org.podium.feed.FeedReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a parser benchmark reads: every generated file of one format from a fixed synthetic
 * season (three series, four rounds of two races with their qualifying and a practice, 40 cars).
 */
public record Corpus(FeedFormat format, List<SeasonGenerator.GeneratedFile> files, long rows, long bytes) {

    public static final Path RULES = Path.of("config/series");

    static SeasonGenerator.Spec spec() {
        return SeasonGenerator.Spec.mixed("corpus", 3, List.of("2031"), 4, 2, 1, 40, 2024);
    }

    /** Every generated file detected as {@code format}, with its data rows (entries) and bytes. */
    public static Corpus of(FeedFormat format) {
        SeasonGenerator.Spec spec = spec();
        Set<String> ids = new HashSet<>();
        spec.series().forEach(s -> ids.add(s.id()));
        FeedReader reader = new FeedReader(ids, Long.MAX_VALUE);
        List<SeasonGenerator.GeneratedFile> files = new ArrayList<>();
        long[] rows = {0};
        long[] bytes = {0};
        new SeasonGenerator(spec, RULES).forEachFile(f -> {
            try {
                if (reader.detect(f.bytes()).format() != format) return;
                rows[0] += reader.read(f.bytes(), f.path(), null).entries().size();
            } catch (FeedException e) {
                throw new IllegalStateException(f.path() + ": " + e.getMessage(), e);
            }
            files.add(f);
            bytes[0] += f.bytes().length;
        });
        if (files.isEmpty()) throw new IllegalStateException("no generated file of format " + format);
        return new Corpus(format, List.copyOf(files), rows[0], bytes[0]);
    }
}
