package fr.hubag.projection;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.actors.projector.ActorsCheckpointSeek;
import fr.hubag.projection.consuming.CheckpointSeek;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.HubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actors consumer after a start (a profile of its own, so the application starts fresh for this class): how soon
 * the first event of each partition reaches the read model, where an assigned partition resumes, and readiness that
 * tells whether the consumer consumes.
 */
@QuarkusTest
@TestProfile(ConsumingTest.FreshStart.class)
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumingTest {

    /** A fresh application, whose readiness gives up on a silent consumer after 3 s. */
    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.projection.consumer.stall-after", "PT3S");
        }
    }

    static final int PARTITIONS = 3; // the test broker's num.partitions

    @Inject
    KafkaClientService clients;
    @Inject
    IdempotentConsumer consumer;
    @Inject
    @Identifier(ActorsCheckpointSeek.NAME)
    CheckpointSeek seek;
    @Inject
    Pool pool;

    @Inject
    ActorsProjector actorsProjector;

    @Test
    @Order(1)
    void theFirstEventOfEachPartitionIsAsQuickAsTheNext() throws Exception {
        long[] first = firstRounds("commit-strategy ignore, seek from the checkpoints");
        // the 1st partition's first event also pays the JVM's first decode and statements; the others must not wait
        assertThat(first[1]).as("first event of the 2nd partition, ms").isLessThan(300);
        assertThat(first[2]).as("first event of the 3rd partition, ms").isLessThan(300);
    }

    /** After a start: one registration per partition, three rounds; prints and returns the first round. */
    static long[] firstRounds(String label) throws InterruptedException {
        awaitAssigned(); // as after ./hub start, which waits for readiness
        for (int i = 0; i < 20; i++) { // the read side warmed, so that only the event's way is measured
            given().get(Api.BASE + "/territories/GP/actors/" + UUID.randomUUID());
        }
        long[] first = round();
        long[] warm = round();
        long[] again = round();
        System.out.printf("first-event latency, %s (ms from the broker's ack to visible, partitions 0..2): "
                        + "first %s, then %s, %s%n", label, java.util.Arrays.toString(first),
                java.util.Arrays.toString(warm), java.util.Arrays.toString(again));
        return first;
    }

    /** One registration per partition, one after the other: ms from the broker's ack to visible in the directory. */
    static long[] round() {
        long[] millis = new long[PARTITIONS];
        for (int partition = 0; partition < PARTITIONS; partition++) {
            ActorStream actor = onPartition(partition);
            long sent = System.nanoTime();
            actor.publish("ActorRegistered", Events.registered(actor, Places.place("GP", "First " + Api.tag())));
            long acked = System.nanoTime();
            while (given().get(Api.BASE + "/territories/GP/actors/" + actor.id()).statusCode() != 200) {
                if (System.nanoTime() - sent > 20_000_000_000L) {
                    throw new AssertionError("not visible after 20 s");
                }
                Thread.onSpinWait();
            }
            millis[partition] = (System.nanoTime() - acked) / 1_000_000;
        }
        return millis;
    }

    /** An actor whose id (the record key) the default partitioner puts on this partition. */
    static ActorStream onPartition(int partition) {
        while (true) {
            ActorStream actor = ActorStream.create("GP");
            byte[] key = actor.id().toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return actor;
            }
        }
    }

    @Test
    @Order(2)
    void anAssignedPartitionResumesAtTheDatabaseCheckpoint() {
        String topic = "seek-" + UUID.randomUUID();
        pool.preparedQuery("INSERT INTO es_consumer_checkpoints (consumer, topic, partition, next_offset) "
                + "VALUES ($1, $2, 0, 42)").execute(Tuple.of(actorsProjector.liveConsumer(), topic)).await().indefinitely();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "seek-test-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            kafka.assign(partitions);
            seek.onPartitionsAssigned(kafka, partitions);
            assertThat(consumer.checkpoints(actorsProjector.liveConsumer(), topic).await().indefinitely())
                    .containsEntry(0, 42L);
            assertThat(kafka.position(partitions.get(0))).as("seeks to the checkpoint").isEqualTo(42);
        }
    }

    @Test
    @Order(3)
    void readinessIsDownWhileTheConsumerDoesNotPollAndUpWhenItResumes() throws Exception {
        String ready = awaitReady(200);
        assertThat(ready.replace(" ", "")).as("every read model's consumer is watched")
                .contains("\"actors.channel\":\"actor-events\"").contains("\"sessions.channel\":\"session-events\"");
        // the polling thread stalls for 8 s (a stuck consumer)
        clients.getConsumer("actor-events").runOnPollingThread(kafka -> {
            try {
                Thread.sleep(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }).subscribe().with(nothing -> { }, failure -> { });
        String down = awaitReady(503);
        assertThat(down).contains("\"consumers\"").contains("has not answered");
        awaitReady(200);
        ActorStream actor = onPartition(1);
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("GP", "Resumed " + Api.tag())));
        Api.await("/territories/GP/actors/" + actor.id(), r -> r.extract().statusCode() == 200).statusCode(200);
    }

    static void awaitAssigned() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var response = given().get("/q/health/ready");
            Integer partitions = response.jsonPath().get("checks.find { it.name == 'consumers' }.data.'actors.partitions'");
            if (response.statusCode() == 200 && partitions != null && partitions == PARTITIONS) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the consumer holds no partitions after 30 s");
    }

    private static String awaitReady(int status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            var response = given().get("/q/health/ready");
            if (response.statusCode() == status || System.currentTimeMillis() > deadline) {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
                return response.asString();
            }
            Thread.sleep(100);
        }
    }
}
