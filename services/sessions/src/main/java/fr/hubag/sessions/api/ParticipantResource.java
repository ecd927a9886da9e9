package fr.hubag.sessions.api;

import fr.hubag.servicekit.security.Roles;
import fr.hubag.sessions.api.SessionRequests.AttendanceRequest;
import fr.hubag.sessions.api.SessionRequests.EnrolmentRequest;
import fr.hubag.sessions.domain.SessionCommand;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Who takes part in a session: enrolment (a seat, or the waiting list when full), withdrawal (which promotes the
 * first waiting person), attendance and completion. Beneficiaries are pseudonymous ids; their personal data is not
 * sent here.
 */
@Path("/api/sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participants", description = "Enrolment, waiting list and attendance of a session")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
@APIResponse(responseCode = "404", description = "No such session, or the beneficiary does not take part")
public class ParticipantResource {

    private final HttpSessionCommands commands;
    private final Clock clock = Clock.systemUTC();

    public ParticipantResource(HttpSessionCommands commands) {
        this.commands = commands;
    }

    @POST
    @Path("/enrolments")
    @Operation(summary = "Enrol a beneficiary", description = SessionResource.WHO + "A seat while there is one, "
            + "else the waiting list: the answer's status says which (enrolled, or waiting with its position). "
            + "Simultaneous enrolments are decided one after the other, never a conflict.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "409", description = "Already enrolled or waiting; the waiting list full (500); session cancelled or completed")
    public Uni<Response> enrol(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               EnrolmentRequest request, @Context ContainerRequestContext http) {
        UUID sessionId = PathIds.uuid("id", id);
        SessionCommand.Enrol enrol = SessionRequests.enrol(request, sessionId, clock.instant());
        return commands.onSession(enrol, http, request, 201,
                (session, version) -> EnrolmentView.of(session, enrol.beneficiaryId(), version));
    }

    @DELETE
    @Path("/enrolments/{beneficiaryId}")
    @Operation(summary = "Withdraw a beneficiary", description = SessionResource.WHO + "From a seat or the waiting "
            + "list; a freed seat goes to the first waiting person at once (event ParticipantPromoted).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Attendance already recorded; session cancelled or completed")
    public Uni<Response> withdraw(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                  @PathParam("beneficiaryId") @Schema(type = SchemaType.STRING, format = "uuid")
                                  String beneficiary, @Context ContainerRequestContext http) {
        UUID sessionId = PathIds.uuid("id", id);
        UUID beneficiaryId = PathIds.uuid("beneficiaryId", beneficiary);
        return commands.onSession(new SessionCommand.Withdraw(sessionId, beneficiaryId, clock.instant()), http, null);
    }

    @POST
    @Path("/attendance")
    @Operation(summary = "Record attendance (and complete the session)", description = SessionResource.WHO
            + "Per participant with a seat: attendance unknown|seen|excused|revoked|noshow and optionally autonomy "
            + "entierement_accompagne|partiellement_autonome|autonome. Only once the session has started. "
            + "`complete: true` makes the attendance final; every participant then needs one.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Not started yet; cancelled or completed")
    @APIResponse(responseCode = "422", description = "A beneficiary without a seat or named twice; completion "
            + "with a participant's attendance missing")
    public Uni<Response> attendance(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                    AttendanceRequest request, @Context ContainerRequestContext http) {
        UUID sessionId = PathIds.uuid("id", id);
        return commands.onSession(SessionRequests.attendance(request, sessionId, clock.instant()), http, request);
    }
}
