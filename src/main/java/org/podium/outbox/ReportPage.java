package org.podium.outbox;

import org.podium.support.Sha256;
import gg.jte.Content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human-readable report ({@code outbox/report/index.html}): one static page with inline CSS and inline
 * SVG, no scripts and nothing loaded from anywhere, made from the outbox's JSON documents and the feeds'
 * state. The markup is in the templates {@code src/main/jte/report/} (compiled with the code, every value
 * escaped); what they show is read out of the documents by {@link ReportView}.
 * The body depends only on its inputs; the page around it carries the generated time and the body's
 * SHA-256, so an unchanged report need not be rewritten.
 */
public final class ReportPage {
    private ReportPage() {}

    private static final String HASH_META = "podium-content-sha256";
    private static final Pattern HASH = Pattern.compile("<meta name=\"" + HASH_META + "\" content=\"([0-9a-f]{64})\">");

    /** The whole page. */
    public static String html(ReportInputs in, Instant generated) {
        String body = body(in);
        return document(body, Sha256.hex(body.getBytes(StandardCharsets.UTF_8)), generated);
    }

    /** The page around a body: head, style, the header with the generated time, the footer. */
    public static String document(String body, String bodySha256, Instant generated) {
        StringBuilder out = new StringBuilder(body.length() + 16 * 1024);
        try {
            page(bodySha256, generated, o -> o.writeContent(body), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the page around a body already rendered ({@link #body(ReportInputs, Appendable)}), which
     * {@code body} writes as it is.
     */
    static void page(String bodySha256, Instant generated, Content body, Appendable out) throws IOException {
        Templates.render("report/page.jte", Map.of("head", ReportView.head(bodySha256, generated), "body", body), out);
    }

    /** A body rendered into {@code file} (UTF-8), to be copied into the page as it is. */
    static Content bodyFrom(Path file) {
        return output -> {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                char[] buffer = new char[16 * 1024];
                for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) output.writeContent(new String(buffer, 0, n));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    /** The SHA-256 of the body of the report at {@code file}, or null when there is none. */
    public static String bodySha256(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            // the hash is in the head: the first few kilobytes, whatever the size of the page
            String head = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
            Matcher m = HASH.matcher(head);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Everything that depends on the inputs: the same inputs always give the same body. */
    public static String body(ReportInputs in) {
        StringBuilder out = new StringBuilder(64 * 1024);
        try {
            body(in, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the body to {@code out} as the template goes: the seasons' standings are read one season at a
     * time, so only one is in memory at once, however many the outbox holds.
     */
    public static void body(ReportInputs in, Appendable out) throws IOException {
        Templates.render("report/body.jte", ReportView.body(in), out);
    }
}
