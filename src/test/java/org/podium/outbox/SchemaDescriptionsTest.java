package org.podium.outbox;

import org.podium.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox contract is read from its JSON Schemas: every schema says what it is, and every property
 * of every schema, however deep, says what it means.
 */
class SchemaDescriptionsTest {

    static final Path SCHEMAS = Path.of("src/main/resources/schema");

    @Test
    void everySchemaAndEveryPropertyHasADescription() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCHEMAS)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("session-result.schema.json",
                "standings.schema.json", "combined.schema.json", "invitation-notice.schema.json",
                "outbox-index.schema.json", "rejection.schema.json");

        List<String> undescribed = new ArrayList<>();
        int properties = 0;
        for (Path f : files) {
            Walk walk = walk(Json.MAPPER.readTree(f.toFile()));
            walk.undescribed.forEach(p -> undescribed.add(f.getFileName() + " " + p));
            properties += walk.properties;
        }
        assertThat(undescribed).as("properties without a description").isEmpty();
        assertThat(properties).as("properties walked").isGreaterThan(200);
    }

    @Test
    void aPropertyWithoutADescriptionIsFoundWhereverItIs() throws IOException {
        JsonNode schema = Json.MAPPER.readTree("""
                {"description": "a document",
                 "properties": {
                   "a": {"description": "described", "type": "string"},
                   "b": {"type": "string"},
                   "c": {"description": "a list", "type": "array",
                         "items": {"properties": {"d": {"description": " ", "type": "integer"}}}},
                   "e": {"description": "either", "anyOf": [{"properties": {"f": {"type": "number"}}}]},
                   "g": {"description": "a map", "additionalProperties": {"properties": {"h": {}}}}
                 },
                 "$defs": {"x": {"properties": {"i": {"type": "string"}}}}}
                """);

        assertThat(walk(schema).undescribed).containsExactlyInAnyOrder(
                "/properties/b", "/properties/c/items/properties/d", "/properties/e/anyOf/0/properties/f",
                "/properties/g/additionalProperties/properties/h", "/$defs/x/properties/i");
        assertThat(walk(Json.MAPPER.readTree("{\"properties\": {}}")).undescribed).containsExactly("(the schema itself)");
    }

    /** What a walk found: the properties it saw and the JSON pointers of those without a description. */
    static final class Walk {
        final List<String> undescribed = new ArrayList<>();
        int properties;
    }

    static Walk walk(JsonNode schema) {
        Walk w = new Walk();
        if (!described(schema)) w.undescribed.add("(the schema itself)");
        visit(schema, "", w);
        return w;
    }

    private static boolean described(JsonNode node) {
        return node.path("description").isTextual() && !node.path("description").asText().isBlank();
    }

    /** Every place a JSON Schema holds subschemas. */
    private static void visit(JsonNode schema, String at, Walk w) {
        if (!schema.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String where = at + "/properties/" + p.getKey();
            w.properties++;
            if (!described(p.getValue())) w.undescribed.add(where);
            visit(p.getValue(), where, w);
        }
        for (String key : List.of("$defs", "definitions", "patternProperties", "dependentSchemas")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path(key).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> d = it.next();
                visit(d.getValue(), at + "/" + key + "/" + d.getKey(), w);
            }
        }
        for (String key : List.of("items", "additionalProperties", "contains", "not", "if", "then", "else",
                "unevaluatedItems", "unevaluatedProperties", "propertyNames")) {
            visit(schema.path(key), at + "/" + key, w);
        }
        for (String key : List.of("anyOf", "oneOf", "allOf", "prefixItems")) {
            JsonNode list = schema.path(key);
            for (int i = 0; i < list.size(); i++) visit(list.get(i), at + "/" + key + "/" + i, w);
        }
    }
}
