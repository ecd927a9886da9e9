package fr.hubag.vouchers.api;

import fr.hubag.eventsourcing.command.CommandExecutor;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.vouchers.application.StatementCommands;
import fr.hubag.vouchers.domain.StatementCommand;
import fr.hubag.vouchers.domain.StatementState;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Actors' monthly statements (settlement): read as JSON, CSV or PDF by the actor's mediators, its territory's
 * coordinators and hub admins; marked paid by hub admins. Statements are issued by the monthly settlement job only.
 */
@Path("/api/vouchers/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "statements", description = "Actors' monthly statements of redeemed APTIC passes")
@SecurityRequirement(name = "jwt")
public class StatementResource {

    private static final String READERS = "Roles: mediator of the actor (its token's `actors` claim), coordinator of "
            + "the actor's territory, hub-admin.";

    private final StatementCommands statements;
    private final Commands commands;
    private final Clock clock;

    public StatementResource(StatementCommands statements, Commands commands, Clock clock) {
        this.statements = statements;
        this.commands = commands;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "An actor's statement of a month", description = READERS + " The month is the calendar month "
            + "of the actor's territory's zone. An actor with no redemption that month has no statement (404).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementViews.StatementView.class)))
    @APIResponse(responseCode = "404", description = "No statement for this actor and month")
    public Uni<Response> find(@QueryParam("actorId") @Schema(required = true, format = "uuid") String actorId,
                              @QueryParam("month") @Schema(required = true, pattern = "^[0-9]{4}-[0-9]{2}$",
                                      description = "YYYY-MM") String month) {
        Violations v = new Violations();
        var actor = VoucherRequests.uuid(v, "actorId", actorId, true);
        YearMonth yearMonth = null;
        if (month == null || !month.matches("[0-9]{4}-[0-9]{2}")) {
            v.add("month", "a month YYYY-MM is required");
        } else {
            try {
                yearMonth = YearMonth.parse(month);
            } catch (DateTimeParseException notAMonth) {
                v.add("month", "a month YYYY-MM is required");
            }
        }
        v.throwIfAny();
        return statements.load(actor.orElseThrow(), yearMonth).map(StatementResource::ok);
    }

    @GET
    @Path("/by-actor/{actorId}")
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "An actor's statements", description = READERS + " Newest month first, at most 120, "
            + "without their lines; a coordinator sees those of its territories.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementViews.StatementList.class)))
    public Uni<StatementViews.StatementList> byActor(
            @PathParam("actorId") @Schema(type = SchemaType.STRING, format = "uuid") String actorId) {
        UUID actor = PathIds.uuid("actorId", actorId);
        return statements.of(actor).map(list -> new StatementViews.StatementList(actor, list.stream()
                .map(loaded -> StatementViews.StatementSummary.of(loaded.state(), loaded.version())).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Read a statement", description = READERS)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementViews.StatementView.class)))
    @APIResponse(responseCode = "404", description = "No such statement")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        return json(PathIds.uuid("id", id));
    }

    @GET
    @Path("/{id}/csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "A statement as CSV", description = READERS + " For a spreadsheet in French: `;` between "
            + "fields, amounts in euros with a decimal comma, UTF-8 with a byte-order mark, CRLF (RFC 4180).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such statement")
    public Uni<Response> csv(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        return document(id, "text/csv; charset=UTF-8", "csv", StatementCsv::of);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "A statement as PDF", description = READERS)
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such statement")
    public Uni<Response> pdf(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        return document(id, "application/pdf", "pdf", StatementPdf::of);
    }

    @POST
    @Path("/{id}/payment")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Mark a statement paid", description = "Roles: hub-admin covering the actor's territory. "
            + "The same reference again changes nothing; another is 409 statement-already-paid.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementViews.StatementView.class)))
    @APIResponse(responseCode = "404", description = "No such statement")
    @APIResponse(responseCode = "409", description = "Paid already with another reference, or a stale If-Match")
    public Uni<Response> pay(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                             StatementViews.PaymentBody body, @Context ContainerRequestContext http) {
        UUID statementId = PathIds.uuid("id", id);
        Violations v = VoucherRequests.start(body);
        String reference = v.text("paymentReference", body.paymentReference(), 120).orElse(null);
        v.throwIfAny();
        var command = new StatementCommand.MarkPaid(statementId, reference, statements.caller().subject(),
                clock.instant());
        Commands.Answer<StatementState> answer = commands.answering(outcomes -> new CommandResponse(200, Map.of(),
                commands.toJson(StatementViews.StatementView.of((StatementState.Issued) outcomes.get(0).state(),
                        outcomes.get(0).version()))));
        return statements.markPaid(command, commands.context(http, statements.caller(), body), answer)
                .map(answer::toResponse);
    }

    private Uni<Response> json(UUID statementId) {
        return statements.load(statementId).map(StatementResource::ok);
    }

    private static Response ok(CommandExecutor.Loaded<StatementState.Issued> loaded) {
        return Response.ok(StatementViews.StatementView.of(loaded.state(), loaded.version()))
                .header("ETag", "\"" + loaded.version() + "\"").build();
    }

    private Uni<Response> document(String id, String type, String extension,
                                   Function<StatementState.Issued, byte[]> render) {
        return statements.load(PathIds.uuid("id", id)).map(loaded -> Response.ok(render.apply(loaded.state()), type)
                .header("Content-Disposition", "attachment; filename=\"releve-" + loaded.state().month() + "-"
                        + loaded.state().actorId() + "." + extension + "\"").build());
    }
}
