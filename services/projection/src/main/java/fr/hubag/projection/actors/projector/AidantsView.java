package fr.hubag.projection.actors.projector;

import fr.hubag.contracts.actors.Aidant;
import fr.hubag.contracts.actors.AidantRole;
import fr.hubag.contracts.actors.Training;
import fr.hubag.projection.shared.batch.Statement;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code aidants} and {@code aidant_trainings}. A merge moves aidants to the survivor; the absorbed stream
 * and the survivor's are on different partitions, so the absorbed actor's own AidantEnrolled may arrive after the
 * move: enrolling never overwrites an existing aidant, hence can never move one back. Trainings are keyed by
 * (aidant, title, day), so the copy carried by the merge and the original event count once.
 */
@ApplicationScoped
class AidantsView {

    Statement enrol(String schema, UUID actorId, UUID aidantId, String name, AidantRole role, LocalDate enrolledOn) {
        return new Statement("INSERT INTO " + schema + ".aidants (aidant_id, actor_id, name, role, enrolled_on) "
                + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (aidant_id) DO NOTHING",
                Tuple.of(aidantId, actorId, name, role.code(), enrolledOn));
    }

    Statement trained(String schema, UUID aidantId, Training training) {
        return new Statement("INSERT INTO " + schema + ".aidant_trainings (aidant_id, title, provider, hours, "
                + "completed_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                Tuple.of(aidantId, training.title(), training.provider(), Numeric.create(training.hours()),
                        training.completedOn()));
    }

    Statement departed(String schema, UUID aidantId, LocalDate departedOn) {
        return new Statement("UPDATE " + schema + ".aidants SET departed_on = $2 WHERE aidant_id = $1",
                Tuple.of(aidantId, departedOn));
    }

    /** The survivor side of ActorsMerged: each absorbed aidant, with its trainings, now works at the survivor. */
    List<Statement> carry(String schema, UUID survivorId, UUID absorbedId, List<Aidant> aidants) {
        List<Statement> statements = new ArrayList<>();
        for (Aidant aidant : aidants) {
            statements.add(new Statement("INSERT INTO " + schema + ".aidants (aidant_id, actor_id, name, role, "
                    + "enrolled_on, departed_on, moved_from) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                    + "ON CONFLICT (aidant_id) DO UPDATE SET actor_id = EXCLUDED.actor_id, "
                    + "moved_from = EXCLUDED.moved_from, "
                    + "departed_on = coalesce(EXCLUDED.departed_on, aidants.departed_on)",
                    Tuple.from(Arrays.asList(aidant.aidantId(), survivorId, aidant.name(), aidant.role().code(),
                            aidant.enrolledOn(), aidant.departedOn(), absorbedId))));
            for (Training training : aidant.trainings()) {
                statements.add(trained(schema, aidant.aidantId(), training));
            }
        }
        return statements;
    }
}
