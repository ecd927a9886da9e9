package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.contracts.actors.AidantRole;
import fr.hubag.contracts.actors.Training;
import fr.hubag.domain.Coded;
import fr.hubag.domain.Ids;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The aidants of an actor: enrolled with a name and a role (the only personal data the census keeps about them),
 * their completed trainings, their departure. Coordinators of the actor's territory and hub admins record them.
 */
@Path("/api/actors/{id}/aidants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "aidants", description = "Digital helpers working at an actor, and their trainings")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
@APIResponse(responseCode = "404", description = "No such actor or aidant")
@APIResponse(responseCode = "409", description = "Actor closed or merged, aidant already departed, or a concurrent "
        + "change")
public class AidantResource {

    private final HttpActorCommands commands;
    private final Clock clock = Clock.systemUTC();

    public AidantResource(HttpActorCommands commands) {
        this.commands = commands;
    }

    public record EnrolmentRequest(String name, String role, String enrolledOn) {}

    public record TrainingRequest(String title, String provider, BigDecimal hours, String completedOn) {}

    public record DepartureRequest(String departedOn) {}

    @POST
    @Operation(summary = "Enrol an aidant at the actor", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin. The new aidant's id is in the response's aidants list and in the Aidant-Id header.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Uni<Response> enrol(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               EnrolmentRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        Violations v = LifecycleRequests.body(request);
        Optional<String> name = v.text("name", request.name(), 120);
        Optional<AidantRole> role = v.oneOf("role", request.role(), c -> Coded.parse(AidantRole.class, c),
                Coded.codes(AidantRole.class));
        Optional<LocalDate> on = v.date("enrolledOn", request.enrolledOn(), true);
        v.throwIfAny();
        UUID aidantId = Ids.timeOrdered();
        return commands.onActor(actorId, new ActorCommand.EnrolAidant(actorId, aidantId, name.orElseThrow(),
                role.orElseThrow(), on.orElseThrow(), clock.instant()), http, request, 201,
                java.util.Map.of("Aidant-Id", aidantId.toString()));
    }

    @POST
    @Path("/{aidantId}/trainings")
    @Operation(summary = "Record a completed training", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Uni<Response> training(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                  @PathParam("aidantId") @Schema(type = SchemaType.STRING, format = "uuid")
                                  String aidant, TrainingRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        UUID aidantId = PathIds.uuid("aidantId", aidant);
        Violations v = LifecycleRequests.body(request);
        Optional<String> title = v.text("title", request.title(), 200);
        Optional<String> provider = v.text("provider", request.provider(), 200);
        if (request.hours() == null) {
            v.add("hours", "is required");
        } else if (request.hours().signum() <= 0 || request.hours().compareTo(BigDecimal.valueOf(2000)) > 0) {
            v.add("hours", "must be more than 0 and at most 2000");
        }
        Optional<LocalDate> on = v.date("completedOn", request.completedOn(), true);
        v.throwIfAny();
        Training training = new Training(title.orElseThrow(), provider.orElseThrow(), request.hours(),
                on.orElseThrow());
        return commands.onActor(actorId, new ActorCommand.RecordAidantTraining(actorId, aidantId, training,
                clock.instant()), http, request, 201);
    }

    @POST
    @Path("/{aidantId}/departure")
    @Operation(summary = "Record an aidant's departure", description = "Roles: coordinator of the actor's "
            + "territory, hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Uni<Response> departure(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                   @PathParam("aidantId") @Schema(type = SchemaType.STRING, format = "uuid")
                                   String aidant, DepartureRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        UUID aidantId = PathIds.uuid("aidantId", aidant);
        Violations v = LifecycleRequests.body(request);
        Optional<LocalDate> on = v.date("departedOn", request.departedOn(), true);
        v.throwIfAny();
        return commands.onActor(actorId, new ActorCommand.RecordAidantDeparture(actorId, aidantId, on.orElseThrow(),
                clock.instant()), http, request, 200);
    }
}
