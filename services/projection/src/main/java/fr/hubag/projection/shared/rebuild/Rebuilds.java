package fr.hubag.projection.shared.rebuild;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts rebuilds and answers how they are doing. A rebuild of a read model drops the generations that no longer
 * serve (kept until now as a way back), creates the next generation's empty tables, and runs a {@link CatchUp} on a
 * thread of its own; one rebuild per read model at a time. At startup, the serving generations are loaded and a
 * rebuild a previous run left unfinished is marked abandoned (its generation never served; the next rebuild drops it).
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    private static final Duration QUERY = Duration.ofSeconds(60);

    private final Pool pool;
    private final Generations generations;
    private final GenerationSchemas schemas;
    private final IdempotentConsumer consumer;
    private final List<ReadModel> models;
    private final String bootstrapServers;
    private final long dualLag;
    private final int maxPollRecords;
    private final int indexConnections;
    private final Map<String, Running> running = new HashMap<>();

    private record Running(Progress progress, CatchUp catchUp) {}

    /** A rebuild of this read model is already running. */
    public static final class AlreadyRunning extends RuntimeException {
        public final RebuildStatus running;

        AlreadyRunning(RebuildStatus running) {
            super("a rebuild of " + running.readModel() + " is already running (rebuild " + running.id() + ")");
            this.running = running;
        }
    }

    public Rebuilds(Pool pool, Generations generations, GenerationSchemas schemas, IdempotentConsumer consumer,
                    @All List<ReadModel> models,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "hub.rebuild.dual-lag", defaultValue = "2000") long dualLag,
                    @ConfigProperty(name = "hub.rebuild.max-poll-records", defaultValue = "2000") int maxPollRecords,
                    @ConfigProperty(name = "hub.rebuild.index-connections", defaultValue = "2") int indexConnections) {
        this.pool = pool;
        this.generations = generations;
        this.schemas = schemas;
        this.consumer = consumer;
        this.models = models;
        this.bootstrapServers = bootstrapServers;
        this.dualLag = dualLag;
        this.maxPollRecords = maxPollRecords;
        this.indexConnections = indexConnections;
    }

    void onStart(@Observes @Priority(1) StartupEvent start) {
        pool.query("UPDATE read_model_rebuilds SET state = 'ABANDONED', updated_at = now() "
                + "WHERE state IN ('CATCHING_UP', 'DUAL')").execute().await().atMost(QUERY);
        models.forEach(model -> generations.load(model).await().atMost(QUERY));
    }

    synchronized void onStop(@Observes ShutdownEvent stop) {
        running.values().forEach(r -> r.catchUp().stop());
    }

    public List<String> readModels() {
        return models.stream().map(ReadModel::name).sorted().toList();
    }

    public Optional<ReadModel> readModel(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Starts a rebuild of {@code model} into its next generation (blocking: run on a worker thread). */
    public synchronized RebuildStatus start(ReadModel model) {
        Running current = running.get(model.name());
        if (current != null && current.progress().state().running()) {
            throw new AlreadyRunning(current.progress().status());
        }
        Generation serving = generations.serving(model);
        List<Integer> dropped = schemas.dropAllBut(model, serving).await().atMost(QUERY);
        int last = pool.preparedQuery("SELECT coalesce(max(generation), 0) FROM read_model_rebuilds "
                + "WHERE read_model = $1").execute(Tuple.of(model.name())).await().atMost(QUERY)
                .iterator().next().getInteger(0);
        Generation next = model.generation(Math.max(last, serving.number()) + 1);
        schemas.create(model, next).await().atMost(QUERY);
        Row row = pool.preparedQuery("INSERT INTO read_model_rebuilds (read_model, generation, state) "
                        + "VALUES ($1, $2, 'CATCHING_UP') RETURNING *")
                .execute(Tuple.of(model.name(), next.number())).await().atMost(QUERY).iterator().next();
        Progress progress = Progress.of(row);
        CatchUp catchUp = new CatchUp(model, next, progress, generations, schemas, consumer, new RebuildLog(pool),
                bootstrapServers, dualLag, maxPollRecords, indexConnections);
        running.put(model.name(), new Running(progress, catchUp));
        Thread.ofPlatform().name("rebuild-" + model.name() + "-g" + next.number()).daemon().start(catchUp);
        LOG.infof("rebuild %d of %s started into generation %d (generation %d serves meanwhile; dropped: %s)",
                progress.id(), model.name(), next.number(), serving.number(), dropped);
        return progress.status();
    }

    /** Every rebuild, newest first: the running ones as they are now, the others as stored. */
    public synchronized List<RebuildStatus> list() {
        List<RebuildStatus> out = new ArrayList<>();
        for (Row row : pool.query("SELECT * FROM read_model_rebuilds ORDER BY id DESC LIMIT 100").execute()
                .await().atMost(QUERY)) {
            Running live = running.get(row.getString("read_model"));
            boolean current = live != null && live.progress().id() == row.getLong("id");
            out.add(current ? live.progress().status() : Progress.of(row).status());
        }
        return out;
    }
}
