package fr.hubag.projection.shared.rebuild;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.ZoneOffset;

/** Writes a rebuild's progress to its row, and a log line every few seconds while it runs. */
final class RebuildLog {

    private static final Logger LOG = Logger.getLogger(RebuildLog.class);
    private static final long EVERY_MILLIS = 5_000;

    private final Pool pool;
    private long last = System.currentTimeMillis();

    RebuildLog(Pool pool) {
        this.pool = pool;
    }

    void store(Progress p) {
        pool.preparedQuery("""
                        UPDATE read_model_rebuilds SET state = $2, total = $3, applied = $4, positions = $5, error = $6,
                               dual_at = $7, updated_at = now() WHERE id = $1""")
                .execute(Tuple.from(new Object[]{p.id(), p.state().name(), p.total(), p.applied(), p.positionsJson(),
                        p.error(), p.dualAt() == null ? null : p.dualAt().atOffset(ZoneOffset.UTC)}))
                .await().atMost(Duration.ofSeconds(30));
    }

    /** Stores and logs if the last line is a few seconds old. */
    void every(Progress p) {
        long now = System.currentTimeMillis();
        if (now - last < EVERY_MILLIS) {
            return;
        }
        last = now;
        store(p);
        RebuildStatus s = p.status();
        LOG.infof("rebuild %d of %s into generation %d: %s, %d/%d events (%.1f%%), %d events/s, about %s s left",
                s.id(), s.readModel(), s.generation(), s.state(), s.applied(), s.total(),
                s.total() == 0 ? 100.0 : 100.0 * s.applied() / s.total(), s.eventsPerSecond(), s.secondsLeft());
    }
}
