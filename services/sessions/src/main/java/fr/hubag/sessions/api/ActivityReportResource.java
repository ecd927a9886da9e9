package fr.hubag.sessions.api;

import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.sessions.api.ActivityReportRequests.ActivityReportRequest;
import fr.hubag.sessions.application.ActivityReportCommands;
import fr.hubag.sessions.domain.ActivityReportCommand;
import fr.hubag.sessions.domain.ActivityReportCommand.Activity;
import fr.hubag.sessions.domain.ActivityReportState;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mediation recorded after the fact, as the national mediators' tool does (*compte rendu d'activité individuel /
 * collectif*): each report its own stream, its fact {@code ActivityRecorded} the same a completed session records.
 * Under {@code /api/sessions} so that the gateway routes it to this service like every sessions path.
 */
@Path("/api/sessions/activity-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "activity reports", description = "Individual accompaniments and workshops recorded after the fact")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
public class ActivityReportResource {

    static final String WHO = "Roles: mediator of the report's actor (token claim `actors`) in a territory of their "
            + "token, coordinator of the report's territory, hub-admin. ";

    private static final String PATH = "/api/sessions/activity-reports/";

    private final ActivityReportCommands reports;
    private final Commands commands;
    private final Clock clock = Clock.systemUTC();

    public ActivityReportResource(ActivityReportCommands reports, Commands commands) {
        this.reports = reports;
        this.commands = commands;
    }

    @POST
    @Operation(summary = "Record an activity after the fact (compte rendu d'activité)", description = WHO
            + "Codes of the national mediators' tool (docs/sessions.md): type individuel|collectif, a local date not "
            + "after today, duration in minutes, place, equipment, themes; individuel: one person, named by "
            + "pseudonymous id in participants or counted in anonymous, with autonomy and redirection; collectif: a "
            + "title, optionally a level, named participants and anonymous head counts by genre, tranche d'âge and "
            + "statut social (those not placed are non_communique). notes: individuel naming its person only, kept "
            + "sealed with that person's key, read back by GET of the report. Send an "
            + "Idempotency-Key to retry safely (an offline phone's retry records once).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ActivityReportView.class)))
    @APIResponse(responseCode = "422", description = "A rule of activities (one person for individuel, counts "
            + "beyond the total, a date in the future, a commune outside the territory, a workshop without title), "
            + "or an Idempotency-Key reused with another request")
    public Uni<Response> record(ActivityReportRequest request, @Context ContainerRequestContext http) {
        Activity activity = ActivityReportRequests.activity(request);
        UUID reportId = Ids.timeOrdered();
        return run(new ActivityReportCommand.RecordActivity(reportId, activity, clock.instant()), activity,
                notes(request), http, request, 201);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an activity report", description = WHO + "The ETag is the stream version. With its "
            + "notes, opened with its person's key (none once the person is erased); not cached (no-store).")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ActivityReportView.class)))
    @APIResponse(responseCode = "404", description = "No such activity report")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID reportId;
        try {
            reportId = PathIds.uuid("id", id);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(notFound(id));
        }
        return reports.load(reportId).flatMap(loaded -> switch (loaded.state()) {
            case ActivityReportState.Recorded recorded -> reports.notes(reportId).map(notes ->
                    Response.ok(ActivityReportView.of(recorded.activity(), loaded.version()).withNotes(
                                    notes.orElse(null)))
                            .header("ETag", "\"" + loaded.version() + "\"").header("Cache-Control", "no-store")
                            .build());
            case ActivityReportState.Unrecorded none -> Uni.createFrom().item(notFound(id));
        });
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Correct an activity report", description = WHO + "The whole report as it should have "
            + "been: ActivityRecorded is recorded again and the last one counts. The territory stays the report's; "
            + "the same report again changes nothing. Send If-Match with the ETag to refuse a stale correction.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ActivityReportView.class)))
    @APIResponse(responseCode = "404", description = "No such activity report")
    @APIResponse(responseCode = "409", description = "A stale If-Match")
    @APIResponse(responseCode = "422", description = "A rule of activities, or another territory")
    public Uni<Response> correct(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                 ActivityReportRequest request, @Context ContainerRequestContext http) {
        UUID reportId = PathIds.uuid("id", id);
        Activity activity = ActivityReportRequests.activity(request);
        return run(new ActivityReportCommand.CorrectActivity(reportId, activity, clock.instant()), activity,
                notes(request), http, request, 200);
    }

    private Uni<Response> run(ActivityReportCommand command, Activity activity, ActivityReportCommands.Notes notes,
                              ContainerRequestContext http, Object body, int status) {
        Commands.Answer<ActivityReportState> answer = commands.answering(outcomes -> respond(outcomes, status));
        return reports.run(command, activity, notes, commands.context(http, reports.caller(), body), answer)
                .map(answer::toResponse);
    }

    /** The request's notes and the person whose key seals them (validated with the activity). */
    static ActivityReportCommands.Notes notes(ActivityReportRequest request) {
        String text = ActivityReportRequests.notes(request);
        return text == null ? ActivityReportCommands.Notes.NONE
                : new ActivityReportCommands.Notes(ActivityReportRequests.notedPerson(request), text);
    }

    private CommandResponse respond(List<CommandOutcome<ActivityReportState>> outcomes, int status) {
        CommandOutcome<ActivityReportState> outcome = outcomes.get(0);
        ActivityReportState.Recorded recorded = (ActivityReportState.Recorded) outcome.state();
        int code = !outcome.changed() && status == 201 ? 200 : status;
        return new CommandResponse(code, Map.of("Location", PATH + recorded.activity().activityId()),
                commands.toJson(ActivityReportView.of(recorded.activity(), outcome.version())));
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "activity-report-not-found", "no activity report " + id)
                .at(PATH + id, null).toResponse();
    }
}
