package org.podium.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.podium.feed.AlKamelCsvParser;
import org.podium.feed.CanonicalJson;
import org.podium.feed.FeedException;
import org.podium.feed.FeedFormat;
import org.podium.feed.FeedReader;
import org.podium.feed.FeedText;
import org.podium.feed.SroHtmlParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Each parser against the raw limit for its format, over the same bytes: one operation reads the
 * whole corpus of that format.
 * <ul>
 *   <li>{@code parser}: bytes to the parsed classification, as {@code FeedReader} does it (decode, then
 *       the format's parser; canonical JSON straight from bytes).</li>
 *   <li>{@code raw}: the same bytes tokenized without building anything: Jackson's CSV parser (';',
 *       no quoting) producing every field's text, jsoup's parse of the page, Jackson's tree parse.</li>
 *   <li>{@code reader}: the whole {@code FeedReader.read} (detection, metadata from the path, parsing,
 *       validation, class positions, SHA-256), for reference.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ParserBenchmark {

    @Param({"ALKAMEL_RACE", "ALKAMEL_WIDE", "SRO_HTML", "PODIUM_JSON"})
    public FeedFormat format;

    private List<SeasonGenerator.GeneratedFile> files;
    private FeedReader reader;
    private final CsvFactory csv = new CsvFactory();
    private final CsvSchema semicolons = CsvSchema.emptySchema().withColumnSeparator(';').withoutQuoteChar();
    private final ObjectMapper json = new ObjectMapper();

    @Setup
    public void setUp() {
        files = Corpus.of(format).files();
        Set<String> ids = new HashSet<>();
        Corpus.spec().series().forEach(s -> ids.add(s.id()));
        reader = new FeedReader(ids, Long.MAX_VALUE);
    }

    @Benchmark
    public void parser(Blackhole bh) throws FeedException {
        for (SeasonGenerator.GeneratedFile f : files) {
            switch (format) {
                case ALKAMEL_RACE, ALKAMEL_WIDE -> bh.consume(new AlKamelCsvParser().parse(FeedText.decode(f.bytes()).text()));
                case SRO_HTML -> bh.consume(new SroHtmlParser().parse(FeedText.decode(f.bytes()).text()));
                case PODIUM_JSON -> bh.consume(CanonicalJson.read(f.bytes()));
                default -> throw new IllegalStateException(format.name());
            }
        }
    }

    @Benchmark
    public void raw(Blackhole bh) throws IOException {
        for (SeasonGenerator.GeneratedFile f : files) {
            switch (format) {
                case ALKAMEL_RACE, ALKAMEL_WIDE -> {
                    try (CsvParser p = (CsvParser) csv.createParser(f.bytes())) {
                        p.setSchema(semicolons);
                        p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
                        JsonToken t;
                        while ((t = p.nextToken()) != null) {
                            if (t == JsonToken.VALUE_STRING) bh.consume(p.getText());
                        }
                    }
                }
                case SRO_HTML -> bh.consume(Jsoup.parse(new ByteArrayInputStream(f.bytes()), "UTF-8", ""));
                case PODIUM_JSON -> bh.consume(json.readTree(f.bytes()));
                default -> throw new IllegalStateException(format.name());
            }
        }
    }

    @Benchmark
    public void reader(Blackhole bh) throws FeedException {
        for (SeasonGenerator.GeneratedFile f : files) bh.consume(reader.read(f.bytes(), f.path(), null));
    }
}
