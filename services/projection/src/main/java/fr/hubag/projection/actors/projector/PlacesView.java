package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.actors.Commune;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.FrenchText;
import fr.hubag.domain.Coded;
import fr.hubag.projection.shared.batch.Statement;
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
            fees = $15, programmes = $16, place = $17::text::jsonb, commune_key = $18, search_text = $19,
            updated_at = $20, version = $21, search_head = $22, search_other = array_to_tsvector($23::text[]),
            search_pairs = array_to_tsvector($24::text[])""";

    /** The columns of {@link #registration}, in order, as the element types of the arrays that carry them. */
    private static final List<Class<?>> REGISTRATION = List.of(UUID.class, String.class, String.class, String.class,
            String.class, String.class, String.class, String.class, Double.class, Double.class, String.class,
            String.class, String.class, String.class, String.class, String.class, String.class, String.class,
            String.class, OffsetDateTime.class, Long.class, String.class, String.class, String.class);
    /** The positions of the text[] columns in a place's row (the last, search_pairs, may be null). */
    private static final int[] ARRAYS = {3, 10, 11, 12, 13, 14, 15, 22, 23};

    /**
     * ActorRegistered, with the row of {@link #registration}: one row of a multi-row insert, so that the
     * registrations of a poll are one statement per scope (a rebuild is mostly registrations).
     */
    Statement register(String schema, Tuple registration) {
        return Statement.row("INSERT INTO " + schema + ".places (actor_id, territory, name, typologies, "
                + "commune_name, insee_code, postcode, address, latitude, longitude, services, publics, "
                + "access_modes, support_modes, fees, programmes, place, commune_key, search_text, "
                + "updated_at, version, registered_at, search_head, search_other, search_pairs) "
                + "SELECT id, territory, name, typologies::text[], commune_name, insee_code, postcode, address, "
                + "latitude, longitude, services::text[], publics::text[], access_modes::text[], "
                + "support_modes::text[], fees::text[], programmes::text[], place::jsonb, commune_key, search_text, "
                + "at, version, at, head, array_to_tsvector(other::text[]), array_to_tsvector(pairs::text[]) "
                + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], "
                + "$6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::text[], $12::text[], "
                + "$13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], "
                + "$20::timestamptz[], $21::int8[], $22::text[], $23::text[], $24::text[]) AS r(id, territory, name, "
                + "typologies, commune_name, insee_code, postcode, address, latitude, longitude, services, publics, "
                + "access_modes, support_modes, fees, programmes, place, commune_key, search_text, at, version, head, "
                + "other, pairs) "
                + "ON CONFLICT (actor_id) DO NOTHING", registration, REGISTRATION);
    }

    /**
     * ActorDetailsChanged: the whole place is replaced (a row of {@link #row} without territory), and its grants
     * follow its new name and services (they carry them, see {@link LabelsView}) in the same statement.
     */
    Statement replace(String schema, Tuple row) {
        return new Statement("WITH replaced AS (UPDATE " + schema + ".places SET territory = coalesce($2, territory), "
                + COLUMNS + " WHERE actor_id = $1 AND (version < $21 OR $21 = 0) "
                + "RETURNING actor_id, lower(name) AS sort_name, services) UPDATE " + schema + ".label_grants g "
                + "SET sort_name = r.sort_name, services = r.services FROM replaced r WHERE g.actor_id = r.actor_id "
                + "AND (g.sort_name, g.services) IS DISTINCT FROM (r.sort_name, r.services)", row);
    }

    Statement close(String schema, UUID actorId, LocalDate closedOn, String reason, OffsetDateTime at,
                    long version) {
        return withGrants(schema, "UPDATE " + schema + ".places SET closed_on = $2, close_reason = $3, "
                + "updated_at = $4, version = $5 WHERE actor_id = $1 AND (version < $5 OR $5 = 0)",
                Tuple.from(Arrays.asList(actorId, closedOn, reason, at, version)));
    }

    Statement reopen(String schema, UUID actorId, OffsetDateTime at, long version) {
        return withGrants(schema, "UPDATE " + schema + ".places SET closed_on = NULL, close_reason = NULL, "
                + "updated_at = $2, version = $3 WHERE actor_id = $1 AND (version < $3 OR $3 = 0)",
                Tuple.of(actorId, at, version));
    }

    /** The absorbed side of ActorsMerged: the row stays (its id must redirect) but leaves every listing. */
    Statement mergedInto(String schema, UUID absorbedId, UUID survivorId, OffsetDateTime at, long version) {
        return withGrants(schema, "UPDATE " + schema + ".places SET merged_into = $2, updated_at = $3, "
                + "version = GREATEST(version, $4) WHERE actor_id = $1", Tuple.of(absorbedId, survivorId, at, version));
    }

    /**
     * {@code update} of one place, and its grants taking its new {@code closed_on} and {@code merged_into} in the
     * same statement: a label's listings read them from the grants (V121).
     */
    private static Statement withGrants(String schema, String update, Tuple params) {
        return new Statement("WITH changed AS (" + update + " RETURNING actor_id, closed_on, merged_into) UPDATE "
                + schema + ".label_grants g SET closed_on = c.closed_on, merged_into = c.merged_into FROM changed c "
                + "WHERE g.actor_id = c.actor_id AND (g.closed_on, g.merged_into) IS DISTINCT FROM "
                + "(c.closed_on, c.merged_into)", params);
    }

    /** The row of a registered place for {@link #register}: {@link #row}, its text[] values as literals. */
    static Tuple registration(UUID actorId, String territory, Place place, OffsetDateTime at, long version) {
        List<Object> values = values(actorId, territory, place, at, version);
        for (int column : ARRAYS) {
            if (values.get(column) != null) {
                values.set(column, Statement.arrayLiteral((String[]) values.get(column)));
            }
        }
        return Tuple.from(values);
    }

    /**
     * The row of a place for {@link #replace}. Its JSON and its search words are the costly part of applying an
     * event, so a row is computed once per event. The place goes as JSON text, cast to
     * jsonb by the statement: no JsonObject to build and encode again.
     */
    static Tuple row(UUID actorId, String territory, Place place, OffsetDateTime at, long version) {
        return Tuple.from(values(actorId, territory, place, at, version));
    }

    private static List<Object> values(UUID actorId, String territory, Place place, OffsetDateTime at, long version) {
        Commune commune = place.commune();
        String communeKey = FrenchText.words(commune.name());
        String searchText = FrenchText.words(place.name(), commune.name(), place.address(), place.summary());
        SearchColumns search = SearchColumns.of(searchText, communeKey);
        return Arrays.asList(actorId, territory, place.name(), place.typologies().toArray(String[]::new),
                commune.name(), commune.inseeCode(), commune.postcode(), place.address(), place.latitude(),
                place.longitude(), codes(place.services()), codes(place.publics()), codes(place.accessModes()),
                codes(place.supportModes()), codes(place.fees()), codes(place.programmes()),
                ActorPayloads.jsonText(place), communeKey, searchText, at, version, search.head(), search.other(),
                search.pairs());
    }

    /** A list of the standard's values as a SQL text[] of their codes. */
    private static String[] codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toArray(String[]::new);
    }
}
