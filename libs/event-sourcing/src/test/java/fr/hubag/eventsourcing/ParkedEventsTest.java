package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.eventsourcing.consumer.ParkedEvents;
import fr.hubag.eventsourcing.metrics.KernelMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison events: one a read model cannot apply is retried, then parked with its error together with the later
 * events of its stream, while the other streams carry on; once fixed, a re-apply applies them in order, once.
 */
class ParkedEventsTest {

    static KernelFixture db;
    static SimpleMeterRegistry registry = new SimpleMeterRegistry();
    static IdempotentConsumer consumer;
    static ParkedEvents parked;
    /** The rows the read model holds, in the order it applied them; an event id listed here cannot be applied. */
    static final Set<UUID> poisons = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        db = new KernelFixture();
        consumer = new IdempotentConsumer(db.pool, new KernelMetrics(registry), OpenTelemetry.noop(), 1);
        parked = new ParkedEvents(db.pool);
        db.pool.query("CREATE TABLE model (seq bigserial, stream text NOT NULL, version bigint NOT NULL, "
                + "day date NOT NULL)").execute().await().indefinitely();
    }

    @AfterAll
    static void stop() { db.close(); }

    /** The read model's effect: stores the event's day; PostgreSQL refuses a year past 5874897. */
    static Uni<Void> apply(SqlConnection tx, ConsumedEvent event) {
        new io.vertx.core.json.JsonObject(event.payload()); // decoded as a read model would: no JSON, no effect
        String day = poisons.contains(event.eventId()) ? "6000000-01-01" : "2026-01-01";
        return tx.preparedQuery("INSERT INTO model (stream, version, day) VALUES ($1, $2, CAST($3::text AS date))")
                .execute(Tuple.of(event.streamId(), event.streamVersion(), day)).replaceWithVoid();
    }

    static ConsumedEvent event(String stream, long version, long offset) {
        return new ConsumedEvent(UUID.randomUUID(), "hubag.tests.Dated", 1, stream, "GP", version, "{}", "corr",
                "dated", 0, offset);
    }

    static List<Long> versions(String stream) {
        return db.pool.preparedQuery("SELECT version FROM model WHERE stream = $1 ORDER BY seq")
                .execute(Tuple.of(stream)).await().indefinitely().stream().map(row -> row.getLong(0)).toList();
    }

    static double parkedMetric(String name) {
        var counter = registry.find(KernelMetrics.CONSUMER_PARKED).tag("consumer", name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPoisonIsParkedWithTheRestOfItsStreamWhileOtherStreamsCarryOnThenReappliedInOrderOnce() {
        String name = "dated-" + UUID.randomUUID();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        ConsumedEvent b1 = event(b, 1, 0);
        ConsumedEvent b2 = event(b, 2, 1);
        ConsumedEvent a1 = event(a, 1, 2);
        ConsumedEvent b3 = event(b, 3, 3);
        ConsumedEvent a2 = event(a, 2, 4);
        poisons.add(b2.eventId());

        int applied = consumer.processBatch(name, List.of(b1, b2, a1, b3, a2), ParkedEventsTest::apply)
                .await().indefinitely();

        assertThat(applied).isEqualTo(3);
        assertThat(versions(a)).containsExactly(1L, 2L);
        assertThat(versions(b)).containsExactly(1L);
        assertThat(db.count("SELECT next_offset FROM es_consumer_checkpoints WHERE consumer = '" + name + "'"))
                .as("the checkpoint moves past the parked events").isEqualTo(5);
        List<ParkedEvents.Parked> list = parked.list(name, null, 100).await().indefinitely();
        assertThat(list).extracting(ParkedEvents.Parked::eventId).containsExactly(b2.eventId(), b3.eventId());
        assertThat(list.get(0).error()).contains("date").contains("out of range");
        assertThat(list.get(0).attempts()).isEqualTo(3); // in its poll, alone, one retry
        assertThat(list.get(1).error()).isEqualTo(ParkedEvents.BEHIND);
        assertThat(parkedMetric(name)).isEqualTo(2);

        // a later poll: the parked stream's new event goes behind, the other stream's is applied
        ConsumedEvent b4 = event(b, 4, 5);
        ConsumedEvent a3 = event(a, 3, 6);
        assertThat(consumer.processBatch(name, List.of(b4, a3), ParkedEventsTest::apply).await().indefinitely())
                .isEqualTo(1);
        assertThat(versions(a)).containsExactly(1L, 2L, 3L);
        assertThat(parked.list(name, b, 100).await().indefinitely()).extracting(ParkedEvents.Parked::eventId)
                .containsExactly(b2.eventId(), b3.eventId(), b4.eventId());

        // not fixed yet: the re-apply stops at the poison and keeps the rest
        ParkedEvents.Replay failed = parked.replay(name, b, ParkedEventsTest::apply).await().indefinitely();
        assertThat(failed.applied()).isZero();
        assertThat(failed.remaining()).isEqualTo(3);
        assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.eventId()).isEqualTo(b2.eventId()));

        poisons.remove(b2.eventId()); // the fix
        ParkedEvents.Replay replay = parked.replay(name, null, ParkedEventsTest::apply).await().indefinitely();
        assertThat(replay.applied()).isEqualTo(3);
        assertThat(replay.remaining()).isZero();
        assertThat(versions(b)).containsExactly(1L, 2L, 3L, 4L);

        // again, and a redelivery of the parked events: nothing applies twice; the stream is free again
        assertThat(parked.replay(name, null, ParkedEventsTest::apply).await().indefinitely().applied()).isZero();
        ConsumedEvent b5 = event(b, 5, 7);
        consumer.processBatch(name, List.of(b2, b3, b5), ParkedEventsTest::apply).await().indefinitely();
        assertThat(versions(b)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(parked.count(name).await().indefinitely()).isZero();
    }

    @Test
    void aRecordThatIsNoEventIsParkedAndCanBeDiscarded() {
        String name = "records-" + UUID.randomUUID();
        String good = "g-" + UUID.randomUUID();
        var noHeaders = new ConsumerRecord<String, String>("dated", 1, 10, "s-unreadable", "not json \u0000");
        var readable = new ConsumerRecord<String, String>("dated", 1, 11, good, "{}");
        readable.headers().add("ce_id", UUID.randomUUID().toString().getBytes())
                .add("ce_type", "hubag.tests.Dated".getBytes()).add("ce_subject", good.getBytes())
                .add("ce_streamversion", "1".getBytes());

        String broken = "x-" + UUID.randomUUID();
        var noJson = new ConsumerRecord<String, String>("dated", 1, 12, broken, "{\"label\": ");
        noJson.headers().add("ce_id", UUID.randomUUID().toString().getBytes())
                .add("ce_type", "hubag.tests.Dated".getBytes()).add("ce_subject", broken.getBytes());

        int applied = consumer.processRecords(name, List.of(noHeaders, readable, noJson), ParkedEventsTest::apply)
                .await().indefinitely();

        assertThat(applied).isEqualTo(1);
        assertThat(versions(good)).containsExactly(1L);
        assertThat(parked.list(name, broken, 10).await().indefinitely()).singleElement()
                .satisfies(p -> assertThat(p.error()).contains("DecodeException"));
        ParkedEvents.Parked poison = parked.list(name, "s-unreadable", 10).await().indefinitely().getFirst();
        assertThat(poison.eventType()).isEqualTo(ConsumedEvent.UNREADABLE);
        assertThat(poison.streamId()).isEqualTo("s-unreadable");
        assertThat(poison.payload()).isEqualTo("not json \u0000");
        assertThat(poison.error()).contains("not a CloudEvent");

        assertThat(parked.discard(name, poison.eventId()).await().indefinitely()).isTrue();
        assertThat(parked.count(name).await().indefinitely()).isEqualTo(1);
        // discarded for good: delivered again, it is a duplicate, not parked again
        consumer.processRecords(name, List.of(noHeaders), ParkedEventsTest::apply).await().indefinitely();
        assertThat(parked.count(name).await().indefinitely()).isEqualTo(1);
    }
}
