package fr.hubag.sessions.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.EventContracts;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sessions service really publishes on {@code sessions.events} — through its relay, to a real broker —
 * validates against the JSON Schemas of contracts/events/sessions, with the CloudEvents headers.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class SessionEventsContractTest {

    @Test
    void everyPublishedEventMatchesItsSchemaAndCarriesItsHeaders() {
        String token = TestTokens.coordinator("GP");
        String began = LocalDateTime.now(ZoneId.of("America/Guadeloupe")).minusMinutes(30)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String id = schedule(token, workshop("GP", "2030-03-01T09:00", 1));
        UUID anne = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        as(token).body("{\"start\": \"" + began + "\", \"durationMinutes\": 60}")
                .post("/api/sessions/" + id + "/reschedule").then().statusCode(200);
        as(token).body(enrolment(anne)).post("/api/sessions/" + id + "/enrolments").then().statusCode(201);
        as(token).body(enrolment(bruno)).post("/api/sessions/" + id + "/enrolments").then().statusCode(201);
        as(token).delete("/api/sessions/" + id + "/enrolments/" + anne).then().statusCode(200);
        as(token).body("{\"participants\": [{\"beneficiaryId\": \"" + bruno + "\", \"attendance\": \"seen\", "
                + "\"autonomy\": \"autonome\"}], \"complete\": true}").post("/api/sessions/" + id + "/attendance")
                .then().statusCode(200);
        String other = schedule(token, workshop("GP", "2030-03-02T09:00", 5));
        String report = as(token).body(ActivityReportResourceTest.workshopReport("GP", "97105"))
                .post("/api/sessions/activity-reports").then().statusCode(201).extract().path("id");
        as(token).body("{\"reason\": \"intempéries\"}").post("/api/sessions/" + other + "/cancel")
                .then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> mine = TopicRecords.readUntil("sessions.events",
                        records -> records.stream().filter(r -> id.equals(r.key())).count() >= 9
                                && records.stream().anyMatch(r -> report.equals(r.key()))
                                && records.stream().anyMatch(r -> other.equals(r.key())
                                && "hubag.sessions.SessionCancelled".equals(
                                        CloudEventHeaders.get(r.headers(), "ce_type"))),
                        Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key()) || other.equals(r.key()) || report.equals(r.key())).toList();

        assertThat(mine.stream().filter(r -> id.equals(r.key())))
                .extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                .containsExactly("hubag.sessions.SessionScheduled", "hubag.sessions.SessionRescheduled",
                        "hubag.sessions.ParticipantEnrolled", "hubag.sessions.ParticipantWaitlisted",
                        "hubag.sessions.ParticipantWithdrew", "hubag.sessions.ParticipantPromoted",
                        "hubag.sessions.AttendanceRecorded", "hubag.sessions.SessionCompleted",
                        "hubag.sessions.ActivityRecorded");
        assertThat(mine.stream().filter(r -> report.equals(r.key())))
                .extracting(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                .containsExactly("hubag.sessions.ActivityRecorded");
        for (ConsumerRecord<String, byte[]> record : mine) {
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            String schema = CloudEventHeaders.get(record.headers(), "ce_dataschema");
            assertThat(EventContracts.validate(schema, payload)).as("%s against %s", payload, schema).isEmpty();
            assertThat(CloudEventHeaders.get(record.headers(), "ce_territory")).isEqualTo("GP");
            assertThat(CloudEventHeaders.get(record.headers(), "ce_source")).isEqualTo("/hubag/sessions");
        }
    }
}
