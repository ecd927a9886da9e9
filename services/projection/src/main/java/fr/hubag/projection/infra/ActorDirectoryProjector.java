package fr.hubag.projection.infra;

import fr.hubag.eventsourcing.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Builds the actor directory of each territory, and the hub-wide one, from the actors' event stream. Each event is
 * applied once (by event id) with its checkpoint in the same transaction; it is written to the schema of its
 * territory and to {@code hub}, never to another territory's.
 */
@ApplicationScoped
public class ActorDirectoryProjector {

    public static final String CONSUMER = "projection.actor-directory";
    private static final Logger LOG = Logger.getLogger(ActorDirectoryProjector.class);

    private final IdempotentConsumer consumer;

    public ActorDirectoryProjector(IdempotentConsumer consumer) {
        this.consumer = consumer;
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
        List<String> schemas = List.of(DirectorySchema.of(territory), DirectorySchema.HUB);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String schema : schemas) {
            chain = chain.chain(() -> switch (event.eventType()) {
                case "ActorRegistered" -> registered(tx, schema, payload, event);
                case "LabelGranted" -> labelGranted(tx, schema, payload, event);
                default -> Uni.createFrom().voidItem(); // a type this view does not use
            });
        }
        return chain;
    }

    private Uni<Void> registered(SqlConnection tx, String schema, JsonObject e, ConsumedEvent event) {
        JsonObject commune = e.getJsonObject("commune");
        OffsetDateTime at = OffsetDateTime.parse(e.getString("occurredAt")).withOffsetSameInstant(ZoneOffset.UTC);
        return tx.preparedQuery("INSERT INTO " + schema + ".actor_directory (actor_id, name, kind, territory, "
                        + "commune_name, insee_code, postcode, address, registered_at, updated_at, version) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) ON CONFLICT (actor_id) DO NOTHING")
                .execute(Tuple.from(List.of(UUID.fromString(e.getString("actorId")), e.getString("name"),
                        e.getString("kind"), e.getString("territory"), commune.getString("name"),
                        commune.getString("inseeCode"), commune.getString("postcode"), e.getString("address"), at,
                        event.streamVersion())))
                .replaceWithVoid();
    }

    private Uni<Void> labelGranted(SqlConnection tx, String schema, JsonObject e, ConsumedEvent event) {
        JsonObject grant = new JsonObject()
                .put("label", e.getString("label"))
                .put("validFrom", e.getString("validFrom"))
                .put("validUntil", e.getString("validUntil"));
        return tx.preparedQuery("UPDATE " + schema + ".actor_directory SET labels = labels || $2::text::jsonb, "
                        + "updated_at = $3, version = GREATEST(version, $4) WHERE actor_id = $1")
                .execute(Tuple.of(UUID.fromString(e.getString("actorId")), new JsonArray().add(grant).encode(),
                        OffsetDateTime.parse(e.getString("occurredAt")).withOffsetSameInstant(ZoneOffset.UTC),
                        event.streamVersion()))
                .replaceWithVoid();
    }
}
