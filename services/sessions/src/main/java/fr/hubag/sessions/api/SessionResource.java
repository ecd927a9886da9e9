package fr.hubag.sessions.api;

import fr.hubag.domain.Ids;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.sessions.api.SessionRequests.CancelRequest;
import fr.hubag.sessions.api.SessionRequests.RescheduleRequest;
import fr.hubag.sessions.api.SessionRequests.ScheduleRequest;
import fr.hubag.sessions.domain.SessionState;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.time.Clock;
import java.util.UUID;

/**
 * Sessions as they are planned: schedule one (individual or collective), read it, move it, cancel it. Mediators act
 * for their own actor, coordinators in their territories, hub admins everywhere (see {@code SessionAccess}).
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Individual accompaniments and collective workshops")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
public class SessionResource {

    static final String WHO = "Roles: mediator of the session's actor (token claim `actors`) in a territory of their "
            + "token, coordinator of the session's territory, hub-admin. ";

    private final HttpSessionCommands commands;
    private final Clock clock = Clock.systemUTC();

    public SessionResource(HttpSessionCommands commands) {
        this.commands = commands;
    }

    @POST
    @Operation(summary = "Schedule a session (individual accompaniment or collective workshop)", description = WHO
            + "Codes of the national mediators' tool: type individuel|collectif, place.placeType lieu_activite "
            + "(with the census actor's id) | domicile | a_distance | autre (with a commune's INSEE code), themes, "
            + "level debutant|intermediaire|avance (workshops only). `start` is local wall-clock time; the session "
            + "keeps its territory's IANA zone. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "A rule of sessions (a commune outside the territory, a "
            + "workshop without title, a level or several seats for an individual session), or an Idempotency-Key "
            + "reused with another request")
    public Uni<Response> schedule(ScheduleRequest request, @Context ContainerRequestContext http) {
        UUID sessionId = Ids.timeOrdered();
        return commands.schedule(SessionRequests.schedule(request, sessionId, clock.instant()), http, request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a session", description = WHO + "The ETag is the stream version, to send in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        // a path that is not a session id names no session: 404, as for any unknown path
        UUID sessionId;
        try {
            sessionId = PathIds.uuid("id", id);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(notFound(id));
        }
        return commands.sessions().load(sessionId).map(loaded -> switch (loaded.state()) {
            case SessionState.Scheduled session -> Response.ok(SessionView.of(session, loaded.version()))
                    .header("ETag", "\"" + loaded.version() + "\"").build();
            case SessionState.Unscheduled none -> notFound(id);
        });
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "session-not-found", "no session " + id)
                .at("/api/sessions/" + id, null).toResponse();
    }

    @POST
    @Path("/{id}/reschedule")
    @Operation(summary = "Move a session", description = WHO + "A new local start (in the session's zone) and "
            + "duration; refused once attendance is recorded. The same start and duration again change nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Cancelled, completed, attendance recorded, or a stale If-Match")
    public Uni<Response> reschedule(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                    RescheduleRequest request, @Context ContainerRequestContext http) {
        UUID sessionId = PathIds.uuid("id", id);
        return commands.onSession(SessionRequests.reschedule(request, sessionId, clock.instant()), http, request);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a session", description = WHO + "With a reason; enrolments lapse with it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Already cancelled or completed, or a stale If-Match")
    public Uni<Response> cancel(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                CancelRequest request, @Context ContainerRequestContext http) {
        UUID sessionId = PathIds.uuid("id", id);
        return commands.onSession(SessionRequests.cancel(request, sessionId, clock.instant()), http, request);
    }
}
