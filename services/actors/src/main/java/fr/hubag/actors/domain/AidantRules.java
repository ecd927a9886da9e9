package fr.hubag.actors.domain;

import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.Aidant;
import fr.hubag.contracts.actors.Training;
import fr.hubag.actors.domain.ActorCommand.EnrolAidant;
import fr.hubag.actors.domain.ActorCommand.RecordAidantDeparture;
import fr.hubag.actors.domain.ActorCommand.RecordAidantTraining;
import fr.hubag.contracts.actors.ActorEvent.AidantDeparted;
import fr.hubag.contracts.actors.ActorEvent.AidantEnrolled;
import fr.hubag.contracts.actors.ActorEvent.AidantTrainingCompleted;
import fr.hubag.actors.domain.ActorState.Registered;
import fr.hubag.domain.CommandRejected;

import java.math.BigDecimal;
import java.util.List;

/** The aidants of an actor: enrolled once, trained while there, departed once (never before they arrived). */
final class AidantRules {

    private AidantRules() {}

    static List<ActorEvent> enrol(EnrolAidant command, Registered actor) {
        if (actor.aidant(command.aidantId()).isPresent()) {
            throw CommandRejected.conflict("aidant-already-enrolled", "aidant " + command.aidantId()
                    + " is already enrolled at this actor");
        }
        return List.of(new AidantEnrolled(actor.actorId(), command.aidantId(), command.name(), command.role(),
                command.enrolledOn(), command.at()));
    }

    static List<ActorEvent> training(RecordAidantTraining command, Registered actor) {
        Aidant aidant = aidant(actor, command.aidantId());
        Training training = command.training();
        if (training.hours().compareTo(BigDecimal.ZERO) <= 0) {
            throw CommandRejected.unprocessable("invalid-hours", "hours", "hours must be more than 0");
        }
        if (aidant.departedOn() != null && training.completedOn().isAfter(aidant.departedOn())) {
            throw CommandRejected.unprocessable("aidant-departed", "completedOn", "the aidant left on "
                    + aidant.departedOn() + ", before " + training.completedOn());
        }
        return List.of(new AidantTrainingCompleted(actor.actorId(), aidant.aidantId(), training.title(),
                training.provider(), training.hours(), training.completedOn(), command.at()));
    }

    static List<ActorEvent> departure(RecordAidantDeparture command, Registered actor) {
        Aidant aidant = aidant(actor, command.aidantId());
        if (aidant.departedOn() != null) {
            throw CommandRejected.conflict("aidant-departed", "aidant " + aidant.aidantId() + " already left on "
                    + aidant.departedOn());
        }
        if (command.departedOn().isBefore(aidant.enrolledOn())) {
            throw CommandRejected.unprocessable("invalid-date", "departedOn", "departedOn " + command.departedOn()
                    + " is before the enrolment on " + aidant.enrolledOn());
        }
        return List.of(new AidantDeparted(actor.actorId(), aidant.aidantId(), command.departedOn(), command.at()));
    }

    private static Aidant aidant(Registered actor, java.util.UUID aidantId) {
        return actor.aidant(aidantId).orElseThrow(() -> CommandRejected.notFound("aidant-not-found",
                "no aidant " + aidantId + " at actor " + actor.actorId()));
    }
}
