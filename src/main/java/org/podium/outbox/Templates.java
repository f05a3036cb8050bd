package org.podium.outbox;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report's templates ({@code src/main/jte/}), compiled with the code: rendering needs no compiler and
 * reads no template file. HTML content type: every value a template outputs is escaped for where it
 * stands (text, attribute), unless the template says otherwise, which the report's templates never do.
 */
final class Templates {
    private Templates() {}

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template}, whose one parameter is {@code model}, into {@code out} as it goes. */
    static void render(String template, Object model, Appendable out) throws IOException {
        try {
            ENGINE.render(template, model, new AppendableOutput(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Renders {@code template} with its parameters by name into {@code out} as it goes. */
    static void render(String template, java.util.Map<String, Object> params, Appendable out) throws IOException {
        try {
            ENGINE.render(template, params, new AppendableOutput(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String render(String template, Object model) {
        StringOutput out = new StringOutput(8 * 1024);
        ENGINE.render(template, model, out);
        return out.toString();
    }

    private record AppendableOutput(Appendable out) implements TemplateOutput {
        @Override
        public void writeContent(String value) {
            try {
                out.append(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            try {
                out.append(value, beginIndex, endIndex);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
