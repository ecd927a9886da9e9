package fr.hubag.projection.shared.rebuild;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one rebuild got: written by its catch-up thread, read by the admin endpoint and the log. "Applied" counts
 * the records of the topic read and applied up to the end offsets taken at the start ({@code total}), so it reaches
 * total exactly when the new generation holds every event that existed when the rebuild began.
 */
final class Progress {

    private final long id;
    private final String readModel;
    private final int generation;
    private final Instant startedAt;
    private volatile RebuildStatus.State state;
    private volatile long total;
    private volatile long applied;
    private volatile Map<Integer, Long> positions;
    private volatile Instant dualAt;
    private volatile Instant endedAt;
    private volatile String error;

    Progress(long id, String readModel, int generation, Instant startedAt) {
        this.id = id;
        this.readModel = readModel;
        this.generation = generation;
        this.startedAt = startedAt;
        this.state = RebuildStatus.State.CATCHING_UP;
    }

    /** A rebuild as stored (finished, or left by a previous run of the service). */
    static Progress of(Row row) {
        Progress p = new Progress(row.getLong("id"), row.getString("read_model"), row.getInteger("generation"),
                row.getOffsetDateTime("started_at").toInstant());
        p.state = RebuildStatus.State.valueOf(row.getString("state"));
        p.total = row.getLong("total");
        p.applied = row.getLong("applied");
        JsonObject stored = row.getJsonObject("positions");
        if (stored != null) {
            Map<Integer, Long> positions = new TreeMap<>();
            stored.forEach(e -> positions.put(Integer.valueOf(e.getKey()), ((Number) e.getValue()).longValue()));
            p.positions = positions;
        }
        p.dualAt = instant(row, "dual_at");
        p.endedAt = p.state.running() ? null : instant(row, p.state == RebuildStatus.State.SWITCHED ? "switched_at"
                : "updated_at");
        p.error = row.getString("error");
        return p;
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }

    void started(long total) {
        this.total = total;
    }

    void read(long applied) {
        this.applied = applied;
    }

    void dual(Map<Integer, Long> positions) {
        this.positions = Map.copyOf(positions);
        this.dualAt = Instant.now();
        this.state = RebuildStatus.State.DUAL;
    }

    void switched() {
        this.applied = total;
        this.endedAt = Instant.now();
        this.state = RebuildStatus.State.SWITCHED;
    }

    void failed(Exception e) {
        this.error = String.valueOf(e.getMessage());
        this.endedAt = Instant.now();
        this.state = RebuildStatus.State.FAILED;
    }

    long id() { return id; }
    int generation() { return generation; }
    RebuildStatus.State state() { return state; }
    long total() { return total; }
    long applied() { return applied; }
    String error() { return error; }
    Instant dualAt() { return dualAt; }

    JsonObject positionsJson() {
        if (positions == null) {
            return null;
        }
        JsonObject json = new JsonObject();
        positions.forEach((partition, offset) -> json.put(String.valueOf(partition), offset));
        return json;
    }

    double seconds() {
        Instant end = endedAt == null ? Instant.now() : endedAt;
        return Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    }

    /** Events applied per second since the start. */
    double rate() {
        return applied / seconds();
    }

    /** Seconds left at the current rate; null when finished or not measurable yet. */
    Long secondsLeft() {
        double rate = rate();
        if (!state.running() || rate <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, total - applied) / rate);
    }

    RebuildStatus status() {
        return new RebuildStatus(id, readModel, generation, state, total, applied, Math.round(rate()),
                secondsLeft(), startedAt.atOffset(ZoneOffset.UTC),
                dualAt == null ? null : dualAt.atOffset(ZoneOffset.UTC),
                endedAt == null ? null : endedAt.atOffset(ZoneOffset.UTC), positions, error);
    }
}
