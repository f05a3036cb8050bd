package org.podium.outbox;

import org.podium.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a Podium JSON document against the JSON Schema its {@code "schema"} field names
 * ({@code podium.<kind>/1} → {@code src/main/resources/schema/<kind>.schema.json}).
 */
public final class OutboxSchemas {
    private OutboxSchemas() {}

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    /** The problems found, empty when the document is valid. */
    public static List<String> problems(Path file) {
        try {
            JsonNode doc = Json.MAPPER.readTree(file.toFile());
            String name = doc.path("schema").asText("");
            if (!name.matches("podium\\.[a-z-]+/\\d+")) return List.of(file + ": no podium schema field");
            String kind = name.substring("podium.".length(), name.indexOf('/'));
            JsonSchema schema = CACHE.computeIfAbsent(kind, OutboxSchemas::load);
            Set<ValidationMessage> errors = schema.validate(doc);
            return errors.stream().map(e -> file + ": " + e.getMessage()).sorted().toList();
        } catch (IOException e) {
            return List.of(file + ": not JSON: " + e.getMessage());
        }
    }

    private static JsonSchema load(String kind) {
        try (InputStream in = OutboxSchemas.class.getResourceAsStream("/schema/" + kind + ".schema.json")) {
            if (in == null) throw new IllegalStateException("no schema/" + kind + ".schema.json");
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
