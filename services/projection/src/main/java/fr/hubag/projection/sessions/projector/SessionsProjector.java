package fr.hubag.projection.sessions.projector;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.SessionEvent;
import fr.hubag.contracts.sessions.SessionEvent.ActivityRecorded;
import fr.hubag.contracts.sessions.SessionEvent.AttendanceRecorded;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantEnrolled;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantPromoted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWaitlisted;
import fr.hubag.contracts.sessions.SessionEvent.ParticipantWithdrew;
import fr.hubag.contracts.sessions.SessionEvent.SessionCancelled;
import fr.hubag.contracts.sessions.SessionEvent.SessionCompleted;
import fr.hubag.contracts.sessions.SessionEvent.SessionRescheduled;
import fr.hubag.contracts.sessions.SessionEvent.SessionScheduled;
import fr.hubag.domain.Territory;
import fr.hubag.eventsourcing.consumer.ConsumedEvent;
import fr.hubag.projection.shared.batch.ScopedStatements;
import fr.hubag.projection.shared.batch.Statement;
import fr.hubag.projection.shared.rebuild.Generation;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the sessions read models of each territory and the hub-wide ones from {@code sessions.events}: the agenda
 * (plan, seats, attendance), what the activity statistics count, the beneficiaries' trajectories and the partners'
 * referrals. Like the actors projector, each event is applied
 * once by event id with its checkpoint ({@link fr.hubag.eventsourcing.consumer.IdempotentConsumer}), to its
 * territory's schema and to {@code hub}, a poll's events together in batched statements; and every statement is
 * idempotent on its own (upserts, recounts, version guards), so a replay changes nothing either. As a
 * {@link ReadModel} it is rebuilt by {@code ./hub rebuild sessions} without downtime.
 */
@ApplicationScoped
public class SessionsProjector implements ReadModel {

    /** The consumer name of generation 0. */
    public static final String CONSUMER = "projection.sessions";
    private static final List<String> SCHEMAS = List.of("gp", "gf", "mq", "mf", "hub");
    private static final List<String> TABLES = List.of("session_agenda", "session_seats", "session_attendance",
            "activities", "activity_participants", "activity_beneficiaries", "trajectory_contacts", "trajectories",
            "referrals");

    private final Generations generations;
    private final AgendaView agenda;
    private final ActivitiesView activities;
    private final TrajectoriesView trajectories;
    private final ReferralsView referrals;

    public SessionsProjector(Generations generations, AgendaView agenda, ActivitiesView activities,
                             TrajectoriesView trajectories, ReferralsView referrals) {
        this.generations = generations;
        this.agenda = agenda;
        this.activities = activities;
        this.trajectories = trajectories;
        this.referrals = referrals;
    }

    @Incoming("session-events")
    public Uni<Void> onEvents(ConsumerRecords<String, String> records) {
        return generations.live(this, records).replaceWithVoid();
    }

    @Override
    public String name() { return "sessions"; }

    @Override
    public String topic() { return "sessions.events"; }

    @Override
    public List<String> baseSchemas() { return SCHEMAS; }

    @Override
    public List<String> tables() { return TABLES; }

    @Override
    public String firstConsumer() { return CONSUMER; }

    @Override
    public Uni<Void> apply(SqlConnection tx, ConsumedEvent event, Generation target) {
        return applyAll(tx, List.of(event), target);
    }

    /** A poll's events in a few round trips, each in its territory's schema and in hub's. */
    @Override
    public Uni<Void> applyAll(SqlConnection tx, List<ConsumedEvent> events, Generation target) {
        return ScopedStatements.apply(tx, events, this, target, this::change);
    }

    private Function<String, List<Statement>> change(ConsumedEvent event) {
        long version = event.streamVersion();
        SessionEvent session = SessionPayloads.session(event).orElse(null);
        if (session != null) {
            return change(session, territoryOf(event), version);
        }
        ReferralEvent referral = SessionPayloads.referral(event).orElse(null);
        if (referral != null) {
            return schema -> referrals.changed(schema, referral, version);
        }
        BeneficiaryEvent beneficiary = SessionPayloads.beneficiary(event).orElse(null);
        return switch (beneficiary) {
            case null -> null;
            case BeneficiaryRegistered r -> schema -> concat(activities.registered(schema, r),
                    trajectories.registered(schema, r));
            case BeneficiaryErased e -> {
                // an id nobody can link back to the person, the same in every schema and on every replay
                UUID replacement = UUID.nameUUIDFromBytes(("erased " + event.eventId())
                        .getBytes(StandardCharsets.UTF_8));
                yield schema -> {
                    List<Statement> statements = new ArrayList<>(activities.erased(schema, e.beneficiaryId()));
                    statements.addAll(agenda.erased(schema, e.beneficiaryId(), replacement));
                    statements.addAll(trajectories.erased(schema, territoryOf(event), e.beneficiaryId(),
                            e.occurredAt()));
                    statements.addAll(referrals.erased(schema, e.beneficiaryId()));
                    return statements;
                };
            }
            default -> null; // consents: nothing counted
        };
    }

    private Function<String, List<Statement>> change(SessionEvent e, String territory, long version) {
        UUID id = e.sessionId();
        return switch (e) {
            case SessionScheduled s -> schema -> List.of(agenda.scheduled(schema, s, version));
            case SessionRescheduled r -> schema -> List.of(agenda.rescheduled(schema, r, version));
            case SessionCancelled c -> schema -> List.of(agenda.status(schema, id, "cancelled", version));
            case SessionCompleted c -> schema -> List.of(agenda.status(schema, id, "completed", version));
            case ParticipantEnrolled p -> schema -> agenda.seat(schema, id, p.beneficiaryId(), true);
            case ParticipantPromoted p -> schema -> agenda.seat(schema, id, p.beneficiaryId(), true);
            case ParticipantWaitlisted p -> schema -> agenda.seat(schema, id, p.beneficiaryId(), false);
            case ParticipantWithdrew p -> schema -> agenda.withdrew(schema, id, p.beneficiaryId());
            case AttendanceRecorded a -> schema -> concat(List.of(agenda.attendance(schema, id, a.beneficiaryId(),
                    a.attendance(), version)), trajectories.attendance(schema, territory, a, version));
            // the trajectories' statements after the activity's: they apply only if its row is this version
            case ActivityRecorded a -> schema -> concat(activities.recorded(schema, a, version),
                    trajectories.recorded(schema, a, version));
        };
    }

    /** The event's territory code (ScopedStatements applies only events of a hub territory). */
    private static String territoryOf(ConsumedEvent event) {
        return Territory.parse(event.territory()).map(Territory::name).orElse(event.territory());
    }

    private static List<Statement> concat(List<Statement> first, List<Statement> then) {
        List<Statement> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
