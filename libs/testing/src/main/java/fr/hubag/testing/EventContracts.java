package fr.hubag.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event payloads against the JSON Schemas of {@code contracts/events} (on the test classpath through the
 * contracts module), found by their CloudEvents {@code ce_dataschema} id {@code urn:hubag:schema:<svc>:<Type>:<N>}.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

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

    public static JsonSchema schema(String dataSchema) {
        return SCHEMAS.computeIfAbsent(dataSchema, EventContracts::load);
    }

    private static JsonSchema load(String dataSchema) {
        String[] parts = dataSchema.split(":");
        if (parts.length != 6 || !dataSchema.startsWith("urn:hubag:schema:")) {
            throw new IllegalArgumentException("not a hub schema id: " + dataSchema);
        }
        String path = "contracts/events/" + parts[3] + "/" + parts[4] + ".v" + parts[5] + ".json";
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no schema " + path + " for " + dataSchema);
        }
        try (in) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
