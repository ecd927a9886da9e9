package fr.hubag.vouchers.infra;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvent.ActorClosed;
import fr.hubag.contracts.actors.ActorEvent.ActorDetailsChanged;
import fr.hubag.contracts.actors.ActorEvent.ActorReopened;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.ActorsMerged;
import fr.hubag.contracts.actors.ActorEvent.LabelGranted;
import fr.hubag.contracts.actors.ActorEvent.LabelRevoked;
import fr.hubag.contracts.actors.ActorEvents;
import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the census's facts a redemption depends on — each actor's territory and commune, its APTIC label periods, its
 * merges — from {@code actors.events}, each event applied once with the consumer's mark and checkpoint in the same
 * transaction, so a redelivered event changes nothing. A revocation from day D ends the periods still running on D at
 * D − 1 and drops those starting on or after D, as the census itself reads it (docs/actors.md). A closure
 * (ActorClosed, until ActorReopened) stops the actor's redemptions from its closing day.
 */
@ApplicationScoped
public class CensusConsumer {

    public static final String NAME = "vouchers.census.v1";
    static final EventCodec<ActorEvent> ACTORS = EventCodec.of(ActorEvents.CATALOGUE, ActorEvent::occurredAt);

    private final IdempotentConsumer consumer;

    public CensusConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("census-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return consumer.processRecords(NAME, records, CensusConsumer::apply).replaceWithVoid();
    }

    static Uni<Void> apply(SqlConnection tx, ConsumedEvent event) {
        if (!ACTORS.knows(event.eventType())) {
            return Uni.createFrom().voidItem();
        }
        ActorEvent decoded = ACTORS.decode(event.eventType(), event.schemaVersion(), event.payload());
        List<Statement> statements = switch (decoded) {
            case ActorRegistered r -> List.of(place(r.actorId(), r.territory(), r.place()));
            case ActorDetailsChanged c -> List.of(place(c.actorId(), c.territory(), c.place()));
            case LabelGranted g when g.label() == Label.APTIC ->
                    List.of(period(g.actorId(), new LabelGrant(g.label(), g.validFrom(), g.validUntil())));
            case LabelRevoked r when r.label() == Label.APTIC -> List.of(
                    new Statement("DELETE FROM census_aptic_periods WHERE actor_id = $1 AND valid_from >= $2",
                            Tuple.of(r.actorId(), r.effectiveOn())),
                    new Statement("""
                            UPDATE census_aptic_periods SET valid_until = $2
                             WHERE actor_id = $1 AND (valid_until IS NULL OR valid_until > $2)""",
                            Tuple.of(r.actorId(), r.effectiveOn().minusDays(1))));
            case ActorClosed c -> List.of(closure(c.actorId(), c.closedOn()));
            case ActorReopened r -> List.of(closure(r.actorId(), null));
            case ActorsMerged m -> merged(m);
            default -> List.of();
        };
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Statement statement : statements) {
            chain = chain.flatMap(nothing -> tx.preparedQuery(statement.sql()).execute(statement.params())
                    .replaceWithVoid());
        }
        return chain;
    }

    private record Statement(String sql, Tuple params) {}

    private static Statement place(UUID actorId, Territory territory, Place place) {
        String commune = place.commune() == null ? null : place.commune().inseeCode();
        return new Statement("""
                INSERT INTO census_actors (actor_id, territory, commune_insee_code) VALUES ($1, $2, $3)
                ON CONFLICT (actor_id) DO UPDATE SET territory = $2, commune_insee_code = $3""",
                Tuple.of(actorId, territory.name(), commune));
    }

    /** Closed from {@code closedOn} (null: open again). */
    private static Statement closure(UUID actorId, java.time.LocalDate closedOn) {
        return new Statement("""
                INSERT INTO census_actors (actor_id, closed_on) VALUES ($1, $2)
                ON CONFLICT (actor_id) DO UPDATE SET closed_on = $2""", Tuple.of(actorId, closedOn));
    }

    private static Statement period(UUID actorId, LabelGrant grant) {
        return new Statement("INSERT INTO census_aptic_periods (actor_id, valid_from, valid_until) VALUES ($1, $2, $3)",
                Tuple.of(actorId, grant.validFrom(), grant.validUntil()));
    }

    /** The survivor's copy carries the absorbed actor's labels over; the absorbed's copy redirects it. */
    private static List<Statement> merged(ActorsMerged merge) {
        List<Statement> statements = new ArrayList<>();
        if (merge.actorId().equals(merge.survivorActorId())) {
            merge.absorbedLabels().stream().filter(g -> g.label() == Label.APTIC)
                    .forEach(g -> statements.add(period(merge.survivorActorId(), g)));
        } else {
            statements.add(new Statement("""
                    INSERT INTO census_actors (actor_id, merged_into) VALUES ($1, $2)
                    ON CONFLICT (actor_id) DO UPDATE SET merged_into = $2""",
                    Tuple.of(merge.absorbedActorId(), merge.survivorActorId())));
        }
        return statements;
    }
}
