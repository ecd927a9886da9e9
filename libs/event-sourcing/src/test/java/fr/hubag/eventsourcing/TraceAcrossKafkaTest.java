package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.eventsourcing.metrics.KernelMetrics;
import fr.hubag.eventsourcing.relay.CloudEventHeaders;
import fr.hubag.eventsourcing.relay.EventRelay;
import fr.hubag.eventsourcing.relay.RelayBacklog;
import fr.hubag.eventsourcing.relay.RelaySettings;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.TopicRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel carries a command's trace to the read model: the metadata keeps the command's {@code traceparent},
 * the relay publishes in a child span whose context rides in the record's {@code traceparent} header (the origin
 * in {@code ce_traceparent}), and the idempotent consumer applies in a child of that. Also the relay's backlog.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraceAcrossKafkaTest {

    static KernelFixture db;
    static KafkaProducer<String, byte[]> producer;
    static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    static final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();

    @BeforeAll
    static void start() {
        db = new KernelFixture();
        producer = EventRelayTest.producer(HubInfrastructure.get().bootstrapServers(), 30_000);
        db.pool.query("CREATE TABLE seen (event_id uuid PRIMARY KEY)").execute().await().indefinitely();
    }

    @AfterAll
    static void stop() {
        producer.close();
        db.close();
    }

    @Test
    @Order(1)
    void oneTraceGoesFromTheCommandThroughTheRelayToTheConsumersEffect() throws Exception {
        String topic = "trace-test-" + UUID.randomUUID();
        String relayName = "r-" + topic;
        Span command = otel.getTracer("test").spanBuilder("POST /api/tests").setSpanKind(SpanKind.SERVER).startSpan();
        EventMetadata metadata;
        try (Scope ignored = command.makeCurrent()) {
            metadata = new EventMetadata("corr", "cause", "tester", null); // what the executor writes
        } finally {
            command.end();
        }
        String stream = UUID.randomUUID().toString();
        db.pool.withTransaction(tx -> new EventStore(db.pool).append(tx, stream, "test", "MQ", 0,
                List.of(new NewEvent(UUID.randomUUID(), "Numbered", 1, "{\"n\":1}", Instant.now())), metadata))
                .await().indefinitely();

        RelayBacklog before = RelayBacklog.measure(db.dataSource, relayName);
        assertThat(before.events()).isEqualTo(1);
        assertThat(before.oldestRecordedAt()).isBeforeOrEqualTo(Instant.now());

        EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings(relayName, topic, "tests", 100,
                Duration.ofMillis(10)), otel.getTracer(EventRelay.TRACER));
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThat(RelayBacklog.measure(db.dataSource, relayName)).isEqualTo(new RelayBacklog(0, null));

        ConsumerRecord<String, byte[]> record = TopicRecords.readUntil(topic, r -> !r.isEmpty(),
                Duration.ofSeconds(20)).get(0);
        String traceId = command.getSpanContext().getTraceId();
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.CE_TRACEPARENT))
                .isEqualTo(metadata.traceparent());
        SpanData publish = only(SpanKind.PRODUCER);
        assertThat(publish.getTraceId()).isEqualTo(traceId);
        assertThat(publish.getParentSpanId()).isEqualTo(command.getSpanContext().getSpanId());
        assertThat(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT))
                .isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IdempotentConsumer consumer = new IdempotentConsumer(db.pool, new KernelMetrics(registry), otel);
        ConsumedEvent event = ConsumedEvent.of(record);
        assertThat(event.recordedAt()).isNotNull();
        boolean applied = consumer.process("tests.view", event, tx -> tx.preparedQuery(
                "INSERT INTO seen VALUES ($1)").execute(io.vertx.mutiny.sqlclient.Tuple.of(event.eventId()))
                .replaceWithVoid()).await().indefinitely();
        assertThat(applied).isTrue();

        SpanData process = only(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).as("the read-model update is in the command's trace").isEqualTo(traceId);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(process.getName()).isEqualTo("tests.view process");
        assertThat(process.getAttributes().asMap().values()).contains("applied", event.eventId().toString());
        assertThat(registry.get(KernelMetrics.CONSUMER_EVENTS).tags("consumer", "tests.view", "outcome", "applied")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(KernelMetrics.CONSUMER_LAG_SECONDS).gauge().value()).isGreaterThanOrEqualTo(0);
    }

    static SpanData only(SpanKind kind) {
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    @Order(2) // after the trace test, which counts on being the only producer of spans and events
    void theBacklogCountsOnlyWhatLiesPastTheCheckpointAndDatesTheNextToPublish() throws Exception {
        String topic = "backlog-test-" + UUID.randomUUID();
        String relayName = "r-" + topic;
        EventRelay relay = new EventRelay(db.dataSource, producer, new RelaySettings(relayName, topic, "tests", 100,
                Duration.ofMillis(10)), otel.getTracer(EventRelay.TRACER));
        while (relay.publishBatch() > 0) {
            // the checkpoint passes every event other tests left
        }
        appendOne("published-1");
        appendOne("published-2");
        assertThat(relay.publishBatch()).isEqualTo(2);

        Instant beforeNext = Instant.now();
        appendOne("waiting-1");
        appendOne("waiting-2");
        appendOne("waiting-3");

        RelayBacklog backlog = RelayBacklog.measure(db.dataSource, relayName);
        assertThat(backlog.events()).isEqualTo(3);
        assertThat(backlog.oldestRecordedAt()).isAfterOrEqualTo(beforeNext.minusMillis(5))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(RelayBacklog.measure(db.dataSource, "a relay that never ran").events())
                .isGreaterThanOrEqualTo(5);
    }

    private static void appendOne(String stream) {
        db.pool.withTransaction(tx -> new EventStore(db.pool).append(tx, stream + "-" + UUID.randomUUID(), "test",
                "MQ", 0, List.of(new NewEvent(UUID.randomUUID(), "Numbered", 1, "{\"n\":1}", Instant.now())),
                new EventMetadata("corr", "cause", "tester", null))).await().indefinitely();
    }
}
