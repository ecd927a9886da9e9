package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.relay.EventRelay;
import fr.hubag.eventsourcing.relay.RelaySettings;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule 2: the relay publishes only committed events, in order within a stream, never skips one whose transaction
 * commits after a later-numbered one, and moves its checkpoint only after the broker acknowledged.
 */
class EventRelayTest {

    static KernelFixture db;
    static EventStore store;
    static KafkaProducer<String, byte[]> producer;
    static final EventMetadata META = new EventMetadata("corr-relay", "cause-relay", "tester", null);

    @BeforeAll
    static void start() {
        producer = producer(HubInfrastructure.get().bootstrapServers(), 30_000);
    }

    @AfterAll
    static void stop() {
        producer.close();
    }

    /** A fresh event store per test, so each relay sees only its own test's events. */
    @BeforeEach
    void freshStore() {
        db = new KernelFixture();
        store = new EventStore(db.pool);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    static KafkaProducer<String, byte[]> producer(String servers, int deliveryTimeoutMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    static String topic() { return "relay-test-" + UUID.randomUUID(); }

    static NewEvent event(int n) {
        return new NewEvent(UUID.randomUUID(), "Numbered", 1, "{\"n\":" + n + "}", Instant.parse("2026-11-23T10:00:00Z"));
    }

    void append(String stream, long expected, NewEvent... events) {
        db.pool.withTransaction(tx -> store.append(tx, stream, "test", "GF", expected, List.of(events), META))
                .await().indefinitely();
    }

    static int drain(EventRelay relay) throws Exception {
        int total = 0;
        int published;
        while ((published = relay.publishBatch()) > 0) {
            total += published;
        }
        return total;
    }

    static List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        return TopicRecords.readUntil(topic, records -> records.size() >= expected, Duration.ofSeconds(20));
    }

    @Test
    void publishesCommittedEventsAsCloudEventsKeyedByStream() throws Exception {
        String topic = topic();
        EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings("r-" + topic, topic, "tests", 100,
                Duration.ofMillis(10)));

        String stream = UUID.randomUUID().toString();
        append(stream, 0, event(1), event(2));

        assertThat(drain(relay)).isEqualTo(2);

        var records = read(topic, 2);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(first.key()).isEqualTo(stream);
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\": 1}");
        var h = first.headers();
        assertThat(CloudEventHeaders.get(h, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(CloudEventHeaders.get(h, "ce_id"))).isNotNull();
        assertThat(CloudEventHeaders.get(h, "ce_type")).isEqualTo("hubag.tests.Numbered");
        assertThat(CloudEventHeaders.get(h, "ce_source")).isEqualTo("/hubag/tests");
        assertThat(CloudEventHeaders.get(h, "ce_subject")).isEqualTo(stream);
        assertThat(CloudEventHeaders.get(h, "ce_time")).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(CloudEventHeaders.get(h, "ce_dataschema")).isEqualTo("urn:hubag:schema:tests:Numbered:1");
        assertThat(CloudEventHeaders.get(h, "ce_territory")).isEqualTo("GF");
        assertThat(CloudEventHeaders.get(h, "ce_streamversion")).isEqualTo("1");
        assertThat(CloudEventHeaders.get(h, "ce_globalposition")).matches("\\d+");
        assertThat(CloudEventHeaders.get(h, "ce_correlationid")).isEqualTo("corr-relay");
        assertThat(CloudEventHeaders.get(h, "ce_causationid")).isEqualTo("cause-relay");
        assertThat(CloudEventHeaders.get(records.get(1).headers(), "ce_streamversion")).isEqualTo("2");
        assertThat(drain(relay)).as("nothing is published twice once acknowledged").isZero();
    }

