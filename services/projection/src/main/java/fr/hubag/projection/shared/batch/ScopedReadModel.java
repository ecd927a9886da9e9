package fr.hubag.projection.shared.batch;

import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.List;
import java.util.function.Function;

/**
 * A read model of the territory schemas and {@code hub} applied through {@link ScopedStatements}: a subclass names
 * its topic, tables and first consumer, receives its live polls ({@link #live}, from its {@code @Incoming} method)
 * and says what an event changes given a schema ({@link #change}); the rest — generations, batching, the schemas an
 * event touches — is the same for every such read model (the vouchers one; the actors and sessions projectors
 * predate it and spell the same out).
 */
public abstract class ScopedReadModel implements ReadModel {

    private static final List<String> SCHEMAS = List.of("gp", "gf", "mq", "mf", "hub");

    private final Generations generations;

    protected ScopedReadModel(Generations generations) {
        this.generations = generations;
    }

    /** A live poll, applied to the serving generation (and to the one being built, during a rebuild's handover). */
    protected Uni<Void> live(ConsumerRecords<String, String> records) {
        return generations.live(this, records).replaceWithVoid();
    }

    /** What the event changes in a schema's tables; null when nothing (a type this read model does not use). */
    protected abstract Function<String, List<Statement>> change(ConsumedEvent event);

    @Override
    public List<String> baseSchemas() { return SCHEMAS; }

    @Override
    public Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target) {
        return applyAll(tx, List.of(event), target);
    }

    /** A poll's events in a few round trips, each in its territory's schema (and in hub's, unless hub's are views). */
    @Override
    public Uni<Void> applyAll(SqlConnection tx, List<ConsumedEvent> events, Generation target) {
        return ScopedStatements.apply(tx, events, this, target, this::change);
    }
}
