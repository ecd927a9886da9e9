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
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Builds the actors read models of each territory, and the hub-wide ones, from the actors' stream. Each event is
 * applied once (by event id, {@link IdempotentConsumer#processBatch}) with its checkpoint in the same transaction, to the schema
 * of its territory and to {@code hub}, never to another territory's. It is a {@link ReadModel}: it applies to the
 * serving generation of its tables (and, during a rebuild's handover, to the next one too), and a rebuild runs the
 * same code into a new generation beside the serving one ({@link fr.hubag.projection.shared.rebuild.Rebuilds}).
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

    @Override
    public Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target) {
        Territory territory = Territory.parse(event.territory()).orElse(null);
        if (territory == null) {
            LOG.warnf("event %s has no hub territory (%s); skipped", event.eventId(), event.territory());
            return Uni.createFrom().voidItem();
        }
        return apply(tx, event, territory, target);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Territory territory, Generation target) {
        ActorEvent read = ActorPayloads.read(event).orElse(null);
        if (read == null) {
            return Uni.createFrom().voidItem(); // a type these read models do not use
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Scope scope : List.of(Scope.of(territory), Scope.HUB)) {
            chain = chain.chain(() -> apply(tx, target.schema(scope.schema()), read, territory,
                    event.streamVersion()));
        }
        return chain;
    }

    private Uni<Void> apply(SqlConnection tx, String schema, ActorEvent e, Territory territory, long version) {
        UUID actorId = e.actorId();
        OffsetDateTime at = e.occurredAt().atOffset(ZoneOffset.UTC);
        return switch (e) {
            case ActorRegistered r -> places.register(tx, schema, actorId,
                    (r.territory() == null ? territory : r.territory()).name(), r.place(), at, version);
            case ActorDetailsChanged c -> places.replace(tx, schema, actorId, c.place(), at, version);
            case ActorClosed c -> places.close(tx, schema, actorId, c.closedOn(), c.reason(), at, version);
            case ActorReopened r -> places.reopen(tx, schema, actorId, at, version);
            case LabelGranted g -> labels.grant(tx, schema, actorId, g.label(), g.validFrom(), g.validUntil());
            case LabelRevoked r -> labels.revoke(tx, schema, actorId, r.label(), r.effectiveOn());
            case AidantEnrolled a -> aidants.enrol(tx, schema, actorId, a.aidantId(), a.name(), a.role(),
                    a.enrolledOn());
            case AidantTrainingCompleted t -> aidants.trained(tx, schema, t.aidantId(),
                    new Training(t.title(), t.provider(), t.hours(), t.completedOn()));
            case AidantDeparted d -> aidants.departed(tx, schema, d.aidantId(), d.departedOn());
            case ActorsMerged m -> merged(tx, schema, m, at, version);
        };
    }

    /**
     * ActorsMerged is on both streams: the absorbed actor's copy marks it merged, the survivor's copy carries the
     * labels and aidants over. Each copy does only its own part, in the order of its own stream.
     */
    private Uni<Void> merged(SqlConnection tx, String schema, ActorsMerged e, OffsetDateTime at, long version) {
        UUID actorId = e.actorId();
        UUID survivor = e.survivorActorId();
        UUID absorbed = e.absorbedActorId();
        if (actorId.equals(absorbed)) {
            return places.mergedInto(tx, schema, absorbed, survivor, at, version);
        }
        if (actorId.equals(survivor)) {
            return labels.carry(tx, schema, survivor, absorbed, e.absorbedLabels())
                    .chain(() -> aidants.carry(tx, schema, survivor, absorbed, e.absorbedAidants()));
        }
        LOG.warnf("ActorsMerged on stream %s names neither it as survivor nor as absorbed; skipped", actorId);
        return Uni.createFrom().voidItem();
    }
}
