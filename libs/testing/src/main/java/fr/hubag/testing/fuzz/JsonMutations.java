package fr.hubag.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Ways to break one member of a JSON body that every write endpoint must refuse, whatever the field means: the
 * wrong JSON type, text a person cannot have typed (control characters, a lone surrogate, more than the declared
 * maximum length), an impossible or out-of-range date, an id that is not an id, a number no field can hold, a
 * value outside the declared vocabulary, a required member missing or null. Each mutation is derived from the
 * member's value in a valid example body and from its schema, so a field added later is mutated too.
 */
final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int DEFAULT_MAX_LENGTH = 10_000;

    /** A named replacement of one member's value; {@code null} from {@code apply} removes the member. */
    record Mutation(String what, UnaryOperator<JsonNode> apply) {}

    private JsonMutations() {}

    /** The mutations of one member, given its valid value, its schema (may be empty) and whether it is required. */
    static List<Mutation> of(JsonNode value, JsonNode schema, boolean required) {
        List<Mutation> out = new ArrayList<>();
        if (required) {
            out.add(new Mutation("missing", v -> null));
            out.add(new Mutation("null", v -> NODES.nullNode()));
        }
        if (value.isTextual()) {
            text(value.asText(), schema, out);
        } else if (value.isNumber()) {
            out.add(constant("a word for a number", NODES.textNode("twelve")));
            out.add(constant("true for a number", NODES.booleanNode(true)));
            out.add(constant("an object for a number", NODES.objectNode()));
            out.add(constant("1e999", NODES.numberNode(new BigDecimal("1e999"))));
            out.add(constant("-1e999", NODES.numberNode(new BigDecimal("-1e999"))));
            out.add(constant("1e-999999", NODES.numberNode(new BigDecimal("1e-999999"))));
            out.add(constant("\"NaN\"", NODES.textNode("NaN")));
        } else if (value.isBoolean()) {
            out.add(constant("a word for a boolean", NODES.textNode("notabool")));
            out.add(constant("2 for a boolean", NODES.numberNode(2)));
            out.add(constant("an array for a boolean", NODES.arrayNode()));
        } else if (value.isArray()) {
            out.add(constant("a text for an array", NODES.textNode("x")));
            out.add(constant("an object for an array", NODES.objectNode()));
            out.add(constant("a number for an array", NODES.numberNode(12)));
            ArrayNode withNull = NODES.arrayNode().addNull();
            out.add(constant("a null item", withNull));
            if (!value.isEmpty()) {
                JsonNode itemSchema = schema.path("items");
                for (Mutation item : of(value.get(0), itemSchema, false)) {
                    out.add(new Mutation("first item: " + item.what(), v -> {
                        ArrayNode copy = ((ArrayNode) v).deepCopy();
                        JsonNode replaced = item.apply().apply(copy.get(0));
                        if (replaced == null) {
                            copy.remove(0);
                            return copy.isEmpty() ? NODES.textNode("") : copy;
                        }
                        copy.set(0, replaced);
                        return copy;
                    }));
                }
            }
        } else if (value.isObject()) {
            out.add(constant("a text for an object", NODES.textNode("x")));
            out.add(constant("a number for an object", NODES.numberNode(12)));
            out.add(constant("an array for an object", NODES.arrayNode()));
        }
        return out;
    }

    private static void text(String valid, JsonNode schema, List<Mutation> out) {
        out.add(constant("a number for a text", NODES.numberNode(12)));
        out.add(constant("true for a text", NODES.booleanNode(true)));
        out.add(constant("an object for a text", NODES.objectNode().put("a", "b")));
        out.add(constant("an array for a text", NODES.arrayNode().add(valid)));
        out.add(constant("a NUL character", NODES.textNode(valid + "\u0000")));
        out.add(constant("a control character", NODES.textNode("\u0007" + valid)));
        out.add(constant("a lone surrogate", NODES.textNode(valid + "\ud800")));
        int max = schema.path("maxLength").asInt(DEFAULT_MAX_LENGTH);
        out.add(constant("longer than " + max, NODES.textNode("x".repeat(max + 1))));
        if (DATE.matcher(valid).matches() || "date".equals(schema.path("format").asText())) {
            for (String date : new String[]{"2026-13-45", "+6000000-01-01", "-999999999-01-01", "+999999999-12-31",
                    "1850-01-01", "01/02/2026", "2026-02-30"}) {
                out.add(constant("the date " + date, NODES.textNode(date)));
            }
        }
        if (UUID.matcher(valid).matches() || "uuid".equals(schema.path("format").asText())) {
            out.add(constant("an id that is not a UUID", NODES.textNode("not-a-uuid")));
            out.add(constant("an id with a path", NODES.textNode("../../" + valid)));
        }
        if (schema.has("enum")) {
            out.add(constant("a value outside the vocabulary", NODES.textNode("NOT_A_CODE")));
        }
    }

    private static Mutation constant(String what, JsonNode replacement) {
        return new Mutation(what, v -> replacement);
    }

    /** A copy of {@code body} with the member at {@code path} (object keys) replaced, or removed if null. */
    static JsonNode replace(JsonNode body, List<String> path, UnaryOperator<JsonNode> mutation) {
        JsonNode copy = body.deepCopy();
        ObjectNode parent = (ObjectNode) copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = (ObjectNode) parent.get(path.get(i));
        }
        String key = path.get(path.size() - 1);
        JsonNode replaced = mutation.apply(parent.get(key));
        if (replaced == null) {
            parent.remove(key);
        } else {
            parent.set(key, replaced);
        }
        return copy;
    }
}
