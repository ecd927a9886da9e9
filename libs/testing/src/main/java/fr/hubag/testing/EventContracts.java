package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against the JSON Schemas of {@code contracts/events} (on the test classpath through the
 * contracts module), found by their CloudEvents {@code ce_dataschema} id {@code urn:hubag:schema:<svc>:<Type>:<N>}.
 * Schemas share pieces with {@code $ref} to unversioned ids ({@code urn:hubag:schema:actors:Place}); the validator
 * cannot open {@code urn:} addresses itself, so every hub id is resolved here to its file on the classpath.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final String PREFIX = "urn:hubag:schema:";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(EventContracts::fromClasspath)));

    private EventContracts() {}

    /** @return the validation errors, empty if the payload conforms */
    public static Set<ValidationMessage> validate(String dataSchema, String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return schema(dataSchema).validate(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + payload, e);
        }
    }

    /** The examples of one event type and schema version: {@code contracts/events/<domain>/examples/<Type>.v<N>.json}. */
    public static JsonNode examples(String domain, String type, int version) {
        String path = "contracts/events/" + domain + "/examples/" + type + ".v" + version + ".json";
        URL url = Thread.currentThread().getContextClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("no examples " + path);
        }
        try (var in = url.openStream()) {
            JsonNode examples = JSON.readTree(in);
            if (examples.isEmpty()) {
                throw new IllegalStateException("no example in " + path);
            }
            return examples;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /**
     * A payload as a round trip through the event records compares it: null values and empty lists left out at
     * every depth (a record writes what an example may omit), and the named instant fields in one spelling.
     */
    public static JsonNode comparable(JsonNode json, String... instantFields) {
        JsonNode copy = json.deepCopy();
        prune(copy, instantFields);
        return copy;
    }

    private static void prune(JsonNode json, String[] instantFields) {
        if (json instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull() || e.getValue().isArray() && e.getValue().isEmpty());
            for (String field : instantFields) {
                if (object.get(field) != null) {
                    object.put(field, Instant.parse(object.get(field).asText()).toString());
                }
            }
        }
        json.forEach(child -> prune(child, instantFields));
    }

    public static JsonSchema schema(String dataSchema) {
        return SCHEMAS.computeIfAbsent(dataSchema, EventContracts::load);
    }

    private static JsonSchema load(String dataSchema) {
        if (dataSchema.split(":").length != 6 || !dataSchema.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a hub schema id: " + dataSchema);
        }
        if (resource(dataSchema) == null) {
            throw new IllegalStateException("no schema " + path(dataSchema) + " for " + dataSchema);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(SchemaLocation.of(dataSchema), config);
    }

    /**
     * The classpath file of a hub schema id: {@code urn:hubag:schema:<svc>:<Type>:<N>} is
     * {@code contracts/events/<svc>/<Type>.v<N>.json}, and a shared piece {@code urn:hubag:schema:<svc>:<Name>} is
     * {@code contracts/events/<svc>/<Name>.json}.
     */
    static String path(String id) {
        int fragment = id.indexOf('#');
        String[] parts = (fragment < 0 ? id : id.substring(0, fragment)).split(":");
        if (!id.startsWith(PREFIX) || parts.length < 5 || parts.length > 6) {
            return null;
        }
        String version = parts.length == 6 ? ".v" + parts[5] : "";
        return "contracts/events/" + parts[3] + "/" + parts[4] + version + ".json";
    }

    private static URL resource(String id) {
        String path = path(id);
        return path == null ? null : Thread.currentThread().getContextClassLoader().getResource(path);
    }

    private static InputStreamSource fromClasspath(AbsoluteIri iri) {
        URL url = resource(iri.toString());
        if (url == null) {
            return null; // not a hub id, or no such file: the validator reports the unresolved reference
        }
        return url::openStream;
    }
}
