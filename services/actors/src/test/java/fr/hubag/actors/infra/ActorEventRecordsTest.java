package fr.hubag.actors.infra;

import com.fasterxml.jackson.databind.JsonNode;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvents;
import fr.hubag.domain.EventCatalogue;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.io.IOException;

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
                for (JsonNode example : EventContracts.examples("actors", event.type(), version)) {
                    ActorEvent record = CODEC.decode(event.type(), version, example.toString());
                    assertThat(record).as("%s v%d", event.type(), version).isInstanceOf(event.javaType());

                    String written = CODEC.encode(record);
                    assertThat(EventContracts.validate(CloudEventHeaders.dataSchema("actors", event.type(),
                            event.version()), written)).as("%s written back: %s", event.type(), written).isEmpty();
                    if (version == event.version()) {
                        assertThat(EventContracts.comparable(EventCodec.JSON.readTree(written), "occurredAt")).as("%s round trip", event.type())
                                .isEqualTo(EventContracts.comparable(example, "occurredAt"));
                    }
                }
            }
        }
    }

    private static String schemaPath(String type, int version) {
        return "contracts/events/actors/" + type + ".v" + version + ".json";
    }

    private static java.net.URL resource(String path) {
        return Thread.currentThread().getContextClassLoader().getResource(path);
    }
}
