package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.actors.Commune;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.FrenchText;
import fr.hubag.domain.Coded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes the {@code places} read model: one row per actor with the place's filterable fields as columns and the
 * whole place as jsonb. Updates apply only over an older stream version, so a stale copy of an event can never
 * overwrite a newer state (an event without {@code ce_streamversion}, read as 0, always applies); registering twice
 * keeps the first row.
 */
@ApplicationScoped
class PlacesView {

    private static final String COLUMNS = """
            name = $3, typologies = $4, commune_name = $5, insee_code = $6, postcode = $7, address = $8,
            latitude = $9, longitude = $10, services = $11, publics = $12, access_modes = $13, support_modes = $14,
            fees = $15, programmes = $16, place = $17, commune_key = $18, search_text = $19,
            updated_at = $20, version = $21""";

    Uni<Void> register(SqlConnection tx, String schema, UUID actorId, String territory, Place place,
                       OffsetDateTime at, long version) {
        return tx.preparedQuery("INSERT INTO " + schema + ".places (actor_id, territory, name, typologies, "
                        + "commune_name, insee_code, postcode, address, latitude, longitude, services, publics, "
                        + "access_modes, support_modes, fees, programmes, place, commune_key, search_text, "
                        + "updated_at, version, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                        + "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $20) ON CONFLICT (actor_id) DO NOTHING")
                .execute(placeTuple(actorId, territory, place, at, version))
                .replaceWithVoid();
    }

    /**
     * ActorDetailsChanged: the whole place is replaced, and its grants follow a new name (they carry its sort key,
     * see {@link LabelsView}) in the same statement.
     */
    Uni<Void> replace(SqlConnection tx, String schema, UUID actorId, Place place, OffsetDateTime at,
                      long version) {
        return tx.preparedQuery("WITH replaced AS (UPDATE " + schema + ".places SET territory = "
                        + "coalesce($2, territory), " + COLUMNS + " WHERE actor_id = $1 AND (version < $21 OR $21 = 0) "
                        + "RETURNING actor_id, lower(name) AS sort_name) UPDATE " + schema + ".label_grants g "
                        + "SET sort_name = r.sort_name FROM replaced r WHERE g.actor_id = r.actor_id "
                        + "AND g.sort_name IS DISTINCT FROM r.sort_name")
                .execute(placeTuple(actorId, null, place, at, version))
                .replaceWithVoid();
    }

    Uni<Void> close(SqlConnection tx, String schema, UUID actorId, LocalDate closedOn, String reason,
                    OffsetDateTime at, long version) {
        return tx.preparedQuery("UPDATE " + schema + ".places SET closed_on = $2, close_reason = $3, "
                        + "updated_at = $4, version = $5 WHERE actor_id = $1 AND (version < $5 OR $5 = 0)")
                .execute(Tuple.from(Arrays.asList(actorId, closedOn, reason, at, version)))
                .replaceWithVoid();
    }

    Uni<Void> reopen(SqlConnection tx, String schema, UUID actorId, OffsetDateTime at, long version) {
        return tx.preparedQuery("UPDATE " + schema + ".places SET closed_on = NULL, close_reason = NULL, "
                        + "updated_at = $2, version = $3 WHERE actor_id = $1 AND (version < $3 OR $3 = 0)")
                .execute(Tuple.of(actorId, at, version))
                .replaceWithVoid();
    }

    /** The absorbed side of ActorsMerged: the row stays (its id must redirect) but leaves every listing. */
    Uni<Void> mergedInto(SqlConnection tx, String schema, UUID absorbedId, UUID survivorId, OffsetDateTime at,
                         long version) {
        return tx.preparedQuery("UPDATE " + schema + ".places SET merged_into = $2, updated_at = $3, "
                        + "version = GREATEST(version, $4) WHERE actor_id = $1")
                .execute(Tuple.of(absorbedId, survivorId, at, version))
                .replaceWithVoid();
    }

    private static Tuple placeTuple(UUID actorId, String territory, Place place, OffsetDateTime at, long version) {
        Commune commune = place.commune();
        return Tuple.from(Arrays.asList(actorId, territory, place.name(), place.typologies().toArray(String[]::new),
                commune.name(), commune.inseeCode(), commune.postcode(), place.address(), place.latitude(),
                place.longitude(), codes(place.services()), codes(place.publics()), codes(place.accessModes()),
                codes(place.supportModes()), codes(place.fees()), codes(place.programmes()), ActorPayloads.json(place),
                FrenchText.words(commune.name()),
                FrenchText.words(place.name(), commune.name(), place.address(), place.summary()),
                at, version));
    }

    /** A list of the standard's values as a SQL text[] of their codes. */
    private static String[] codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toArray(String[]::new);
    }
}
