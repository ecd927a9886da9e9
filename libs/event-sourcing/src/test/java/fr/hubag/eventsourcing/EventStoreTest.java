package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.store.ConcurrencyConflict;
import fr.hubag.eventsourcing.store.EventMetadata;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.eventsourcing.store.NewEvent;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 1: append-only streams, expected version on every append, a lost race is a conflict that writes nothing. */
class EventStoreTest {

    static KernelFixture db;
    static EventStore store;
    static final EventMetadata META = new EventMetadata("corr-1", "cause-1", "tester", null);

    @BeforeAll
    static void start() {
        db = new KernelFixture();
        store = new EventStore(db.pool);
    }

    @AfterAll
    static void stop() { db.close(); }

    static NewEvent event(String type) {
        return new NewEvent(UUID.randomUUID(), type, 1, "{\"n\":1}", Instant.parse("2026-11-23T10:00:00Z"));
    }

    Uni<?> append(String stream, long expected, NewEvent... events) {
        return db.pool.withTransaction(tx -> store.append(tx, stream, "test", "MQ", expected, List.of(events), META));
    }

    @Test
    void appendsAndReadsBackInVersionOrderWithPositionsAndMetadata() {
        String stream = UUID.randomUUID().toString();
        append(stream, 0, event("A"), event("B")).await().indefinitely();
        append(stream, 2, event("C")).await().indefinitely();

        var events = store.readStream(stream).await().indefinitely();

        assertThat(events).extracting(e -> e.type()).containsExactly("A", "B", "C");
        assertThat(events).extracting(e -> e.streamVersion()).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).globalPosition()).isLessThan(events.get(2).globalPosition());
        assertThat(events.get(0).territory()).isEqualTo("MQ");
        assertThat(events.get(0).metadata().correlationId()).isEqualTo("corr-1");
        assertThat(events.get(0).payload()).contains("\"n\"");
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndWritesNothing() {
        String stream = UUID.randomUUID().toString();
        append(stream, 0, event("A"), event("B")).await().indefinitely();

        assertThatThrownBy(() -> append(stream, 1, event("C")).await().indefinitely())
                .isInstanceOf(ConcurrencyConflict.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> append(stream, 0, event("D")).await().indefinitely())
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.readStream(stream).await().indefinitely()).hasSize(2);
    }

    @Test
    void ofManyConcurrentAppendsAtTheSameVersionExactlyOneWins() throws Exception {
        String stream = UUID.randomUUID().toString();
        append(stream, 0, event("created")).await().indefinitely();
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                try {
                    append(stream, 1, event("race")).await().indefinitely();
                    return true;
                } catch (ConcurrencyConflict lost) {
                    return false;
                }
            });
        }
        long winners = 0;
        for (Future<Boolean> result : pool.invokeAll(tasks)) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(store.readStream(stream).await().indefinitely()).extracting(e -> e.streamVersion())
                .containsExactly(1L, 2L);
    }

    @Test
    void twoWritersCreatingTheSameStreamConflict() throws Exception {
        String stream = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Boolean> create = () -> {
            try {
                append(stream, 0, event("created")).await().indefinitely();
                return true;
            } catch (ConcurrencyConflict lost) {
                return false;
            }
        };
        var results = pool.invokeAll(List.of(create, create));
        pool.shutdown();

        assertThat(results.get(0).get() ^ results.get(1).get()).as("exactly one creator wins").isTrue();
        assertThat(db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'")).isEqualTo(1);
    }

    @Test
    void eventIdsAreUnique() {
        String stream = UUID.randomUUID().toString();
        NewEvent once = event("A");
        append(stream, 0, once).await().indefinitely();

        assertThatThrownBy(() -> append(UUID.randomUUID().toString(), 0, once).await().indefinitely())
                .isInstanceOf(RuntimeException.class);
        assertThat(db.count("SELECT count(*) FROM es_events WHERE event_id = '" + once.eventId() + "'")).isEqualTo(1);
    }
}