    /**
     * The case a position-only checkpoint gets wrong: transaction A takes position p and stays open while B takes
     * p+1 and commits. A relay that published p+1 and remembered "done up to p+1" would never publish p.
     * Both interleavings of transaction ids are exercised: A's id older than B's, and younger.
     */
    @ParameterizedTest(name = "held transaction has the older id: {0}")
    @ValueSource(booleans = {true, false})
    void neverSkipsAnEventWhoseTransactionCommitsAfterALaterNumberedOne(boolean heldTransactionIsOlder)
            throws Exception {
        {
            String topic = topic();
            EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings("r-" + topic, topic, "tests",
                    100, Duration.ofMillis(10)));
            drain(relay);
            String early = UUID.randomUUID().toString();
            String late = UUID.randomUUID().toString();
            try (Connection held = db.dataSource.getConnection(); Connection other = db.dataSource.getConnection()) {
                held.setAutoCommit(false);
                other.setAutoCommit(false);
                if (heldTransactionIsOlder) {
                    writeRaw(held, early, 100);     // A: older xid, position p
                    writeRaw(other, late, 200);     // B: younger xid, position p+1
                } else {
                    touch(other);                   // B gets the older transaction id first…
                    writeRaw(held, early, 100);     // …A takes position p with a younger id
                    writeRaw(other, late, 200);     // B takes p+1
                }
                other.commit();                      // B commits first; A is still open

                int whileOpen = drain(relay);
                held.commit();                       // now A commits, with the lower position
                int afterCommit = drain(relay);

                var records = read(topic, 2);
                List<String> payloads = records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .collect(Collectors.toList());
                assertThat(payloads).as("both events published, the held one included (older=%s)",
                        heldTransactionIsOlder).containsExactlyInAnyOrder("{\"n\": 100}", "{\"n\": 200}");
                assertThat(whileOpen + afterCommit).isEqualTo(2);
            }
        }
    }

    /**
     * Transaction ids are shared by all the databases of a PostgreSQL cluster, but only a transaction of the event
     * store's own database can append to it: one left open in another database (a read model's batch, another
     * service's command) does not hold the relay back, while one of the same database still does (above).
     */
    @Test
    void aTransactionOfAnotherDatabaseDoesNotHoldTheRelayBack() throws Exception {
        String topic = topic();
        EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings("r-" + topic, topic, "tests",
                100, Duration.ofMillis(10)));
        drain(relay);
        try (KernelFixture elsewhere = new KernelFixture(); Connection held = elsewhere.dataSource.getConnection();
             Connection writer = db.dataSource.getConnection()) {
            held.setAutoCommit(false);
            touch(held);                             // an older transaction id, in another database, left open
            writer.setAutoCommit(false);
            writeRaw(writer, UUID.randomUUID().toString(), 300);
            writer.commit();

            assertThat(drain(relay)).as("published while the other database's transaction is open").isEqualTo(1);
            assertThat(read(topic, 1)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("{\"n\": 300}");
            held.rollback();
        }
    }

    @Test
    void theCheckpointDoesNotMoveWhenTheBrokerDoesNotAcknowledge() throws Exception {
        String topic = topic();
        String relayName = "r-" + topic;
        String stream = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> nowhere = producer("127.0.0.1:1", 1_500)) {
            EventRelay broken = new EventRelay(db.dataSource, nowhere, new RelaySettings(relayName, topic, "tests",
                    100, Duration.ofMillis(10)));
            EventRelay healthy = new EventRelay(db.dataSource, producer, new RelaySettings(relayName, topic, "tests",
                    100, Duration.ofMillis(10)));
            drain(healthy);
            long before = db.count("SELECT last_position FROM es_relay_checkpoints WHERE relay = '" + relayName + "'");
            append(stream, 0, event(7));

            assertThatThrownBy(broken::publishBatch).isInstanceOf(RuntimeException.class);
            assertThat(db.count("SELECT last_position FROM es_relay_checkpoints WHERE relay = '" + relayName + "'"))
                    .isEqualTo(before);

            assertThat(drain(healthy)).as("the same event is published once the broker is back").isEqualTo(1);
            assertThat(read(topic, 1)).extracting(r -> r.key()).contains(stream);
        }
    }

    @Test
    void eventsOfOneStreamArePublishedInVersionOrder() throws Exception {
        String topic = topic();
        EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings("r-" + topic, topic, "tests", 7,
                Duration.ofMillis(10)));
        drain(relay);
        String stream = UUID.randomUUID().toString();
        for (int v = 0; v < 30; v++) {
            append(stream, v, event(v));
        }
        drain(relay);

        List<Long> versions = new ArrayList<>();
        read(topic, 30).stream().filter(r -> r.key().equals(stream))
                .forEach(r -> versions.add(Long.parseLong(CloudEventHeaders.get(r.headers(), "ce_streamversion"))));
        assertThat(versions).hasSize(30).isSorted();
    }

    /** Inserts a stream and one event in the given open transaction, as an append does. */
    private static void writeRaw(Connection tx, String stream, int n) throws Exception {
        try (PreparedStatement s = tx.prepareStatement(
                "INSERT INTO es_streams (stream_id, stream_type, territory, version) VALUES (?, 'test', 'GF', 1)")) {
            s.setString(1, stream);
            s.executeUpdate();
        }
        try (PreparedStatement e = tx.prepareStatement("""
                INSERT INTO es_events (event_id, stream_id, stream_version, event_type, schema_version, payload,
                                       occurred_at)
                VALUES (?::uuid, ?, 1, 'Numbered', 1, ?::jsonb, now())""")) {
            e.setString(1, UUID.randomUUID().toString());
            e.setString(2, stream);
            e.setString(3, "{\"n\":" + n + "}");
            e.executeUpdate();
        }
    }

    /** Makes the transaction take its id now (any write does). */
    private static void touch(Connection tx) throws Exception {
        try (PreparedStatement s = tx.prepareStatement("SELECT pg_current_xact_id()")) {
            s.executeQuery();
        }
    }
}
