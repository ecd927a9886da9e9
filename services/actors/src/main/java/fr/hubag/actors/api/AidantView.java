package fr.hubag.actors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.hubag.contracts.actors.Aidant;
import fr.hubag.contracts.actors.AidantRole;
import fr.hubag.contracts.actors.Training;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An aidant as a caller may see them. The people who run the network in the actor's territory (its coordinators and
 * mediators, hub admins covering it) see the full record; a partner sees what the open directory shows: the name,
 * the role and how many trainings — never the dates of someone's employment or the detail of their trainings.
 */
@Schema(name = "ActorAidant", description = "aidantId, enrolledOn, departedOn and trainings for the actor's staff; "
        + "trainingsCompleted instead for partners")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AidantView(UUID aidantId, String name, AidantRole role, LocalDate enrolledOn, LocalDate departedOn,
                         List<Training> trainings, Integer trainingsCompleted) {

    static AidantView full(Aidant aidant) {
        return new AidantView(aidant.aidantId(), aidant.name(), aidant.role(), aidant.enrolledOn(),
                aidant.departedOn(), aidant.trainings(), null);
    }

    static AidantView reduced(Aidant aidant) {
        return new AidantView(null, aidant.name(), aidant.role(), null, null, null, aidant.trainings().size());
    }
}
