package fr.hubag.actors.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvents;
import fr.hubag.domain.EventCatalogue;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event records of {@code fr.hubag.contracts.actors} and the JSON Schemas of contracts/events/actors say the same
 * thing, both ways: every example of every schema version reads into its record (older versions through the
 * catalogue's upcasts), and every record written back is valid under the current schema and is the example again
 * (records write every key: an absent optional key of an example is a null, or an empty list, once written).
 */
class ActorEventRecordsTest {

    private static final EventCodec<ActorEvent> CODEC = ActorStreams.CODEC;

    @Test
    void theCatalogueKnowsEverySchemaVersionAndNoneIsNewer() {
        for (EventCatalogue.Current<? extends ActorEvent> event : ActorEvents.CATALOGUE.events()) {
            for (int version = 1; version <= event.version(); version++) {
                assertThat(resource(schemaPath(event.type(), version))).as(event.type() + " v" + version).isNotNull();
            }
            assertThat(resource(schemaPath(event.type(), event.version() + 1)))
                    .as("a schema newer than the record of " + event.type()).isNull();
        }
    }

    @Test
    void everyExampleReadsIntoItsRecordAndIsWrittenBackValidAndUnchanged() throws IOException {
        for (EventCatalogue.Current<? extends ActorEvent> event : ActorEvents.CATALOGUE.events()) {
            for (int version = 1; version <= event.version(); version++) {
                for (JsonNode example : examples(event.type(), version)) {
                    ActorEvent record = CODEC.decode(event.type(), version, example.toString());
                    assertThat(record).as("%s v%d", event.type(), version).isInstanceOf(event.javaType());

                    String written = CODEC.encode(record);
                    assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("actors", event.type(),
                            event.version()), written)).as("%s written back: %s", event.type(), written).isEmpty();
                    if (version == event.version()) {
                        assertThat(withoutEmpties(EventCodec.JSON.readTree(written))).as("%s round trip", event.type())
                                .isEqualTo(withoutEmpties(example));
                    }
                }
            }
        }
    }

    private static JsonNode examples(String type, int version) throws IOException {
        try (InputStream in = resource("contracts/events/actors/examples/" + type + ".v" + version + ".json")
                .openStream()) {
            JsonNode examples = EventCodec.JSON.readTree(in);
            assertThat(examples.isEmpty()).as("examples of " + type + " v" + version).isFalse();
            return examples;
        }
    }

    /** The JSON with its null values and empty lists left out, at every depth, and instants in one spelling. */
    private static JsonNode withoutEmpties(JsonNode json) {
        JsonNode copy = json.deepCopy();
        prune(copy);
        return copy;
    }

    private static void prune(JsonNode json) {
        if (json instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull() || e.getValue().isArray() && e.getValue().isEmpty());
            if (object.get("occurredAt") != null) {
                object.put("occurredAt", Instant.parse(object.get("occurredAt").asText()).toString());
            }
        }
        json.forEach(ActorEventRecordsTest::prune);
    }

    private static String schemaPath(String type, int version) {
        return "contracts/events/actors/" + type + ".v" + version + ".json";
    }

    private static java.net.URL resource(String path) {
        return Thread.currentThread().getContextClassLoader().getResource(path);
    }
}
