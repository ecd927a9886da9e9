package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code label_grants}: grants as periods, so "labelled L on D" is a lookup rather than a replay. A
 * revocation cuts periods (LabelRevoked semantics); a merge copies the absorbed actor's grants to the survivor,
 * marked with where they came from, without ever touching the survivor's own.
 */
@ApplicationScoped
class LabelsView {

    /** The place's columns a grant carries (V104, V121). */
    static final String PLACE_COLUMNS = "sort_name, services, closed_on, merged_into";

    Statement grant(String schema, UUID actorId, Label label, LocalDate from, LocalDate until) {
        return new Statement("INSERT INTO " + schema + ".label_grants (actor_id, label, valid_from, valid_until, "
                + PLACE_COLUMNS + ") SELECT $1::uuid, $2::text, $3::date, $4::date, " + place(schema)
                + " ON CONFLICT (actor_id, label, valid_from, source_actor_id) DO UPDATE SET "
                + "valid_until = EXCLUDED.valid_until, sort_name = EXCLUDED.sort_name, services = EXCLUDED.services, "
                + "closed_on = EXCLUDED.closed_on, merged_into = EXCLUDED.merged_into",
                Tuple.from(Arrays.asList(actorId, label.code(), from, until)));
    }

    /**
     * Every grant of the label still valid on or after {@code effectiveOn} now ends the day before; a grant that
     * starts on or after it disappears (first, or the cut would end it before it starts). Carried grants are the
     * survivor's too, so they are cut alike.
     */
    List<Statement> revoke(String schema, UUID actorId, Label label, LocalDate effectiveOn) {
        Tuple params = Tuple.of(actorId, label.code(), effectiveOn);
        return List.of(new Statement("DELETE FROM " + schema + ".label_grants "
                        + "WHERE actor_id = $1 AND label = $2 AND valid_from >= $3", params),
                new Statement("UPDATE " + schema + ".label_grants SET valid_until = $3::date - 1 "
                        + "WHERE actor_id = $1 AND label = $2 AND (valid_until IS NULL OR valid_until >= $3)", params));
    }

    /**
     * The survivor side of ActorsMerged: the absorbed actor's grants as they stood, added to the survivor. A copy
     * already there (the same event met again after a rebuild of part of the stream) is left as it is, because a
     * later revocation on the survivor's stream may have cut it since.
     */
    List<Statement> carry(String schema, UUID survivorId, UUID absorbedId, List<LabelGrant> grants) {
        return grants.stream().map(grant -> new Statement("INSERT INTO " + schema + ".label_grants (actor_id, "
                        + "label, valid_from, valid_until, source_actor_id, " + PLACE_COLUMNS + ") SELECT $1::uuid, "
                        + "$2::text, $3::date, $4::date, $5::uuid, " + place(schema)
                        + " ON CONFLICT (actor_id, label, valid_from, source_actor_id) DO NOTHING",
                Tuple.from(Arrays.asList(survivorId, grant.label().code(), grant.validFrom(), grant.validUntil(),
                        absorbedId)))).toList();
    }

    /**
     * What a grant carries of actor $1's place, so a label's holders are read in name order (V104) and filtered on
     * being open, not merged and on a service without looking the place up (V121): {@code SELECT} values for
     * {@link #PLACE_COLUMNS}, null when there is no place (never listed). {@link PlacesView} keeps them as the place
     * changes.
     */
    private static String place(String schema) {
        return "p.sort_name, p.services, p.closed_on, p.merged_into FROM (SELECT 1) one LEFT JOIN (SELECT "
                + "lower(name) AS sort_name, services, closed_on, merged_into FROM " + schema + ".places "
                + "WHERE actor_id = $1::uuid) p ON true";
    }
}
