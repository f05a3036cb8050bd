package org.podium.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a YAML configuration file that knows its file and key path, so that every problem found
 * while reading it names the file, the key and the cause. Public so that every configuration file
 * (series rules, adjustments, invitations, aliases) reports problems the same way.
 */
public final class ConfigNode {
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final String file;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    public static ConfigNode read(Path file) {
        String name = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new ConfigException(name, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    public static ConfigNode parse(String yaml, String file) {
        try {
            strictBooleans(yaml, file);
            JsonNode root = YAML.readTree(yaml);
            return new ConfigNode(file, "", root);
        } catch (JsonProcessingException e) {
            throw ConfigException.notYaml(file, e);
        }
    }

    /**
     * YAML 1.1 reads yes, no, on, off, y and n as booleans: {@code enabled: yes} would pass unnoticed and
     * {@code country: NO} would become false. A configuration file says true or false, nothing else.
     */
    public static void strictBooleans(String yaml, String file) throws JsonProcessingException {
        try (com.fasterxml.jackson.core.JsonParser p = YAML.getFactory().createParser(yaml)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != com.fasterxml.jackson.core.JsonToken.VALUE_TRUE && t != com.fasterxml.jackson.core.JsonToken.VALUE_FALSE) continue;
                String written = p.getText();
                if (written.equalsIgnoreCase("true") || written.equalsIgnoreCase("false")) continue;
                var at = p.currentTokenLocation();
                String key = p.currentName();
                throw new ConfigException(file, key == null ? "" : key, "line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": " + written + " is not a value here: write true or false (or \"" + written + "\" in quotes for the text)");
            }
        } catch (java.io.IOException e) {
            if (e instanceof JsonProcessingException j) throw j;
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String file() { return file; }

    public String path() { return path; }

    public boolean missing() { return node.isMissingNode() || node.isNull(); }

    public ConfigNode get(String key) {
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    public ConfigException fail(String problem) { return new ConfigException(file, path, problem); }

    /** The value as the file wrote it, for "was …" in messages. */
    public String was() {
        if (missing()) return "nothing";
        if (node.isTextual()) return "\"" + node.textValue() + "\"";
        return node.toString();
    }

    public ConfigNode required() {
        if (missing()) throw fail("is required");
        return this;
    }

    /** Rejects keys a reader does not know: a misspelt key must not be silently ignored. */
    public ConfigNode onlyKeys(String... allowed) {
        requireMap();
        Set<String> known = new LinkedHashSet<>(List.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw get(key).fail("unknown key (expected one of: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    public boolean isMap() { return node.isObject(); }

    public ConfigNode requireMap() {
        required();
        if (!node.isObject()) throw fail("must be a mapping of keys to values, was " + was());
        return this;
    }

    public List<Map.Entry<String, ConfigNode>> entries() {
        requireMap();
        List<Map.Entry<String, ConfigNode>> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> out.add(Map.entry(k, get(k))));
        return out;
    }

    public List<ConfigNode> list() {
        required();
        if (!node.isArray()) throw fail("must be a list, was " + was());
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
        return out;
    }

    /** A list, or an empty list where the key is absent. */
    public List<ConfigNode> listOrEmpty() { return missing() ? List.of() : list(); }

    public String text() {
        required();
        if (!node.isValueNode() || node.isBoolean()) throw fail("must be a text value, was " + was());
        String s = node.asText().strip();
        if (s.isEmpty()) throw fail("must not be empty");
        return s;
    }

    /** Text that must be written as text: a car number such as 007 would lose its zeros as a YAML number. */
    public String quotedText(String why) {
        required();
        if (!node.isTextual()) throw fail("must be a quoted string (" + why + "), was " + was());
        return text();
    }

    public String textOrNull() { return missing() ? null : text(); }

    public double number(double min, double max) {
        required();
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw fail("must be a number " + range(min, max) + ", was " + was());
        }
        return node.asDouble();
    }

    public double numberOr(double fallback, double min, double max) { return missing() ? fallback : number(min, max); }

    public int integer(int min) {
        required();
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min) {
            throw fail("must be a whole number ≥ " + min + ", was " + was());
        }
        return node.asInt();
    }

    public Integer integerOrNull(int min) { return missing() ? null : integer(min); }

    public boolean bool() {
        required();
        if (!node.isBoolean()) throw fail("must be true or false, was " + was());
        return node.booleanValue();
    }

    public boolean boolOr(boolean fallback) { return missing() ? fallback : bool(); }

    public Duration durationOrNull() {
        if (missing()) return null;
        String s = text();
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || d.isZero()) throw fail("must be a positive duration, was " + was());
            return d;
        } catch (DateTimeParseException e) {
            throw fail("must be an ISO-8601 duration such as PT4H or PT1H30M, was " + was());
        }
    }

    /** An ISO date such as 2023-04-23, null when missing. */
    public java.time.LocalDate dateOrNull() {
        if (missing()) return null;
        try {
            return java.time.LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw fail("must be a date written YYYY-MM-DD, such as 2023-04-23, was " + was());
        }
    }

    private static String range(double min, double max) {
        if (max == Double.MAX_VALUE) return "≥ " + fmt(min);
        return "from " + fmt(min) + " to " + fmt(max);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
