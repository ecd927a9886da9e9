package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.eventsourcing.consumer.PendingPolls;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 2, consumer side: at-least-once delivery, effect applied once, checkpoint in the effect's transaction. */
class IdempotentConsumerTest {

    static KernelFixture db;
    static IdempotentConsumer consumer;

    @BeforeAll
    static void start() {
        db = new KernelFixture();
        consumer = new IdempotentConsumer(db.pool);
        db.pool.query("CREATE TABLE tally (id int PRIMARY KEY, n int NOT NULL)").execute().await().indefinitely();
        db.pool.query("INSERT INTO tally VALUES (1, 0)").execute().await().indefinitely();
    }

    @AfterAll
    static void stop() { db.close(); }

    static ConsumedEvent event(UUID id, long offset) {
        return new ConsumedEvent(id, "hubag.tests.Counted", 1, "s-1", "MQ", 1, "{}", "corr", "topic-a", 0, offset);
    }

    long tally() { return db.count("SELECT n FROM tally WHERE id = 1"); }

    long checkpoint(String name) {
        return db.count("SELECT coalesce(max(next_offset), -1) FROM es_consumer_checkpoints WHERE consumer = '"
                + name + "'");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        long before = tally();
        for (int delivery = 0; delivery < 3; delivery++) {
            consumer.process("counting", event(id, 41), tx -> tx.query("UPDATE tally SET n = n + 1 WHERE id = 1")
                    .execute().replaceWithVoid()).await().indefinitely();
        }
        assertThat(tally()).isEqualTo(before + 1);
        assertThat(checkpoint("counting")).isEqualTo(42);
    }

    @Test
    void aFailedEffectLeavesNeitherMarkNorCheckpointSoTheRetryApplies() {
        UUID id = UUID.randomUUID();
        long before = tally();
        assertThatThrownBy(() -> consumer.process("failing", event(id, 7), tx ->
                tx.query("UPDATE tally SET n = n + 100 WHERE id = 1").execute()
                        .chain(() -> Uni.createFrom().<Void>failure(new IllegalStateException("projection bug"))))
                .await().indefinitely()).hasMessageContaining("projection bug");
        assertThat(tally()).as("the effect was rolled back").isEqualTo(before);
        assertThat(checkpoint("failing")).isEqualTo(-1);
        assertThat(db.count("SELECT count(*) FROM es_processed_events WHERE event_id = '" + id + "'")).isZero();

        boolean applied = consumer.process("failing", event(id, 7), tx -> tx.preparedQuery(
                "UPDATE tally SET n = n + $1 WHERE id = 1").execute(Tuple.of(1)).replaceWithVoid())
                .await().indefinitely();
        assertThat(applied).isTrue();
        assertThat(tally()).isEqualTo(before + 1);
        assertThat(checkpoint("failing")).isEqualTo(8);
    }

    @Test
    void consumersAreIndependent() {
        UUID id = UUID.randomUUID();
        boolean first = consumer.process("view-a", event(id, 1), tx -> Uni.createFrom().voidItem())
                .await().indefinitely();
        boolean second = consumer.process("view-b", event(id, 1), tx -> Uni.createFrom().voidItem())
                .await().indefinitely();
        assertThat(first).isTrue();
        assertThat(second).isTrue();
    }

    static ConsumedEvent onStream(UUID id, String stream, int partition, long offset) {
        return new ConsumedEvent(id, "hubag.tests.Counted", 1, stream, "MQ", 1, "{}", "corr", "topic-b", partition,
                offset);
    }

    @Test
    void aPollIsAppliedInOneTransactionEachEventOnceInStreamOrder() {
        long before = tally();
        UUID seenBefore = UUID.randomUUID();
        consumer.process("batching", onStream(seenBefore, "s-a", 0, 9), tx -> tx.query(
                "UPDATE tally SET n = n + 1 WHERE id = 1").execute().replaceWithVoid()).await().indefinitely();
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        UUID b1 = UUID.randomUUID();
        List<ConsumedEvent> poll = List.of(onStream(seenBefore, "s-a", 0, 9), onStream(a1, "s-a", 0, 10),
                onStream(b1, "s-b", 1, 4), onStream(a2, "s-a", 0, 11), onStream(a1, "s-a", 0, 10));
        List<UUID> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        int applied = consumer.processBatch("batching", poll, (tx, event) -> tx.query(
                        "UPDATE tally SET n = n + 1 WHERE id = 1").execute().invoke(() -> order.add(event.eventId()))
                .replaceWithVoid()).await().indefinitely();

        assertThat(applied).isEqualTo(3);
        assertThat(tally()).isEqualTo(before + 1 + 3);
        assertThat(order).containsSubsequence(a1, a2).contains(b1).hasSize(3);
        assertThat(db.count("SELECT next_offset FROM es_consumer_checkpoints WHERE consumer = 'batching' "
                + "AND topic = 'topic-b' AND partition = 0")).isEqualTo(12);
        assertThat(db.count("SELECT next_offset FROM es_consumer_checkpoints WHERE consumer = 'batching' "
                + "AND topic = 'topic-b' AND partition = 1")).isEqualTo(5);
    }

