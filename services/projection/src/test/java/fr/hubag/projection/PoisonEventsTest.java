package fr.hubag.projection;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.store.EventEnvelope;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Metrics;
import fr.hubag.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.hubag.projection.support.Api.as;
import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 9, "one event stops every territory's read models": an event the read models cannot store (a label valid
 * until a year PostgreSQL has no date for) or cannot decode (a payload that is no JSON) is parked with the later
 * events of its stream, the other streams reach the directory, a hub admin lists them, and once fixed re-applies
 * them in order (or discards one that can never apply).
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class PoisonEventsTest {

    static final String PARKED = Api.BASE + "/admin/parked-events";

    @Inject
    ActorsProjector actorsProjector;

    @Test
    void poisonEventsAreParkedWithTheirStreamWhileTheOthersCarryOn() throws Exception {
        String tag = Api.tag();
        ActorStream dated = ActorStream.create("GP");
        dated.publish("ActorRegistered", Events.registered(dated, Places.place("GP", "Dated " + tag)));
        // accepted by the write side before issue 9's bounds: PostgreSQL's dates end in 5874897
        UUID poison = raw(dated, 2, "LabelGranted",
                Events.labelGranted(dated, "APTIC", "2026-01-01", "+6000000-01-01").encode());
        UUID behind = raw(dated, 3, "LabelGranted",
                Events.labelGranted(dated, "France Services", "2026-01-01", null).encode());

        ActorStream broken = ActorStream.create("GF");
        broken.publish("ActorRegistered", Events.registered(broken, Places.place("GF", "Broken " + tag)));
        UUID undecodable = raw(broken, 2, "LabelGranted", "{\"actorId\": \"" + broken.id() + "\", \"label\": ");
        UUID afterBroken = raw(broken, 3, "AidantEnrolled", Events.aidantEnrolled(broken, UUID.randomUUID(), "Marie",
                "benevole", "2026-01-02").encode());

        ActorStream healthy = ActorStream.create("MQ");
        healthy.publish("ActorRegistered", Events.registered(healthy, Places.place("MQ", "Healthy " + tag)));

        // every other stream and territory carries on, and so do the poisoned streams up to their poison
        await("/territories/MQ/actors?q=" + tag, r -> Api.total(r) == 1);
        await("/territories/GP/actors?q=" + tag, r -> Api.total(r) == 1);
        await("/territories/GF/actors?q=" + tag, r -> Api.total(r) == 1);
        String hubAdmin = TestTokens.hubAdmin();
        ValidatableResponse list = awaitParked(hubAdmin, dated.id(), 2);
        list.body("consumer", equalTo(actorsProjector.liveConsumer()))
                .body("items[0].eventId", equalTo(poison.toString()))
                .body("items[0].territory", equalTo("GP"))
                .body("items[0].eventType", equalTo("hubag.actors.LabelGranted"))
                .body("items[1].eventId", equalTo(behind.toString()))
                .body("items[1].attempts", equalTo(0));
        assertThat(list.extract().<String>path("items[0].error")).contains("out of range");
        assertThat(list.extract().<Integer>path("items[0].attempts")).isGreaterThan(1);
        ValidatableResponse brokenList = awaitParked(hubAdmin, broken.id(), 2);
        assertThat(brokenList.extract().<List<String>>path("items.eventId"))
                .containsExactly(undecodable.toString(), afterBroken.toString());
        assertThat(Metrics.value(Metrics.scrape(), "hub_consumer_parked_total", "consumer",
                actorsProjector.liveConsumer()).orElse(0)).isGreaterThanOrEqualTo(4);

        // hub-wide admins only
        as(null).get(PARKED).then().statusCode(401);
        as(TestTokens.coordinator("GP")).get(PARKED).then().statusCode(403);
        as(TestTokens.of("hub-admin", "GP")).get(PARKED).then().statusCode(403)
                .contentType("application/problem+json");
        as(hubAdmin).get(PARKED + "?limit=0").then().statusCode(400).contentType("application/problem+json");

        // not fixed: a re-apply stops at the poison again and keeps the stream in order
        as(hubAdmin).post(PARKED + "/reapply?stream=" + dated.id()).then().statusCode(200)
                .body("applied", equalTo(0)).body("remaining", equalTo(2))
                .body("failures[0].eventId", equalTo(poison.toString()));
        // the date can never be stored: discarded, the label behind it is then re-applied
        as(hubAdmin).post(PARKED + "/" + poison + "/discard").then().statusCode(204);
        as(hubAdmin).post(PARKED + "/" + poison + "/discard").then().statusCode(404);
        as(hubAdmin).post(PARKED + "/reapply?stream=" + dated.id()).then().statusCode(200)
                .body("applied", equalTo(1)).body("remaining", equalTo(0));
        get("/territories/GP/actors/" + dated.id() + "/labels?on=2026-06-01").statusCode(200)
                .body("labels.label", equalTo(List.of("France Services")));

        // a later event of a parked stream waits behind it, in order
        UUID later = raw(broken, 4, "AidantDeparted",
                Events.aidantDeparted(broken, UUID.randomUUID(), "2026-03-01").encode());
        awaitParked(hubAdmin, broken.id(), 3);
        as(hubAdmin).post(PARKED + "/" + undecodable + "/discard").then().statusCode(204);
        as(hubAdmin).post(PARKED + "/reapply").then().statusCode(200).body("remaining", equalTo(0));
        await("/territories/GF/actors/" + broken.id() + "/aidants",
                r -> r.extract().path("aidants.size()").equals(1));
        assertThat(later).isNotNull();
        // again: nothing left, nothing applied twice
        as(hubAdmin).post(PARKED + "/reapply").then().statusCode(200).body("applied", equalTo(0));
        get("/territories/GF/actors/" + broken.id() + "/aidants").body("aidants.size()", equalTo(1));
    }

    @Test
    void aParkedEventIsReappliedOnceTheReadModelIsFixed() throws Exception {
        String tag = Api.tag();
        String label = "APTIC";
        ActorStream actor = ActorStream.create("GP");
        // a read model that refuses this actor's labels: the "bug" the fix removes
        sql("CREATE OR REPLACE FUNCTION gp.reject_" + tag + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.actor_id = '" + actor.id() + "' THEN RAISE EXCEPTION 'simulated bug'; END IF; "
                + "RETURN NEW; END $$");
        sql("CREATE TRIGGER reject_" + tag + " BEFORE INSERT ON gp.label_grants FOR EACH ROW "
                + "EXECUTE FUNCTION gp.reject_" + tag + "()");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("GP", "Fixed " + tag)));
        actor.publish("LabelGranted", Events.labelGranted(actor, label, "2026-01-01", null));
        actor.publish("LabelRevoked", Events.labelRevoked(actor, label, "2026-02-01"));
        String hubAdmin = TestTokens.hubAdmin();
        awaitParked(hubAdmin, actor.id(), 2).body("items[0].error",
                org.hamcrest.Matchers.containsString("simulated bug"));

        sql("DROP TRIGGER reject_" + tag + " ON gp.label_grants");
        as(hubAdmin).post(PARKED + "/reapply?stream=" + actor.id()).then().statusCode(200)
                .body("applied", equalTo(2)).body("remaining", equalTo(0));
        // in order: granted, then revoked from 2026-02-01
        get("/territories/GP/actors/" + actor.id() + "/labels?on=2026-01-15").body("labels[0].validUntil",
                equalTo("2026-01-31"));
        get("/territories/GP/actors/" + actor.id() + "/labels?on=2026-03-01").body("labels.size()", equalTo(0));
    }

    private static ValidatableResponse awaitParked(String token, UUID stream, int count) {
        return await(token, "/admin/parked-events?stream=" + stream, r -> r.extract().path("items.size()")
                .equals(count)).statusCode(200).body("items.size()", equalTo(count));
    }

    /** A record on the actor's stream whose payload is no JSON, as a broken producer could write it. */
    private static UUID raw(ActorStream actor, long version, String type, String payload) throws Exception {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(1, id, actor.id().toString(), "actor", actor.territory(), version,
                type, 1, payload, new EventMetadata("corr-" + id, "cause", "tester", null), Instant.now(),
                Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ActorStream.TOPIC, null, actor.id().toString(),
                    payload.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(envelope, "actors"))).get();
        }
        return id;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(HubInfrastructure.get().jdbcUrl("projection"), "postgres",
                "postgres"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
