package fr.hubag.projection.shared.rebuild;

import fr.hubag.eventsourcing.consumer.BatchEffect;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The catch-up consumer of one rebuild: a plain Kafka consumer of its own (group {@code projection-actors-g<n>})
 * that reads the topic from the earliest offsets and applies each poll to the new generation with the read model's
 * own projector, through {@link IdempotentConsumer#processPoll} under the generation's consumer name, decoding each
 * poll ({@link ReadModel#prepare}) while PostgreSQL applies the previous one. When it is
 * close to the end it builds the generation's secondary indexes ({@link GenerationSchemas#index}), turns the live
 * consumer's dual mode on, reads on until the positions the live consumer took over from, and switches the serving
 * generation. Runs on a thread of its own; blocking is fine here.
 */
final class CatchUp implements Runnable {

    private static final Logger LOG = Logger.getLogger(CatchUp.class);
    private static final Duration BATCH = Duration.ofMinutes(2);
    private static final Duration INDEXING = Duration.ofMinutes(30);

    private final ReadModel model;
    private final Generation next;
    private final Progress progress;
    private final Generations generations;
    private final GenerationSchemas schemas;
    private final IdempotentConsumer consumer;
    private final RebuildLog log;
    private final Properties kafka;
    private final long dualLag;
    private final int indexConnections;
    private volatile boolean stopped;
    private InFlight inFlight; // the poll PostgreSQL is applying, on the catch-up's thread only

    CatchUp(ReadModel model, Generation next, Progress progress, Generations generations, GenerationSchemas schemas,
            IdempotentConsumer consumer, RebuildLog log, String bootstrapServers, long dualLag, int maxPollRecords,
            int indexConnections) {
        this.model = model;
        this.next = next;
        this.progress = progress;
        this.generations = generations;
        this.schemas = schemas;
        this.consumer = consumer;
        this.log = log;
        this.dualLag = dualLag;
        this.indexConnections = indexConnections;
        this.kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.put(ConsumerConfig.GROUP_ID_CONFIG, "projection-" + model.name() + "-g" + next.number());
        kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, next.consumer());
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        kafka.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        kafka.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> records = new KafkaConsumer<>(kafka)) {
            List<TopicPartition> partitions = records.partitionsFor(model.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            records.assign(partitions);
            records.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = records.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = records.endOffsets(partitions);
            progress.started(partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum());
            log.store(progress);
            Map<Integer, Long> takenOver = null;
            long lastCheck = 0;
            while (!stopped) {
                ConsumerRecords<String, String> polled = records.poll(Duration.ofMillis(200));
                long read = 0;
                for (TopicPartition p : partitions) {
                    read += Math.min(records.position(p), end.get(p)) - begin.get(p);
                }
                // this poll decoded while PostgreSQL writes the previous one, which is then awaited: one in flight
                Poll prepared = polled.isEmpty() ? null : prepare(polled, read);
                await(records);
                inFlight = prepared == null ? null : start(prepared);
                if (takenOver == null && System.currentTimeMillis() - lastCheck >= 500) {
                    lastCheck = System.currentTimeMillis();
                    if (lag(records, partitions) <= dualLag) {
                        await(records); // every poll read so far applied before the indexes are built
                        long indexing = System.nanoTime();
                        schemas.index(model, next, indexConnections).await().atMost(INDEXING);
                        LOG.infof("rebuild %d of %s: generation %d vacuumed, indexed and analysed in %.1f s",
                                progress.id(), model.name(), next.number(), (System.nanoTime() - indexing) / 1e9);
                        takenOver = generations.beginDual(model, next);
                        progress.dual(takenOver);
                        log.store(progress);
                        LOG.infof("rebuild %d of %s: the live consumer applies to generation %d too, from %s",
                                progress.id(), model.name(), next.number(), takenOver);
                    }
                }
                if (takenOver != null && reached(records, partitions, takenOver)) {
                    await(records); // read up to the positions taken over, and applied
                    break;
                }
                log.every(progress);
            }
            if (stopped) {
                await(records);
                generations.endDual(model);
                return;
            }
            generations.switchTo(model, next, progress.id());
            progress.switched();
            log.store(progress);
            LOG.infof("rebuild %d of %s: generation %d serves (%d events in %.1f s, %.0f events/s)", progress.id(),
                    model.name(), next.number(), progress.applied(), progress.seconds(), progress.rate());
        } catch (Exception e) {
            generations.endDual(model);
            progress.failed(e);
            log.store(progress);
            LOG.errorf(e, "rebuild %d of %s failed; generation %d keeps serving", progress.id(), model.name(),
                    generations.serving(model).number());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A poll decoded, not yet applied: each partition's events with what {@link ReadModel#prepare} computed ahead,
     * the offsets to commit once applied, and how many records will then have been read.
     */
    private record Poll(Map<List<ConsumedEvent>, BatchEffect> partitions,
                        Map<TopicPartition, OffsetAndMetadata> offsets, long read) {}

    private record InFlight(CompletableFuture<List<Integer>> applied, Map<TopicPartition, OffsetAndMetadata> offsets,
                            long read) {}

    /**
     * Decodes a poll on this thread. Each partition of the poll will apply in a transaction of its own, side by side:
     * its marks and checkpoint are its own, no stream spans two partitions, and PostgreSQL gets a backend (a core)
     * for each. Nothing reaches the database (nor starts a span or a timing) until {@link #start}.
     */
    private Poll prepare(ConsumerRecords<String, String> polled, long read) {
        Map<List<ConsumedEvent>, BatchEffect> prepared = new IdentityHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<String, String>> partitionRecords = polled.records(partition);
            List<ConsumedEvent> events = new ArrayList<>(partitionRecords.size());
            partitionRecords.forEach(record -> events.add(ConsumedEvent.of(record)));
            prepared.put(events, model.prepare(events, next));
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.getLast().offset() + 1));
        }
        return new Poll(prepared, offsets, read);
    }

    /** Each partition of a prepared poll in a transaction of its own, side by side (see {@link #prepare}). */
    private InFlight start(Poll poll) {
        List<Uni<Integer>> applied = new ArrayList<>();
        poll.partitions().forEach((events, effect) ->
                applied.add(consumer.processPoll(next.consumer(), events, effect)));
        return new InFlight(Uni.join().all(applied).andFailFast().subscribeAsCompletionStage(), poll.offsets(),
                poll.read());
    }

    /** Waits for the poll in flight, if any, then commits its offsets and counts it applied. */
    private void await(KafkaConsumer<String, String> records) throws Exception {
        InFlight applied = inFlight;
        if (applied == null) {
            return;
        }
        inFlight = null;
        try {
            applied.applied().get(BATCH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        records.commitAsync(applied.offsets(), null);
        progress.read(applied.read());
    }

    private static long lag(KafkaConsumer<String, String> records, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = records.endOffsets(partitions);
        long lag = 0;
        for (TopicPartition p : partitions) {
            lag += Math.max(0, ends.get(p) - records.position(p));
        }
        return lag;
    }

    /** Every partition read up to where the live consumer began applying to the new generation. */
    private static boolean reached(KafkaConsumer<String, String> records, List<TopicPartition> partitions,
                                   Map<Integer, Long> takenOver) {
        for (TopicPartition p : partitions) {
            if (records.position(p) < takenOver.getOrDefault(p.partition(), 0L)) {
                return false;
            }
        }
        return true;
    }
}