    @Test
    void aStoreFailureRollsBackThePollWhichIsRetriedWholeAndParksNothing() {
        long before = tally();
        UUID ok = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        List<ConsumedEvent> poll = List.of(onStream(ok, "s-c", 2, 1), onStream(bad, "s-d", 2, 2));
        AtomicInteger attempts = new AtomicInteger();

        // a serialization failure is the store's, not the event's: the whole poll is rolled back and tried again
        int applied = consumer.processBatch("batch-failing", poll, (tx, event) -> tx.query(
                        "UPDATE tally SET n = n + 1 WHERE id = 1").execute()
                .chain(() -> event.eventId().equals(bad) && attempts.incrementAndGet() <= 2
                        ? tx.query("DO $$ BEGIN RAISE EXCEPTION 'conflict' "
                        + "USING ERRCODE = 'serialization_failure'; END $$").execute().replaceWithVoid()
                        : Uni.createFrom().voidItem())).await().indefinitely();

        assertThat(applied).isEqualTo(2);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(tally()).as("the failed attempts left nothing").isEqualTo(before + 2);
        assertThat(db.count("SELECT count(*) FROM es_processed_events WHERE consumer = 'batch-failing'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM es_parked_events WHERE consumer = 'batch-failing'")).isZero();
    }

    // --- pending polls (issue 8's staleness tail): the polls that arrive while a poll's transaction runs are not
    // applied one commit each behind it, but together in the next transaction, in order, each event once

    static final Duration WAIT = Duration.ofSeconds(10);

    static ConsumedEvent polled(long offset) {
        return new ConsumedEvent(UUID.randomUUID(), "hubag.tests.Counted", 1, "s-" + offset, "MQ", 1, "{}", "corr",
                "topic-p", 0, offset);
    }

    /** A channel whose first transaction waits for {@code held} before its effect completes. */
    static PendingPolls<ConsumedEvent> channel(String name, int maxRecords, List<List<Long>> transactions,
                                               CompletableFuture<Void> held) {
        return new PendingPolls<>(name, maxRecords, taken -> consumer.processPoll(name, taken, (tx, fresh) -> {
            List<Long> offsets = fresh.stream().map(ConsumedEvent::offset).toList();
            transactions.add(offsets);
            Uni<Void> effect = Uni.createFrom().voidItem();
            return transactions.size() == 1 ? effect.chain(() -> Uni.createFrom().completionStage(held)) : effect;
        }));
    }

    void awaitCheckpoint(String name, long next) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (checkpoint(name) != next && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(checkpoint(name)).isEqualTo(next);
    }

    @Test
    void thePollsThatArriveWhileATransactionRunsAreAppliedTogetherInTheNext() throws Exception {
        List<List<Long>> transactions = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> held = new CompletableFuture<>();
        PendingPolls<ConsumedEvent> polls = channel("coalescing", 100, transactions, held);

        polls.offer(List.of(polled(0))).await().atMost(WAIT);
        // accepted at once while the first transaction runs: the connector hands the next polls over
        polls.offer(List.of(polled(1), polled(2))).await().atMost(WAIT);
        polls.offer(List.of(polled(3))).await().atMost(WAIT);
        polls.offer(List.of(polled(4))).await().atMost(WAIT);
        assertThat(polls.waiting()).isEqualTo(4);

        held.complete(null);
        awaitCheckpoint("coalescing", 5);

        assertThat(transactions).containsExactly(List.of(0L), List.of(1L, 2L, 3L, 4L));
        assertThat(polls.waiting()).isZero();
        polls.offer(List.of(polled(5))).await().atMost(WAIT);
        awaitCheckpoint("coalescing", 6);
        assertThat(transactions).hasSize(3).last().isEqualTo(List.of(5L));
    }

    @Test
    void beyondItsLimitAPollWaitsUntilTheWaitingRecordsAreTaken() throws Exception {
        List<List<Long>> transactions = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> held = new CompletableFuture<>();
        PendingPolls<ConsumedEvent> polls = channel("holding", 2, transactions, held);

        polls.offer(List.of(polled(0))).await().atMost(WAIT);
        polls.offer(List.of(polled(1))).await().atMost(WAIT);
        CompletableFuture<Void> third = polls.offer(List.of(polled(2))).subscribeAsCompletionStage();
        Thread.sleep(200);
        assertThat(third).as("two records wait: the connector is held back").isNotDone();

        held.complete(null);
        third.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        awaitCheckpoint("holding", 3);
        assertThat(transactions).containsExactly(List.of(0L), List.of(1L, 2L));
    }

    @Test
    void aTransactionThatFailsFailsTheNextPollAndEveryOneAfter() throws Exception {
        CompletableFuture<Void> failing = new CompletableFuture<>();
        PendingPolls<ConsumedEvent> polls = new PendingPolls<>("polls-failing", 100,
                taken -> Uni.createFrom().completionStage(failing));

        polls.offer(List.of(polled(0))).await().atMost(WAIT);
        polls.offer(List.of(polled(1))).await().atMost(WAIT);
        assertThat(polls.failure()).isNull();
        failing.completeExceptionally(new IllegalStateException("the store is gone"));
        assertThat(polls.failure()).hasMessage("the store is gone");

        assertThatThrownBy(() -> polls.offer(List.of(polled(2))).await().atMost(WAIT))
                .hasMessageContaining("the store is gone");
        assertThatThrownBy(() -> polls.offer(List.of(polled(3))).await().atMost(WAIT))
                .hasMessageContaining("the store is gone");
    }
}
