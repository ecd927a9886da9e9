package fr.hubag.eventsourcing;

import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.store.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A kernel test: a database of its own with the kernel's tables, and the executor over it. */
abstract class KernelTest {

    static KernelFixture db;
    static CommandExecutor executor;

    @BeforeAll
    static void startKernel() {
        db = new KernelFixture();
        executor = new CommandExecutor(db.pool, new EventStore(db.pool));
    }

    @AfterAll
    static void stopKernel() { db.close(); }

    /** How many events a stream holds, read back with plain SQL. */
    static long events(String stream) {
        return db.count("SELECT count(*) FROM es_events WHERE stream_id = '" + stream + "'");
    }
}
