package fr.hubag.actors.infra;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.Place;
import fr.hubag.domain.Territory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The current place of every actor of some territories, read straight from the event store (the latest
 * registration or change of each stream, absorbed actors left out). The importer compares a file against it to
 * propose likely duplicates; it is the write side's own data, so no read model has to be up to date for that.
 */
@ApplicationScoped
public class ActorCatalogue {

    private final Pool pool;

    public ActorCatalogue(Pool pool) {
        this.pool = pool;
    }

    public record KnownPlace(UUID actorId, Place place) {}

    public Uni<List<KnownPlace>> places(Collection<Territory> territories) {
        String[] codes = territories.stream().map(Territory::name).toArray(String[]::new);
        return pool.preparedQuery("""
                        SELECT DISTINCT ON (e.stream_id) e.stream_id, e.event_type, e.schema_version, e.payload::text AS payload
                          FROM es_events e JOIN es_streams s ON s.stream_id = e.stream_id
                         WHERE s.stream_type = 'actor' AND s.territory = ANY($1)
                           AND e.event_type IN ('ActorRegistered', 'ActorDetailsChanged')
                           AND NOT EXISTS (SELECT 1 FROM es_events m WHERE m.stream_id = e.stream_id
                                  AND m.event_type = 'ActorsMerged' AND m.payload ->> 'absorbedActorId' = e.stream_id)
                         ORDER BY e.stream_id, e.stream_version DESC""")
                .execute(Tuple.of(codes))
                .map(rows -> {
                    List<KnownPlace> known = new ArrayList<>();
                    for (Row row : rows) {
                        ActorEvent event = ActorStreams.CODEC.decode(row.getString("event_type"),
                                row.getInteger("schema_version"), row.getString("payload"));
                        Place place = switch (event) {
                            case ActorEvent.ActorRegistered registered -> registered.place();
                            case ActorEvent.ActorDetailsChanged changed -> changed.place();
                            default -> null;
                        };
                        if (place != null) {
                            known.add(new KnownPlace(event.actorId(), place));
                        }
                    }
                    return known;
                });
    }
}
