package fr.hubag.projection;

import fr.hubag.eventsourcing.relay.EventRelay;
import fr.hubag.eventsourcing.relay.RelaySettings;
import fr.hubag.projection.actors.projector.ActorsProjector;
import fr.hubag.projection.support.ActorStream;
import fr.hubag.projection.support.Api;
import fr.hubag.projection.support.Events;
import fr.hubag.projection.support.Places;
import fr.hubag.projection.support.RecordedSpans;
import fr.hubag.testing.HubInfrastructure;
import fr.hubag.testing.HubTestResource;
import fr.hubag.testing.Metrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static fr.hubag.projection.support.Api.await;
import static fr.hubag.projection.support.Api.total;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observable by default (docs/observability.md): one trace links a REST command to the read-model update it
 * causes — the command's server span, the kernel's append, the relay's publish span on Kafka, the projection's
 * apply — and the projection exposes its consumer's measures at /q/metrics.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "projection"))
class TraceAndMetricsTest {

    @Inject
    DataSource dataSource;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    RecordedSpans spans;
    @Inject
    ActorsProjector projector;

    @Test
    void oneTraceLinksACommandToItsReadModelUpdate() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String tag = Api.tag();
        ActorStream actor = ActorStream.create("MQ");
        given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").contentType("application/json")
                .body(Events.registered(actor, Places.place("MQ", "Traced " + tag)).encode())
                .post("/test-only/actors/" + actor.id())
                .then().statusCode(201);

        publishWithTheKernelsRelay();
        await("/territories/MQ/actors?q=" + tag, r -> total(r) == 1).statusCode(200);

        // the serving generation's consumer name: projection.actors.v2, or .g<n> after a rebuild (RebuildTest)
        String consumer = projector.liveConsumer();
        SpanData apply = awaitSpan(traceId, SpanKind.CONSUMER, consumer + " process");
        SpanData publish = awaitSpan(traceId, SpanKind.PRODUCER, ActorStream.TOPIC + " publish");
        SpanData command = awaitSpan(traceId, SpanKind.SERVER, "POST /test-only/actors/{actorId}");
        assertThat(command.getParentSpanId()).as("the caller's span").isEqualTo(callerSpan);
        assertThat(publish.getParentSpanId()).as("published in the command's trace").isEqualTo(command.getSpanId());
        assertThat(apply.getTraceId()).as("the read-model update is in the command's trace").isEqualTo(traceId);
        assertThat(ancestors(apply, spans.ofTrace(traceId))).contains(publish.getSpanId(), command.getSpanId());
        assertThat(apply.getAttributes().asMap().values()).contains("applied");
    }

    @Test
    void theConsumersMeasuresAreAtQMetrics() {
        ActorStream actor = ActorStream.create("GF");
        actor.publish("ActorRegistered", Events.registered(actor, Places.place("GF", "Measured " + Api.tag())));
        String consumer = projector.liveConsumer();
        String scrape = Metrics.await(s -> Metrics.has(s, "hub_consumer_lag_seconds", "consumer",
                consumer));
        assertThat(Metrics.missing(scrape, new String[] {"hub_consumer_events_total", "hub_consumer_apply_seconds_count",
                "hub_consumer_lag_seconds"}, "consumer", consumer)).isEmpty();
        assertThat(Metrics.value(scrape, "hub_consumer_events_total", "consumer", consumer,
                "outcome", "applied").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.missing(scrape, new String[] {"hub_relay_lag_events", "hub_relay_lag_seconds"},
                "relay", "projection")).isEmpty();
        assertThat(Metrics.has(scrape, "kafka_consumer_fetch_manager_records_lag_max", "client_id",
                "kafka-consumer-actor-events"))
                .as("records behind the partition end, from the Kafka client: %s", scrape.lines()
                        .filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag")).toList()).isTrue();
    }

    /** The relay as a write service runs it, over this database's event store, to the actors' topic. */
    private void publishWithTheKernelsRelay() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HubInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            EventRelay relay = new EventRelay(dataSource, producer, new RelaySettings("trace-test", ActorStream.TOPIC,
                    "actors", 100, Duration.ofMillis(10)), openTelemetry.getTracer(EventRelay.TRACER));
            long deadline = System.currentTimeMillis() + 10_000;
            int published = 0;
            while (published == 0 && System.currentTimeMillis() < deadline) {
                published = relay.publishBatch();
            }
            assertThat(published).isPositive();
        }
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> trace = spans.ofTrace(traceId);
            var found = trace.stream().filter(s -> s.getKind() == kind && s.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + kind + " span '" + name + "' in trace " + traceId + "; it has "
                        + trace.stream().map(s -> s.getKind() + " " + s.getName()).toList());
            }
            Thread.sleep(50);
        }
    }

    private static List<String> ancestors(SpanData span, List<SpanData> trace) {
        List<String> ids = new java.util.ArrayList<>();
        String parent = span.getParentSpanId();
        while (parent != null) {
            ids.add(parent);
            String current = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(current)).map(SpanData::getParentSpanId)
                    .findFirst().orElse(null);
        }
        return ids;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }
}
