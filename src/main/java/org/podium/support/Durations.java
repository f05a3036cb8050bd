package org.podium.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the configuration files write them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, or ISO-8601 ({@code PT30S}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {}

    /** @throws IllegalArgumentException when {@code text} is neither form */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            long x = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(x);
                case "s" -> Duration.ofSeconds(x);
                case "m" -> Duration.ofMinutes(x);
                default -> Duration.ofHours(x);
            };
        }
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + s);
        }
    }
}
