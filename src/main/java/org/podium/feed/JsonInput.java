package org.podium.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON settings for documents from outside: shallow nesting, bounded strings, names, numbers,
 * length and token count, no duplicate keys. A document over a limit fails as it is read, before a
 * tree of it is built.
 */
final class JsonInput {
    /** A session result nests five deep; anything far deeper is hostile. */
    static final int MAX_DEPTH = 32;
    /** The longest string a session result holds is a team or car name. */
    static final int MAX_STRING = 100_000;
    /** Field names of a session result are short words. */
    static final int MAX_NAME = 200;
    /** Digits of a number: lap counts and milliseconds have a dozen at most. */
    static final int MAX_NUMBER = 40;
    /** A full entry (three drivers, gaps, best lap) is about 80 tokens: room for {@link FeedLimits#MAX_ROWS} of them. */
    static final long MAX_TOKENS = 300_000;
    /** A session result of {@link FeedLimits#MAX_ROWS} pretty-printed entries is under 2 MB. */
    static final long MAX_DOCUMENT_BYTES = 8L * 1024 * 1024;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(MAX_NUMBER)
                    .maxTokenCount(MAX_TOKENS)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A shared table of field names costs more with every distinct name: hundreds of thousands
            // of made-up keys take seconds to intern. A session result repeats a few dozen short names.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private JsonInput() {}
}
