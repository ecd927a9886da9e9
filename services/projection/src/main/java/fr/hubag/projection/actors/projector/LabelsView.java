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

    Statement grant(String schema, UUID actorId, Label label, LocalDate from, LocalDate until) {
        return new Statement("INSERT INTO " + schema + ".label_grants (actor_id, label, valid_from, valid_until, "
                + "sort_name) VALUES ($1, $2, $3, $4, " + sortName(schema) + ") ON CONFLICT (actor_id, label, "
                + "valid_from, source_actor_id) DO UPDATE SET valid_until = EXCLUDED.valid_until, "
                + "sort_name = EXCLUDED.sort_name",
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
                        + "label, valid_from, valid_until, source_actor_id, sort_name) VALUES ($1, $2, $3, $4, $5, "
                        + sortName(schema) + ") ON CONFLICT (actor_id, label, valid_from, source_actor_id) DO NOTHING",
                Tuple.from(Arrays.asList(survivorId, grant.label().code(), grant.validFrom(), grant.validUntil(),
                        absorbedId)))).toList();
    }

    /**
     * The sort key of actor $1's place, which a grant carries so a label's holders are read in name order (V104);
     * {@link PlacesView#replace} keeps it when the place is renamed.
     */
    private static String sortName(String schema) {
        return "(SELECT lower(p.name) FROM " + schema + ".places p WHERE p.actor_id = $1)";
    }
}
