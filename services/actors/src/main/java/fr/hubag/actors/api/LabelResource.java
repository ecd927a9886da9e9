package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorState;
import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.actors.LabelGrant;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.domain.Coded;
import fr.hubag.domain.CommandRejected;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Labels as time-bounded facts: granted over a period, revoked from a date, and the question the vouchers service
 * asks — was this actor labelled L on date D? A merged actor's id is followed to its survivor.
 */
@Path("/api/actors/{id}/labels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "labels", description = "Labels and national programmes held over periods")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "404", description = "No such actor")
public class LabelResource {

    private final HttpActorCommands commands;
    private final Clock clock = Clock.systemUTC();

    public LabelResource(HttpActorCommands commands) {
        this.commands = commands;
    }

    public record GrantRequest(String label, String validFrom, String validUntil) {}

    public record RevocationRequest(String label, String effectiveOn, String reason) {}

    /** The answer to "labelled on D?": the grants covering D, and for one label whether it is held. */
    public record LabelsOnDate(UUID actorId, LocalDate on, String label, Boolean labelled, List<LabelGrant> grants) {}

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Grant a label over a period", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin. Optional If-Match with the version from ETag; Idempotency-Key for safe retries.")
    @APIResponse(responseCode = "201", description = "Granted; the actor after the grant",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "Label already held over that period, actor closed or merged, "
            + "or a concurrent change")
    @APIResponse(responseCode = "422", description = "Invalid period, or Idempotency-Key reused")
    public Uni<Response> grant(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               GrantRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.onActor(actorId, LifecycleRequests.grant(request, actorId, clock.instant()), http, request,
                201);
    }

    @POST
    @Path("/revocations")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Revoke a label from a date", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin. The grants of that label end the day before effectiveOn; a grant starting later goes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "The label is not held on or after that date")
    public Uni<Response> revoke(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                RevocationRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.onActor(actorId, LifecycleRequests.revoke(request, actorId, clock.instant()), http, request,
                200);
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @Operation(summary = "Labels held on a date", description = "Roles: coordinator, mediator, partner of the actor's "
            + "territory; hub-admin. `on` defaults to today in the territory's time zone; with `label`, "
            + "`labelled` answers whether that label was held on that date. An absorbed actor's id answers for "
            + "its survivor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabelsOnDate.class)))
    public Uni<LabelsOnDate> onDate(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                    @QueryParam("on") @Schema(format = "date") String on,
                                    @QueryParam("label") String label) {
        UUID actorId = PathIds.uuid("id", id);
        Violations v = new Violations();
        Optional<LocalDate> date = v.date("on", on, false);
        Optional<Label> wanted = label == null ? Optional.empty() : LifecycleRequests.label(v, label);
        v.throwIfAny();
        return survivorOf(actorId, 0).map(actor -> {
            commands.requireTerritoryOf(actor);
            LocalDate day = date.orElseGet(() -> LocalDate.now(clock.withZone(actor.territory().zone())));
            List<LabelGrant> held = actor.labels().stream().filter(g -> g.validOn(day))
                    .filter(g -> wanted.isEmpty() || g.label() == wanted.get()).toList();
            return new LabelsOnDate(actor.actorId(), day, wanted.map(Coded::code).orElse(null),
                    wanted.isPresent() ? !held.isEmpty() : null, held);
        });
    }

    private Uni<ActorState.Registered> survivorOf(UUID actorId, int hops) {
        return commands.executor().load(ActorStreams.ACTOR, actorId.toString()).flatMap(loaded -> {
            commands.requireTerritoryOf(loaded.state());
            if (loaded.state() instanceof ActorState.Merged merged && hops < 5) {
                return survivorOf(merged.survivorActorId(), hops + 1);
            }
            if (!(loaded.state() instanceof ActorState.Registered actor)) {
                throw CommandRejected.notFound("actor-not-found", "no actor " + actorId);
            }
            return Uni.createFrom().item(actor);
        });
    }
}
