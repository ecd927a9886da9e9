package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.ActivityParticipant;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the activity statistics count: {@code activities} (the last ActivityRecorded of each activity replaces the
 * row, so a corrected report counts once), its named participants with the coarse attributes of their
 * pseudonymous record ({@code activity_participants}), and those records ({@code activity_beneficiaries}). The two
 * streams arrive in any order: each side copies the attributes it finds and the other side fills them in later.
 */
@ApplicationScoped
public class ActivitiesView {

    List<Statement> recorded(String schema, ActivityRecorded a, long version) {
        Object[] row = {a.activityId(), a.origin().code(), a.territory().name(), a.actorId(), a.type().code(),
                a.date(), a.durationMinutes(), a.place().placeType().code(),
                a.themes().stream().map(t -> t.code()).toArray(String[]::new), a.participants().size(),
                a.anonymous().total(), a.anonymous().alreadyAccompanied(),
                counts(a.anonymous().genders()), counts(a.anonymous().ageBands()),
                counts(a.anonymous().socialStatuses()), version};
        List<Statement> statements = new ArrayList<>(3);
        statements.add(new Statement("INSERT INTO " + schema + ".activities (activity_id, origin, territory, actor_id, "
                + "type, date, duration_minutes, place_type, themes, named, anonymous_total, already_accompanied, "
                + "genders, age_bands, social_statuses, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                + "$12, $13::jsonb, $14::jsonb, $15::jsonb, $16) ON CONFLICT (activity_id) DO UPDATE SET "
                + "origin = EXCLUDED.origin, actor_id = EXCLUDED.actor_id, type = EXCLUDED.type, date = EXCLUDED.date, "
                + "duration_minutes = EXCLUDED.duration_minutes, place_type = EXCLUDED.place_type, "
                + "themes = EXCLUDED.themes, named = EXCLUDED.named, anonymous_total = EXCLUDED.anonymous_total, "
                + "already_accompanied = EXCLUDED.already_accompanied, genders = EXCLUDED.genders, "
                + "age_bands = EXCLUDED.age_bands, social_statuses = EXCLUDED.social_statuses, "
                + "version = EXCLUDED.version WHERE " + schema + ".activities.version < EXCLUDED.version",
                Tuple.wrap(row)));
        // the participants follow the row: an older record applied again after a newer one changes neither
        String current = "EXISTS (SELECT 1 FROM " + schema + ".activities a WHERE a.activity_id = $1 "
                + "AND a.version = $2)";
        statements.add(new Statement("DELETE FROM " + schema + ".activity_participants WHERE activity_id = $1 AND "
                + current, Tuple.of(a.activityId(), version)));
        if (!a.participants().isEmpty()) {
            UUID[] ids = a.participants().stream().map(ActivityParticipant::beneficiaryId).toArray(UUID[]::new);
            statements.add(new Statement("INSERT INTO " + schema + ".activity_participants (activity_id, position, "
                    + "beneficiary_id, age_band, social_status, gender) SELECT $1, p.ord, p.id, b.age_band, "
                    + "b.social_status, b.gender FROM unnest($3::uuid[]) WITH ORDINALITY AS p(id, ord) "
                    + "LEFT JOIN " + schema + ".activity_beneficiaries b ON b.beneficiary_id = p.id WHERE " + current,
                    Tuple.of(a.activityId(), version, ids)));
        }
        return statements;
    }

    /** A breakdown as a jsonb value (a Java String would be stored as a JSON string, not an object). */
    private static JsonObject counts(Map<String, Integer> byCode) {
        return new JsonObject(new LinkedHashMap<>(byCode));
    }

    List<Statement> registered(String schema, BeneficiaryRegistered b) {
        Tuple values = Tuple.of(b.beneficiaryId(), b.ageBand().code(), b.socialStatus().code(),
                b.gender() == null ? null : b.gender().code());
        return List.of(new Statement("INSERT INTO " + schema + ".activity_beneficiaries (beneficiary_id, age_band, "
                        + "social_status, gender) VALUES ($1, $2, $3, $4) ON CONFLICT (beneficiary_id) DO UPDATE SET "
                        + "age_band = $2, social_status = $3, gender = $4", values),
                new Statement("UPDATE " + schema + ".activity_participants SET age_band = $2, social_status = $3, "
                        + "gender = $4 WHERE beneficiary_id = $1", values));
    }

    /** The person's record goes; the attributes already copied into activities stay, without the id. */
    List<Statement> erased(String schema, UUID beneficiaryId) {
        return List.of(new Statement("DELETE FROM " + schema + ".activity_beneficiaries WHERE beneficiary_id = $1",
                        Tuple.of(beneficiaryId)),
                new Statement("UPDATE " + schema + ".activity_participants SET beneficiary_id = NULL "
                        + "WHERE beneficiary_id = $1", Tuple.of(beneficiaryId)));
    }
}
