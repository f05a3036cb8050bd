package org.podium.combined;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.podium.championship.InputDocument;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The JSON building blocks the combined and notice documents share. Numbers are written as decimals
 * with the scale given (a score 1.500, not 1.5), so that a document reads as it is printed.
 */
public final class Json {
    /** Exact decimals: a BigDecimal keeps its scale in the tree. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(NODES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {}

    public static ObjectNode object() { return NODES.objectNode(); }

    /** Pretty-printed UTF-8, ending in a newline: the same tree always gives the same bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }

    /** Points as the series gives them: 146, 105.5. */
    public static BigDecimal points(double value) {
        return new BigDecimal(Scores.points(value));
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    public static ArrayNode integers(Collection<Integer> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** The documents a result was computed from: session, document name, SHA-256, status. */
    public static ArrayNode inputs(Collection<InputDocument> inputs) {
        ArrayNode a = NODES.arrayNode();
        for (InputDocument d : inputs) {
            ObjectNode o = a.addObject();
            o.put("sessionKey", d.sessionKey());
            o.put("event", d.event());
            o.put("session", d.session());
            o.put("type", d.type() == null ? null : d.type().name());
            o.put("document", d.document());
            o.put("version", d.version());
            o.put("sha256", d.sha256());
            o.put("status", d.status().name());
        }
        return a;
    }
}
