package fr.hubag.projection.projector;

import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.infra.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Builds the actors read models of each territory, and the hub-wide ones, from the actors' stream. Each event is
 * applied once (by event id, {@link IdempotentConsumer}) with its checkpoint in the same transaction, to the schema
 * of its territory and to {@code hub}, never to another territory's. The consumer name and the Kafka group are
 * versioned: a new version reads the topic from the start into fresh tables, which is how the models are rebuilt.
 */
@ApplicationScoped
public class ActorsProjector {

    public static final String CONSUMER = "projection.actors.v2";
    private static final Logger LOG = Logger.getLogger(ActorsProjector.class);

    private final IdempotentConsumer consumer;
    private final PlacesView places;
    private final LabelsView labels;
    private final AidantsView aidants;

    public ActorsProjector(IdempotentConsumer consumer, PlacesView places, LabelsView labels, AidantsView aidants) {
        this.consumer = consumer;
        this.places = places;
        this.labels = labels;
        this.aidants = aidants;
    }

    @Incoming("actor-events")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        ConsumedEvent event = ConsumedEvent.of(record);
        Territory territory = Territory.parse(event.territory()).orElse(null);
        if (territory == null) {
            LOG.warnf("event %s has no hub territory (%s); skipped", event.eventId(), event.territory());
            return Uni.createFrom().voidItem();
        }
        return consumer.process(CONSUMER, event, tx -> apply(tx, event, territory)).replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Territory territory) {
        JsonObject payload = new JsonObject(event.payload());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Scope scope : List.of(Scope.of(territory), Scope.HUB)) {
            chain = chain.chain(() -> apply(tx, scope.schema(), event, territory, payload));
        }
        return chain;
    }

    private Uni<Void> apply(SqlConnection tx, String schema, ConsumedEvent event, Territory territory,
                            JsonObject e) {
        UUID actorId = Events.uuid(e, "actorId");
        long version = event.streamVersion();
        OffsetDateTime at = Events.occurredAt(e);
        return switch (event.eventType()) {
            case "ActorRegistered" -> places.register(tx, schema, actorId, e.getString("territory", territory.name()),
                    PlacePayloads.registered(e, event.schemaVersion()), at, version);
            case "ActorDetailsChanged" -> places.replace(tx, schema, actorId, e.getJsonObject("place"), at, version);
            case "ActorClosed" -> places.close(tx, schema, actorId, Events.date(e, "closedOn"), e.getString("reason"),
                    at, version);
            case "ActorReopened" -> places.reopen(tx, schema, actorId, at, version);
            case "LabelGranted" -> labels.grant(tx, schema, actorId, e.getString("label"),
                    Events.date(e, "validFrom"), Events.date(e, "validUntil"));
            case "LabelRevoked" -> labels.revoke(tx, schema, actorId, e.getString("label"),
                    Events.date(e, "effectiveOn"));
            case "AidantEnrolled" -> aidants.enrol(tx, schema, actorId, Events.uuid(e, "aidantId"),
                    e.getString("name"), e.getString("role"), Events.date(e, "enrolledOn"));
            case "AidantTrainingCompleted" -> aidants.trained(tx, schema, Events.uuid(e, "aidantId"), e);
            case "AidantDeparted" -> aidants.departed(tx, schema, Events.uuid(e, "aidantId"),
                    Events.date(e, "departedOn"));
            case "ActorsMerged" -> merged(tx, schema, actorId, e, at, version);
            default -> Uni.createFrom().voidItem(); // a type these read models do not use
        };
    }

    /**
     * ActorsMerged is on both streams: the absorbed actor's copy marks it merged, the survivor's copy carries the
     * labels and aidants over. Each copy does only its own part, in the order of its own stream.
     */
    private Uni<Void> merged(SqlConnection tx, String schema, UUID actorId, JsonObject e, OffsetDateTime at,
                             long version) {
        UUID survivor = Events.uuid(e, "survivorActorId");
        UUID absorbed = Events.uuid(e, "absorbedActorId");
        if (actorId.equals(absorbed)) {
            return places.mergedInto(tx, schema, absorbed, survivor, at, version);
        }
        if (actorId.equals(survivor)) {
            return labels.carry(tx, schema, survivor, absorbed, e.getJsonArray("absorbedLabels"))
                    .chain(() -> aidants.carry(tx, schema, survivor, absorbed, e.getJsonArray("absorbedAidants")));
        }
        LOG.warnf("ActorsMerged on stream %s names neither it as survivor nor as absorbed; skipped", actorId);
        return Uni.createFrom().voidItem();
    }
}
