package org.podium.feed;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.podium.model.SessionResult;

/**
 * Tells a feed file's format from its content, never from its name: Podium JSON (a {@code {} whose
 * {@code schema} is {@value SessionResult#SCHEMA}), an HTML page, or one of the Al Kamel CSV layouts
 * by the names in its header.
 */
public final class FormatDetector {
    static final String FEED_INDEX_SCHEMA = "podium.feed-index/1";
    private static final String EXPECTED = "expected Podium JSON, an SRO results HTML page or an Al Kamel CSV";
    private static final int HTML_SNIFF = 4096;

    /** A detected file with its decoded text. */
    record Sniffed(Detected detected, FeedText text) {}

    public Detected detect(byte[] raw) throws FeedException {
        return sniff(raw).detected();
    }

    Sniffed sniff(byte[] raw) throws FeedException {
        FeedText decoded = FeedText.decode(raw);
        String text = decoded.text();
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
        char first = text.charAt(start);
        FeedFormat format;
        if (first == '{') {
            requireSessionResultSchema(raw);
            format = FeedFormat.PODIUM_JSON;
        } else if (first == '<' && looksLikeHtml(text, start)) {
            format = FeedFormat.SRO_HTML;
        } else {
            format = csvLayout(text, start);
        }
        return new Sniffed(new Detected(format, decoded.charset()), decoded);
    }

    private static boolean looksLikeHtml(String text, int start) {
        String head = text.substring(start, Math.min(text.length(), start + HTML_SNIFF)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<table");
    }

    private static FeedFormat csvLayout(String text, int start) throws FeedException {
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        if (end - start > FeedLimits.MAX_LINE_CHARS) {
            int line = 1;
            for (int i = 0; i < start; i++) if (text.charAt(i) == '\n') line++;
            throw SemicolonRows.lineTooLong(line, end - start);
        }
        String firstLine = text.substring(start, end).strip();
        if (firstLine.indexOf(';') >= 0) {
            SemicolonRows rows = new SemicolonRows(firstLine);
            rows.next();
            FeedFormat layout = AlKamelCsvParser.layoutOf(CsvHeader.of(rows.fieldsCopy()));
            if (layout != null) return layout;
        }
        String shown = firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
        throw new FeedException(Problem.of("unknown format: the file is not Podium JSON, not an HTML page and not an Al Kamel CSV"
                        + " (its first line reads \"" + shown + "\")"),
                EXPECTED + " (an Al Kamel header names POSITION, NUMBER and drivers: " + AlKamelCsvParser.DRIVER_COLUMNS + ")");
    }

    /** The document must be a session result; a limit hit on the way names where it was hit. */
    private static void requireSessionResultSchema(byte[] raw) throws FeedException {
        try (JsonParser p = JsonInput.FACTORY.createParser(raw)) {
            try {
                findSchema(p);
            } catch (StreamConstraintsException e) {
                throw CanonicalJson.overLimit(e, p);
            }
        } catch (JsonProcessingException e) {
            throw notJson(CanonicalJson.describe(e));
        } catch (IOException e) {
            throw notJson(e.getMessage());
        }
    }

    /** Reads only as far as the top-level {@code schema} field. */
    private static void findSchema(JsonParser p) throws IOException, FeedException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw notJson("a JSON object was expected");
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("schema".equals(name)) {
                String schema = value == JsonToken.VALUE_STRING ? p.getText() : null;
                checkSchema(schema, value);
                return;
            }
            p.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) throw notJson("the JSON ends early");
        throw new FeedException(Problem.field("schema", "missing; a session result starts with \"schema\": \""
                + SessionResult.SCHEMA + "\""), "add the schema field, or drop a supported document");
    }

    static void checkSchema(String schema, JsonToken token) throws FeedException {
        if (SessionResult.SCHEMA.equals(schema)) return;
        if (FEED_INDEX_SCHEMA.equals(schema)) {
            throw new FeedException(Problem.field("schema", "this is a feed index (" + FEED_INDEX_SCHEMA
                    + "), not a session result"), "feed indexes belong in config/feeds.yaml; drop the documents it lists instead");
        }
        String found = schema != null ? "\"" + schema + "\"" : token == null ? "nothing" : "a " + token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        throw new FeedException(Problem.field("schema", "expected \"" + SessionResult.SCHEMA + "\", found " + found),
                "Podium reads session results of schema " + SessionResult.SCHEMA + " only");
    }

    private static FeedException notJson(String why) {
        return new FeedException(Problem.of("not valid JSON: " + why), "fix the JSON document (it starts with '{')");
    }
}
