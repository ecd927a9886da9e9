package fr.hubag.sessions.api;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.TestTokens;
import fr.hubag.testing.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static fr.hubag.sessions.api.BeneficiariesTestSupport.BENEFICIARIES;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.person;
import static fr.hubag.sessions.api.BeneficiariesTestSupport.registration;
import static fr.hubag.sessions.api.SessionsTestSupport.as;
import static fr.hubag.sessions.api.SessionsTestSupport.enrolment;
import static fr.hubag.sessions.api.SessionsTestSupport.schedule;
import static fr.hubag.sessions.api.SessionsTestSupport.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The erasure guarantee of issue 11, checked where the data could have gone: a person with a distinctive name, phone
 * and e-mail is registered (with an Idempotency-Key, retried), enrolled in a workshop, given and withdrawn consents,
 * has their data replaced, is named in refused requests, and is logged about; then erased. Every table of the
 * sessions database (the kernel's es_* tables included: events, stored idempotent answers, parked events) read raw,
 * every record of {@code sessions.events} read by a plain consumer (key, value, headers) and every log line the
 * service wrote during the test hold none of the name, phones or e-mail in clear, in any case.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
class BeneficiaryErasureTest {

    private static final String NAME = "Zéphirine Quillardet-Moutou";
    private static final String PHONE = "+594 694 31 41 59";
    private static final String NEW_PHONE = "+594 694 27 18 28";
    private static final String EMAIL = "zephirine.quillardet@exemple-guyane.fr";
    /** What must appear nowhere, lower-cased: the name and its rarest word, the phones with and without spaces. */
    private static final List<String> NEEDLES = List.of(NAME.toLowerCase(Locale.ROOT), "quillardet",
            PHONE, PHONE.replace(" ", ""), "694 31 41 59", NEW_PHONE, NEW_PHONE.replace(" ", ""), EMAIL);

    @Inject
    Pool pool;

    @Test
    void afterErasureNoTableTopicOrLogLineHoldsTheNamePhoneOrEmailInClear() {
        List<String> logLines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) {
                synchronized (logLines) {
                    logLines.add(record.getLoggerName() + " " + record.getMessage() + " "
                            + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
                }
            }
            @Override public void flush() {}
            @Override public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String id = exerciseThenErase();
            awaitPublished(id);
            assertThat(logLines.stream().anyMatch(line -> line.contains(id))).as("the service logged about the id")
                    .isTrue();
        } finally {
            root.removeHandler(capture);
        }

        Map<String, String> tables = rawTables();
        assertThat(tables).containsKeys("es_events", "es_streams", "es_idempotency_keys", "es_parked_events",
                "beneficiary_keys", "beneficiary_personal_data", "activity_report_notes");
        tables.forEach((table, dump) -> assertNoneIn("table " + table, dump));
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil("sessions.events", r -> false,
                Duration.ofSeconds(3));
        assertThat(records).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertNoneIn("record " + record.offset() + " of sessions.events", raw(record));
        }
        synchronized (logLines) {
            assertThat(logLines).isNotEmpty();
            logLines.forEach(line -> assertNoneIn("log line", line));
        }
    }

    /** Everything a person's data could go through, then the erasure; returns their pseudonymous id. */
    private String exerciseThenErase() {
        String mediator = TestTokens.forSubject("mediator-" + UUID.randomUUID(), "mediator", "GF");
        String coordinator = TestTokens.forSubject("coordinator-" + UUID.randomUUID(), "coordinator", "GF");
        String body = registration("GF", "97302", person(NAME, PHONE, EMAIL));
        String key = "register-" + UUID.randomUUID();
        String id = as(coordinator).header("Idempotency-Key", key).body(body).post(BENEFICIARIES).then()
                .statusCode(201).extract().path("id");
        as(coordinator).header("Idempotency-Key", key).body(body).post(BENEFICIARIES).then().statusCode(201)
                .body("id", equalTo(id));
        // refused requests that carry the person: a 400 naming fields, a 422 after the vault was written, a 403
        as(coordinator).body(body.replace("\"" + EMAIL + "\"", "\"" + NAME + "\"")).post(BENEFICIARIES).then()
                .statusCode(400);
        as(coordinator).body(registration("GF", "97209", person(NAME, PHONE, EMAIL))).post(BENEFICIARIES).then()
                .statusCode(422);
        as(coordinator).header("Idempotency-Key", key).body(body.replace("97302", "97311")).post(BENEFICIARIES)
                .then().statusCode(422);
        as(mediator).body(body).post(BENEFICIARIES).then().statusCode(403);

        String session = schedule(coordinator, workshop("GF", "2030-05-04T09:00", 10));
        as(coordinator).body(enrolment(UUID.fromString(id))).post("/api/sessions/" + session + "/enrolments")
                .then().statusCode(201);
        as(coordinator).header("Idempotency-Key", "consent-" + UUID.randomUUID())
                .body("{\"purpose\": \"retour_prescripteur\", \"givenOn\": \"2026-11-28\"}")
                .post(BENEFICIARIES + "/" + id + "/consents").then().statusCode(200);
        as(coordinator).delete(BENEFICIARIES + "/" + id + "/consents/retour_prescripteur").then().statusCode(200);
        as(coordinator).body(person(NAME, NEW_PHONE, EMAIL)).put(BENEFICIARIES + "/" + id + "/personal-data")
                .then().statusCode(200);
        as(coordinator).get(BENEFICIARIES + "/" + id).then().statusCode(200)
                .body("personalData.name", equalTo(NAME)).body("personalData.phone", equalTo(NEW_PHONE));

        // an accompaniment whose notes name the person: kept sealed with their key, read back, never in the answer
        String notes = "RDV avec " + NAME + ", rappeler au " + PHONE;
        String report = ActivityReportResourceTest.individualReport("GF", "97302", UUID.fromString(id))
                .replace("\"mediatorId\"", "\"notes\": \"" + notes + "\", \"mediatorId\"");
        String reportId = as(coordinator).header("Idempotency-Key", "report-" + UUID.randomUUID()).body(report)
                .post("/api/sessions/activity-reports").then().statusCode(201).body("notes", nullValue())
                .extract().path("id");
        as(coordinator).get("/api/sessions/activity-reports/" + reportId).then().statusCode(200)
                .body("notes", equalTo(notes)).header("Cache-Control", "no-store");
        as(TestTokens.of("analyst", "GF")).get("/api/sessions/activity-reports/" + reportId).then().statusCode(403);

        as(coordinator).header("Idempotency-Key", "erase-" + UUID.randomUUID()).delete(BENEFICIARIES + "/" + id)
                .then().statusCode(200).body("status", equalTo("erased"));
        as(coordinator).delete(BENEFICIARIES + "/" + id).then().statusCode(200);
        as(coordinator).get(BENEFICIARIES + "/" + id).then().statusCode(200).body("personalData", nullValue());
        as(coordinator).get("/api/sessions/" + session).then().statusCode(200)
                .body("seatsLeft", equalTo(9)); // the pseudonymous history and the counts remain
        as(coordinator).get("/api/sessions/activity-reports/" + reportId).then().statusCode(200)
                .body("notes", nullValue()).body("participants[0].beneficiaryId", equalTo(id));
        return id;
    }

    private static void awaitPublished(String id) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil("sessions.events",
                read -> read.stream().anyMatch(r -> id.equals(r.key())
                        && "hubag.sessions.BeneficiaryErased".equals(CloudEventHeaders.get(r.headers(), "ce_type"))),
                Duration.ofSeconds(20));
        assertThat(records).as("BeneficiaryErased published").anyMatch(r -> id.equals(r.key())
                && "hubag.sessions.BeneficiaryErased".equals(CloudEventHeaders.get(r.headers(), "ce_type")));
    }

    /** Every base table of the database, each row as text and each column's value (bytea decoded as UTF-8). */
    private Map<String, String> rawTables() {
        Map<String, String> dumps = new TreeMap<>();
        for (Row table : pool.query("SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")
                .execute().await().indefinitely()) {
            String name = table.getString(0) + "." + table.getString(1);
            StringBuilder dump = new StringBuilder();
            for (Row row : pool.query("SELECT t::text, t.* FROM " + name + " t").execute().await().indefinitely()) {
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.getValue(i);
                    dump.append(value instanceof Buffer bytes ? bytes.toString(StandardCharsets.UTF_8)
                            : value instanceof io.vertx.mutiny.core.buffer.Buffer bytes
                            ? bytes.toString(StandardCharsets.UTF_8) : String.valueOf(value)).append('\t');
                }
                dump.append('\n');
            }
            dumps.put(table.getString(1), dump.toString());
        }
        return dumps;
    }

    private static String raw(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n');
        text.append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)).append('\n');
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.toString();
    }

    private static void assertNoneIn(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : NEEDLES) {
            assertThat(lower).as("%s holds %s", where, needle).doesNotContain(needle.toLowerCase(Locale.ROOT));
        }
    }
}
