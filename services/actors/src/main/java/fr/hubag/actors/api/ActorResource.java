package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResponse;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.Commands;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The census's write side: register an actor, grant it a label, read it back. Coordinators act in their own
 * territories, hub admins everywhere; the territory is that of the actor's commune.
 */
@Path("/api/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actors", description = "The census of the mediation network")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Malformed request; every faulty field is named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed, or territory not covered by the token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActorResource {

    private final CommandExecutor executor;
    private final Commands commands;
    private final Caller caller;
    private final Clock clock;

    public ActorResource(CommandExecutor executor, Commands commands, Caller caller) {
        this.executor = executor;
        this.commands = commands;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Register an actor", description = "Roles: coordinator of the commune's territory, hub-admin. "
            + "Send an Idempotency-Key to retry safely: a replay returns the first response.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(RegisterActorRequest request, @Context ContainerRequestContext http,
                                  @Parameter(description = "retry-safe key, 1-128 chars") @HeaderParam(Commands.IDEMPOTENCY_KEY)
                                  String idempotencyKey) {
        UUID actorId = UUID.randomUUID();
        ActorCommand.RegisterActor command = ActorRequests.register(request, actorId, clock.instant());
        caller.requireTerritory(command.commune().territory().orElseThrow());
        return executor.execute(ActorStreams.ACTOR, actorId.toString(), command, commands.context(http, caller, request),
                        state -> { }, outcome -> created(outcome, "/api/actors/" + actorId))
                .map(Commands::toResponse);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @Operation(summary = "Read an actor", description = "Roles: coordinator, mediator, partner of the actor's "
            + "territory; hub-admin. The ETag is the stream version, to send in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID actorId = parseId(id);
        return executor.load(ActorStreams.ACTOR, actorId.toString()).map(loaded -> {
            if (!(loaded.state() instanceof ActorState.Registered actor)) {
                return Problem.of(Response.Status.NOT_FOUND, "actor-not-found", "no actor " + actorId)
                        .at("/api/actors/" + id, null).toResponse();
            }
            caller.requireTerritory(actor.territory());
            return Response.ok(ActorView.of(actor, loaded.version()))
                    .header("ETag", "\"" + loaded.version() + "\"").build();
        });
    }

    @POST
    @Path("/{id}/labels")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Grant a label over a period", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin. Optional If-Match with the version from ETag; Idempotency-Key for safe retries.")
    @APIResponse(responseCode = "201", description = "Granted; the actor after the grant",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Label already held over that period, or a concurrent change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid period, or Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> grantLabel(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                    GrantLabelRequest request, @Context ContainerRequestContext http,
                                    @HeaderParam(Commands.IDEMPOTENCY_KEY) String idempotencyKey) {
        UUID actorId = parseId(id);
        ActorCommand.GrantLabel command = ActorRequests.grant(request, actorId, clock.instant());
        return executor.execute(ActorStreams.ACTOR, actorId.toString(), command, commands.context(http, caller, request),
                        state -> {
                            if (state instanceof ActorState.Registered actor) {
                                caller.requireTerritory(actor.territory());
                            }
                        }, outcome -> created(outcome, "/api/actors/" + actorId))
                .map(Commands::toResponse);
    }

    private CommandResponse created(CommandOutcome<ActorState> outcome, String location) {
        ActorState.Registered actor = (ActorState.Registered) outcome.state();
        return new CommandResponse(201, Map.of("Location", location, "ETag", "\"" + outcome.version() + "\""),
                commands.toJson(ActorView.of(actor, outcome.version())));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("id", "must be a UUID");
        }
    }

}
