package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorDecider;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.contracts.actors.Place;
import fr.hubag.actors.infra.ActorStreams;
import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.store.EventStore;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The census's write side for one actor: register its place, change it, close and reopen it, read it and its
 * history. Coordinators act in their own territories, hub admins everywhere; the territory is that of the commune.
 */
@Path("/api/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "actors", description = "The census of the mediation network")
@SecurityRequirement(name = "jwt")
public class ActorResource {

    private final HttpActorCommands commands;
    private final EventStore store;
    private final Clock clock = Clock.systemUTC();

    public ActorResource(HttpActorCommands commands, EventStore store) {
        this.commands = commands;
        this.store = store;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Register an actor (a place of the national standard v1.0.2)",
            description = "Roles: coordinator of the commune's territory, hub-admin. The territory is derived from "
                    + "the commune. Send an Idempotency-Key to retry safely: a replay returns the first response.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request")
    public Uni<Response> register(PlaceRequest request, @Context ContainerRequestContext http,
                                  @Parameter(description = "retry-safe key, 1-128 chars")
                                  @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Place place = PlaceRequests.toPlace(request);
        commands.caller().requireTerritory(place.commune().territory().orElseThrow());
        UUID actorId = Ids.timeOrdered();
        return commands.register(actorId, new ActorCommand.RegisterActor(actorId, place, clock.instant()), http,
                request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @Operation(summary = "Read an actor", description = "Roles: coordinator, mediator, partner of the actor's "
            + "territory; hub-admin. The ETag is the stream version, to send in If-Match. An actor merged into "
            + "another answers 301 with the survivor's Location.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "301", description = "Merged: Location is the surviving actor")
    @APIResponse(responseCode = "404", description = "No such actor")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.executor().load(ActorStreams.ACTOR, actorId.toString()).map(loaded -> {
            commands.requireTerritoryOf(loaded.state());
            return switch (loaded.state()) {
                case ActorState.Registered actor -> Response.ok(ActorView.of(actor, loaded.version(), staff()))
                        .header("ETag", "\"" + loaded.version() + "\"").build();
                case ActorState.Merged merged -> Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(URI.create("/api/actors/" + merged.survivorActorId()))
                        .entity(Map.of("id", actorId, "mergedInto", merged.survivorActorId())).build();
                case ActorState.Unregistered none -> notFound(id);
            };
        });
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "An actor's history", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin. Every event of the actor's stream as recorded, including an absorbed actor's.")
    @APIResponse(responseCode = "200", description = "The events, oldest first")
    @APIResponse(responseCode = "404", description = "No such actor")
    public Uni<Response> history(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.executor().load(ActorStreams.ACTOR, actorId.toString()).flatMap(loaded -> {
            commands.requireTerritoryOf(loaded.state());
            if (loaded.state() instanceof ActorState.Unregistered) {
                return Uni.createFrom().item(notFound(id));
            }
            return store.readStream(actorId.toString()).map(events -> Response.ok(events.stream()
                    .map(e -> Map.of("version", e.streamVersion(), "type", e.type(),
                            "schemaVersion", e.schemaVersion(), "occurredAt", e.occurredAt().toString(),
                            "recordedAt", e.recordedAt().toString(), "data", new JsonObject(e.payload()).getMap()))
                    .toList()).build());
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Change an actor's place details", description = "Roles: coordinator of the actor's "
            + "territory, hub-admin. The whole place is sent; the same place again changes nothing (200, no event). "
            + "The commune must stay in the actor's territory. Optional If-Match; Idempotency-Key for retries.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor")
    @APIResponse(responseCode = "409", description = "Stale If-Match, or the actor was merged")
    @APIResponse(responseCode = "422", description = "Commune in another territory")
    public Uni<Response> change(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                PlaceRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        Place place = PlaceRequests.toPlace(request);
        return commands.onActor(actorId, new ActorCommand.ChangeActorDetails(actorId, place, clock.instant()),
                http, request, 200);
    }

    @PUT
    @Path("/{id}/hours-and-services")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
    @Operation(summary = "Update opening hours and services", description = "Roles: a mediator working at this "
            + "actor (token claim `actors`), coordinator of the actor's territory, hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "404", description = "No such actor")
    public Uni<Response> hoursAndServices(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                          HoursAndServicesRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        PlaceRequests.HoursAndServices update = PlaceRequests.hoursAndServices(request);
        var caller = commands.caller();
        boolean mediatorOnly = caller.hasRole(Roles.MEDIATOR) && !caller.hasRole(Roles.COORDINATOR)
                && !caller.hasRole(Roles.HUB_ADMIN);
        if (mediatorOnly && !caller.actors().contains(actorId.toString())) {
            throw new ForbiddenException("a mediator may update only the actors named in their token's actors claim");
        }
        return commands.fromState(actorId, state -> {
            Place current = ActorDecider.registered(state, actorId).place();
            return new ActorCommand.ChangeActorDetails(actorId,
                    current.withHoursAndServices(
                            update.openingHours() == null ? current.openingHours() : update.openingHours(),
                            update.services() == null ? current.services() : update.services()), clock.instant());
        }, http, request, 200);
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Close an actor", description = "Roles: coordinator of the actor's territory, hub-admin. "
            + "A closed actor leaves the directory and its export; its history and labels stay.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "Already closed, or merged")
    public Uni<Response> close(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               ClosureRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.onActor(actorId, LifecycleRequests.close(request, actorId, clock.instant()), http, request,
                200);
    }

    @POST
    @Path("/{id}/reopening")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Reopen a closed actor", description = "Roles: coordinator of the actor's territory, "
            + "hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorView.class)))
    @APIResponse(responseCode = "409", description = "Not closed, or merged")
    public Uni<Response> reopen(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                ReopeningRequest request, @Context ContainerRequestContext http) {
        UUID actorId = PathIds.uuid("id", id);
        return commands.onActor(actorId, LifecycleRequests.reopen(request, actorId, clock.instant()), http, request,
                200);
    }

    static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "actor-not-found", "no actor " + id)
                .at("/api/actors/" + id, null).toResponse();
    }

    /** Hours and services, as a mediator sends them. */
    public record HoursAndServicesRequest(String openingHours, List<String> services) {}

    public record ClosureRequest(String closedOn, String reason) {}

    public record ReopeningRequest(String reopenedOn) {}

    /** Staff of the actor's territory (already checked by the territory guard) see aidants in full; partners do not. */
    private boolean staff() {
        var caller = commands.caller();
        return caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.HUB_ADMIN) || caller.hasRole(Roles.MEDIATOR);
    }
}
