package fr.hubag.projection.actors.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The aidants of an actor. Staff of the territory (coordinator, mediator) and hub admins get the {@code full} view;
 * anyone else the {@code public} one: name, role and how many trainings, nothing more. No other personal data is
 * ever shown (no id, no contact).
 */
public record AidantList(UUID actorId, @Schema(enumeration = {"full", "public"}) String view, List<Aidant> aidants) {

    public static final String FULL = "full";
    public static final String PUBLIC = "public";

    @Schema(name = "Aidant", description = "name and role always; enrolledOn, departedOn and trainings in the full "
            + "view only; trainingsCompleted in the public view only")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aidant(String name, String role, LocalDate enrolledOn,
                         @Schema(description = "last day at the actor; absent while still there")
                         LocalDate departedOn, List<Training> trainings, Integer trainingsCompleted) {}

    @Schema(name = "AidantTraining")
    public record Training(String title, String provider, BigDecimal hours, LocalDate completedOn) {}
}
