package fr.hubag.sessions.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.hubag.contracts.sessions.BeneficiaryEvents;
import fr.hubag.contracts.sessions.ReferralEvents;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvents;
import fr.hubag.domain.EventCatalogue;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event records of {@code fr.hubag.contracts.sessions} and the JSON Schemas of contracts/events/sessions say the
 * same thing, both ways (every example reads into its record and is written back valid and unchanged); the schemas
 * refuse what the rules forbid; and the AsyncAPI document lists every one of them on {@code sessions.events}.
 */
class SessionEventRecordsTest {

    private static final EventCodec<SessionEvent> CODEC = SessionStreams.CODEC;

    @Test
    void everyExampleReadsIntoItsRecordAndIsWrittenBackValidAndUnchanged() throws IOException {
        roundTrips(SessionEvents.CATALOGUE, CODEC);
        roundTrips(BeneficiaryEvents.CATALOGUE, BeneficiaryStreams.CODEC);
        roundTrips(ReferralEvents.CATALOGUE, ReferralStreams.CODEC);
    }

    private static <E> void roundTrips(EventCatalogue<E> catalogue, EventCodec<E> codec) throws IOException {
        for (EventCatalogue.Current<? extends E> event : catalogue.events()) {
            assertThat(resource(schemaPath(event.type(), event.version() + 1))).as("newer schema").isNull();
            for (JsonNode example : EventContracts.examples("sessions", event.type(), event.version())) {
                String schema = CloudEventHeaders.dataSchema("sessions", event.type(), event.version());
                assertThat(EventContracts.validate(schema, example.toString())).as("%s example", event.type())
                        .isEmpty();
                E record = codec.decode(event.type(), event.version(), example.toString());
                assertThat(record).isInstanceOf(event.javaType());

                String written = codec.encode(record);
                assertThat(EventContracts.validate(schema, written)).as("%s written: %s", event.type(), written)
                        .isEmpty();
                assertThat(EventContracts.comparable(EventCodec.JSON.readTree(written), "occurredAt", "startsAt")).as("%s round trip", event.type())
                        .isEqualTo(EventContracts.comparable(example, "occurredAt", "startsAt"));
            }
        }
    }

    @Test
    void theSchemasRefuseWhatTheRulesForbid() throws IOException {
        refused("SessionScheduled", p -> p.put("zone", "America/Martinique"), "/zone");
        refused("SessionScheduled", p -> p.put("themes", "email"), "/themes");
        refused("SessionScheduled", p -> p.putArray("themes").add("cuisine"), "/themes/0");
        refused("SessionScheduled", p -> p.put("type", "individuel"), "/capacity");
        refused("SessionScheduled", p -> ((ObjectNode) p.get("venue")).putNull("actorId"), "/venue/actorId");
        refused("SessionScheduled", p -> p.put("localStart", "2026-12-01T09:00:00-03:00"), "/localStart");
        refused("AttendanceRecorded", p -> p.put("attendance", "present"), "/attendance");
        refused("AttendanceRecorded", p -> p.put("autonomy", "autonomous"), "/autonomy");
        refused("AttendanceRecorded", p -> p.put("name", "Marie"), "name");
        refused("ParticipantWaitlisted", p -> p.put("position", 0), "/position");
        refused("ActivityRecorded", p -> p.put("notes", "Mme Marie Dupont, 0694 12 34 56"), "notes");
        refused("ActivityRecorded", p -> p.putArray("equipment").add("smartphone"), "/equipment/0");
        refused("ActivityRecorded", p -> ((ObjectNode) p.get("anonymous")).put("total", 2), "/anonymous/total");
        refused("ActivityRecorded", p -> ((ObjectNode) p.get("anonymous").get("genders")).put("homme", 1),
                "/anonymous/genders");
        refused("ActivityRecorded", p -> ((ObjectNode) p.get("place")).put("communeInseeCode", "97209"),
                "/place/communeInseeCode");
        refused("ActivityRecorded", p -> p.put("type", "collectif"), "/title");
        // beneficiaries: coarse attributes only, never personal data
        refused("BeneficiaryRegistered", p -> p.put("name", "Marie"), "name");
        refused("BeneficiaryRegistered", p -> p.put("birthYear", 1980), "birthYear");
        refused("BeneficiaryRegistered", p -> p.put("ageBand", "45"), "/ageBand");
        // referrals: no partner file number, no free text, coded reasons
        refused("ReferralSubmitted", p -> p.put("franceTravailNumber", "4417325X"), "franceTravailNumber");
        refused("ReferralRefused", p -> p.put("reason", "la personne a déménagé"), "/reason");
        refused("ReferralOutcomeRecorded", p -> p.putNull("redirectedTo"), "/redirectedTo");
        refused("BeneficiaryRegistered", p -> p.put("communeInseeCode", "75056"), "/communeInseeCode");
        refused("ConsentRecorded", p -> p.put("purpose", "marketing"), "/purpose");
        refused("BeneficiaryErased", p -> p.put("email", "a@b.fr"), "email");
    }

    @Test
    void theAsyncApiDocumentListsEveryEventOnSessionsEvents() throws IOException {
        String asyncApi;
        try (InputStream in = resource("contracts/asyncapi/asyncapi.yaml").openStream()) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<EventCatalogue.Current<?>> events = new ArrayList<>(SessionEvents.CATALOGUE.events());
        events.addAll(BeneficiaryEvents.CATALOGUE.events());
        events.addAll(ReferralEvents.CATALOGUE.events());
        for (EventCatalogue.Current<?> event : events) {
            assertThat(asyncApi).contains("$ref: '../events/sessions/" + event.type() + ".v1.json'")
                    .contains("ce_dataschema urn:hubag:schema:sessions:" + event.type() + ":1'")
                    .contains("      " + event.type() + ":\n        $ref: '#/components/messages/" + event.type());
        }
    }

    private static void refused(String type, java.util.function.Consumer<ObjectNode> breakIt, String mentioned)
            throws IOException {
        ObjectNode payload = (ObjectNode) EventContracts.examples("sessions", type, 1).get(0).deepCopy();
        breakIt.accept(payload);
        var errors = EventContracts.validate(CloudEventHeaders.dataSchema("sessions", type, 1), payload.toString());
        assertThat(errors).as("%s broken: %s", type, payload).isNotEmpty();
        assertThat(errors.toString()).contains(mentioned);
    }

    private static String schemaPath(String type, int version) {
        return "contracts/events/sessions/" + type + ".v" + version + ".json";
    }

    private static URL resource(String path) {
        return Thread.currentThread().getContextClassLoader().getResource(path);
    }
}
