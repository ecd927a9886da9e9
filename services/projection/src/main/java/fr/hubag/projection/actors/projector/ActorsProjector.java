package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvent.ActorClosed;
import fr.hubag.contracts.actors.ActorEvent.ActorDetailsChanged;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.ActorReopened;
import fr.hubag.contracts.actors.ActorEvent.ActorsMerged;
import fr.hubag.contracts.actors.ActorEvent.AidantDeparted;
import fr.hubag.contracts.actors.ActorEvent.AidantEnrolled;
import fr.hubag.contracts.actors.ActorEvent.AidantTrainingCompleted;
import fr.hubag.contracts.actors.ActorEvent.LabelGranted;
import fr.hubag.contracts.actors.ActorEvent.LabelRevoked;
import fr.hubag.contracts.actors.Training;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.BatchEffect;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.batch.Statement;
import fr.hubag.projection.shared.batch.ScopedStatements;
import fr.hubag.projection.shared.batch.StatementBatches;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the actors read models of each territory from the actors' stream; the hub-wide ones are views uniting the
 * four (V127), so an event is written once. Each event is applied once (by event id,
 * {@link IdempotentConsumer#processPoll}) with its checkpoint in the same transaction, to the schema of its
 * territory, never to another territory's; a poll's events together, in batched statements. It is a
 * {@link ReadModel}: it applies to the serving generation of its tables (and, during a rebuild's handover, to the
 * next one too), and a rebuild runs the same code into a new generation beside the serving one
 * ({@link fr.hubag.projection.shared.rebuild.Rebuilds}).
 */
@ApplicationScoped
public class ActorsProjector implements ReadModel {

    /** The consumer name of generation 0; generation n applies as {@code projection.actors.g<n>}. */
    public static final String CONSUMER = "projection.actors.v2";
    private static final List<String> SCHEMAS = List.of("gp", "gf", "mq", "mf", "hub");
    private static final List<String> TABLES = List.of("places", "label_grants", "aidants", "aidant_trainings");
    private static final Logger LOG = Logger.getLogger(ActorsProjector.class);

    private final Generations generations;
    private final PlacesView places;
    private final LabelsView labels;
    private final AidantsView aidants;

    public ActorsProjector(Generations generations, PlacesView places, LabelsView labels, AidantsView aidants) {
        this.generations = generations;
        this.places = places;
        this.labels = labels;
        this.aidants = aidants;
    }

    /**
     * One poll's records, applied in one transaction (marks, effects and checkpoints together): a commit per poll
     * rather than per event is what lets the read models keep up with durable commits and rebuild quickly.
     */
    @Incoming("actor-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return generations.live(this, records).replaceWithVoid();
    }

    /** The name the live channel applies under: the serving generation's (it changes at each rebuild's switch). */
    public String liveConsumer() {
        return generations.serving(this).consumer();
    }

    @Override
    public String name() { return "actors"; }

    @Override
    public String topic() { return "actors.events"; }

    @Override
    public List<String> baseSchemas() { return SCHEMAS; }

    @Override
    public List<String> tables() { return TABLES; }

    @Override
    public String firstConsumer() { return CONSUMER; }

    /** hub.places and the others are views over the territories' tables (V127): half the writes of a copy. */
    @Override
    public boolean hubUnitesTerritories() { return true; }

    @Override
    public Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target) {
        return applyAll(tx, List.of(event), target);
    }

    /**
     * A poll's events in a few round trips ({@link ScopedStatements}, {@link StatementBatches}): a thousand
     * registrations are one batched insert per territory, rather than a thousand statements.
     */
    @Override
    public Uni<Void> applyAll(SqlConnection tx, List<ConsumedEvent> events, Generation target) {
        return ScopedStatements.apply(tx, events, this, target, this::change);
    }

    /** The poll's statements computed now, before its transaction (a rebuild's catch-up, {@link ReadModel}). */
    @Override
    public BatchEffect prepare(List<ConsumedEvent> events, Generation target) {
        return ScopedStatements.prepare(events, this, target, this::change);
    }

    private Function<String, List<Statement>> change(ConsumedEvent event) {
        ActorEvent read = ActorPayloads.read(event).orElse(null);
        Territory territory = Territory.parse(event.territory()).orElse(null);
        return read == null || territory == null ? null // a type these read models do not use
                : change(read, territory, event.streamVersion());
    }

    /** What an event changes, given the schema of a scope; what costs (a place's row) is computed once. */
    private Function<String, List<Statement>> change(ActorEvent e, Territory territory, long version) {
        UUID actorId = e.actorId();
        OffsetDateTime at = e.occurredAt().atOffset(ZoneOffset.UTC);
        return switch (e) {
            case ActorRegistered r -> {
                Tuple row = PlacesView.registration(actorId,
                        (r.territory() == null ? territory : r.territory()).name(), r.place(), at, version);
                yield schema -> List.of(places.register(schema, row));
            }
            case ActorDetailsChanged c -> {
                Tuple row = PlacesView.row(actorId, null, c.place(), at, version);
                yield schema -> List.of(places.replace(schema, row));
            }
            case ActorClosed c -> schema -> List.of(places.close(schema, actorId, c.closedOn(), c.reason(), at,
                    version));
            case ActorReopened r -> schema -> List.of(places.reopen(schema, actorId, at, version));
            case LabelGranted g -> schema -> List.of(labels.grant(schema, actorId, g.label(), g.validFrom(),
                    g.validUntil()));
            case LabelRevoked r -> schema -> labels.revoke(schema, actorId, r.label(), r.effectiveOn());
            case AidantEnrolled a -> schema -> List.of(aidants.enrol(schema, actorId, a.aidantId(), a.name(),
                    a.role(), a.enrolledOn()));
            case AidantTrainingCompleted t -> schema -> List.of(aidants.trained(schema, t.aidantId(),
                    new Training(t.title(), t.provider(), t.hours(), t.completedOn())));
            case AidantDeparted d -> schema -> List.of(aidants.departed(schema, d.aidantId(), d.departedOn()));
            case ActorsMerged m -> schema -> merged(schema, m, at, version);
        };
    }

    /**
     * ActorsMerged is on both streams: the absorbed actor's copy marks it merged, the survivor's copy carries the
     * labels and aidants over. Each copy does only its own part, in the order of its own stream.
     */
    private List<Statement> merged(String schema, ActorsMerged e, OffsetDateTime at, long version) {
        UUID actorId = e.actorId();
        UUID survivor = e.survivorActorId();
        UUID absorbed = e.absorbedActorId();
        if (actorId.equals(absorbed)) {
            return List.of(places.mergedInto(schema, absorbed, survivor, at, version));
        }
        if (actorId.equals(survivor)) {
            List<Statement> statements = new ArrayList<>(labels.carry(schema, survivor, absorbed,
                    e.absorbedLabels()));
            statements.addAll(aidants.carry(schema, survivor, absorbed, e.absorbedAidants()));
            return statements;
        }
        LOG.warnf("ActorsMerged on stream %s names neither it as survivor nor as absorbed; skipped", actorId);
        return List.of();
    }
}
