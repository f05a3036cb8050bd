package org.podium.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The real sample files under src/test/resources/samples/, and small utilities for inline inputs. */
final class Samples {
    static final Set<String> SERIES = Set.of("alms", "gtwc-asia", "gtwc-europe");
    static final String ELMS_RACE = "alkamel/elms-race-classification.CSV";
    static final String ELMS_2014 = "alkamel/elms-2014-imola-race-classification.CSV";
    static final String WEC_WIDE = "alkamel/wec-session-classification-wide.CSV";
    static final String GRCUP_RESULTS = "alkamel/grcup-2025-indianapolis-race-2-results.CSV";
    static final String GRCUP_BY_CLASS = "alkamel/grcup-2025-indianapolis-race-2-results-by-class.CSV";
    static final String SRO_PAGE = "sro/gtwc-race-results.html";
    static final String PODIUM_JSON = "podium/session-result.json";

    private Samples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) throw new IllegalStateException("no sample " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        String s = new String(bytes(name), StandardCharsets.UTF_8);
        return s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
