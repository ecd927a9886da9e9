package fr.hubag.sessions.api;

import fr.hubag.domain.Ids;
import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.sessions.api.ReferralRequests.AssignRequest;
import fr.hubag.sessions.api.ReferralRequests.OutcomeRequest;
import fr.hubag.sessions.api.ReferralRequests.RefuseRequest;
import fr.hubag.sessions.api.ReferralRequests.SubmitRequest;
import fr.hubag.sessions.application.ReferralAccess;
import fr.hubag.sessions.application.ReferralCommands;
import fr.hubag.sessions.domain.ReferralCommand;
import fr.hubag.sessions.domain.ReferralState;
import fr.hubag.sessions.infra.ReferralQueries;
import io.smallrye.mutiny.Multi;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Partners' referrals: a partner (CAF, France Travail…) refers a person, hub staff answer, and the partner follows
 * what became of them. Under {@code /api/sessions} so that the gateway routes it to this service.
 */
@Path("/api/sessions/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "referrals", description = "Partners refer people; hub staff accept, refuse, assign and record outcomes")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
public class ReferralResource {

    static final String STAFF = "Roles: coordinator of the referral's territory, hub-admin. ";
    private static final String PATH = "/api/sessions/referrals/";
    private static final int MAX_PAGE = 100;

    private final ReferralCommands referrals;
    private final ReferralQueries queries;
    private final Commands commands;
    private final Clock clock = Clock.systemUTC();

    public ReferralResource(ReferralCommands referrals, ReferralQueries queries, Commands commands) {
        this.referrals = referrals;
        this.queries = queries;
        this.commands = commands;
    }

    @POST
    @Operation(summary = "Refer a person to the hub", description = "Roles: partner, in a territory of its token (the "
            + "partner is the token's subject). The person is a beneficiary registered in the territory with the "
            + "consent retour_prescripteur, named by pseudonymous id; the partner's own file number is personal data "
            + "and belongs to the person's encrypted record, not here. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "422", description = "An unknown beneficiary, of another territory, without the "
            + "consent retour_prescripteur; or an Idempotency-Key reused with another request")
    @APIResponse(responseCode = "409", description = "The beneficiary was erased")
    public Uni<Response> submit(SubmitRequest request, @Context ContainerRequestContext http) {
        ReferralCommand.SubmitReferral command = ReferralRequests.submit(request, Ids.timeOrdered(),
                referrals.caller().subject(), clock.instant());
        Commands.Answer<ReferralState> answer = answering(201);
        return referrals.submit(command, commands.context(http, referrals.caller(), request), answer)
                .map(answer::toResponse);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept a referral", description = STAFF + "Accepting again changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral")
    @APIResponse(responseCode = "409", description = "Refused, closed or expired; or a stale If-Match")
    public Uni<Response> accept(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                @Context ContainerRequestContext http) {
        UUID referralId = PathIds.uuid("id", id);
        return run(answer -> referrals.answer(new ReferralCommand.AcceptReferral(referralId, clock.instant()),
                commands.context(http, referrals.caller(), null), answer));
    }

    @POST
    @Path("/{id}/refuse")
    @Operation(summary = "Refuse a referral", description = STAFF + "With a coded reason; only a referral not yet "
            + "answered.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral")
    @APIResponse(responseCode = "409", description = "Accepted, closed or expired; or a stale If-Match")
    public Uni<Response> refuse(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                RefuseRequest request, @Context ContainerRequestContext http) {
        UUID referralId = PathIds.uuid("id", id);
        ReferralCommand command = ReferralRequests.refuse(request, referralId, clock.instant());
        return run(answer -> referrals.answer(command, commands.context(http, referrals.caller(), request), answer));
    }

    @POST
    @Path("/{id}/assign")
    @Operation(summary = "Assign an accepted referral", description = STAFF + "To a census actor, a session of the "
            + "territory (its actor is taken), or both; assigning again replaces the earlier assignment.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral")
    @APIResponse(responseCode = "409", description = "Not accepted yet, refused, closed or expired")
    @APIResponse(responseCode = "422", description = "No such session, or one of another territory or actor")
    public Uni<Response> assign(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                AssignRequest request, @Context ContainerRequestContext http) {
        UUID referralId = PathIds.uuid("id", id);
        ReferralCommand.AssignReferral command = ReferralRequests.assign(request, referralId, clock.instant());
        return run(answer -> referrals.assign(command, commands.context(http, referrals.caller(), request), answer));
    }

    @POST
    @Path("/{id}/outcome")
    @Operation(summary = "Record what became of a referral", description = STAFF + "attended, autonomous, "
            + "redirected (with the kind of structure), no_show or closed; final.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral")
    @APIResponse(responseCode = "409", description = "Not accepted yet, refused, expired, or another outcome")
    @APIResponse(responseCode = "422", description = "redirected without a structure, or a structure otherwise")
    public Uni<Response> outcome(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                 OutcomeRequest request, @Context ContainerRequestContext http) {
        UUID referralId = PathIds.uuid("id", id);
        ReferralCommand command = ReferralRequests.outcome(request, referralId, clock.instant());
        return run(answer -> referrals.answer(command, commands.context(http, referrals.caller(), request), answer));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a referral", description = "Roles: its partner; coordinator of its territory, "
            + "hub-admin; mediator of the actor it is assigned to. The ETag is the stream version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID referralId;
        try {
            referralId = PathIds.uuid("id", id);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(notFound(id));
        }
        return referrals.load(referralId).map(loaded -> switch (loaded.state()) {
            case ReferralState.Referral r -> Response.ok(ReferralView.of(r, loaded.version()))
                    .header("ETag", "\"" + loaded.version() + "\"").build();
            case ReferralState.None none -> notFound(id);
        });
    }

    @GET
    @Operation(summary = "List the partner's own referrals", description = "Roles: partner (its own referrals "
            + "only). Oldest change first, keyset-paged: pass `nextCursor` back as `cursor`; `changedSince` "
            + "(RFC 3339) keeps the referrals changed at or after that instant, so a partner polls for what moved.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralView.Page.class)))
    @APIResponse(responseCode = "400", description = "A malformed changedSince, cursor or limit")
    public Uni<Response> list(@QueryParam("changedSince") @Schema(format = "date-time") String changedSince,
                              @QueryParam("cursor") String cursor,
                              @QueryParam("limit") @Schema(minimum = "1", maximum = "100") Integer limit) {
        String partner = ReferralAccess.requirePartner(referrals.caller());
        Violations v = new Violations();
        OffsetDateTime since = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        try {
            since = changedSince == null ? since : OffsetDateTime.parse(changedSince);
        } catch (DateTimeParseException e) {
            v.add("changedSince", "must be an RFC 3339 date-time");
        }
        ReferralQueries.Changed after = cursor == null ? null : ReferralCursor.decode(v, cursor);
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_PAGE) {
            v.add("limit", "must be between 1 and " + MAX_PAGE);
        }
        v.throwIfAny();
        return queries.changedFor(partner, since, after, size).chain(page -> Multi.createFrom().iterable(page)
                .onItem().transformToUniAndConcatenate(changed -> referrals.load(changed.referralId())
                        .map(loaded -> ReferralView.of((ReferralState.Referral) loaded.state(), loaded.version())))
                .collect().asList()
                .map(items -> Response.ok(new ReferralView.Page(items, page.size() < size ? null
                        : ReferralCursor.encode(page.get(page.size() - 1)))).build()));
    }

    private Uni<Response> run(Function<Commands.Answer<ReferralState>, Uni<CommandResult<ReferralState>>> use) {
        Commands.Answer<ReferralState> answer = answering(200);
        return use.apply(answer).map(answer::toResponse);
    }

    private Commands.Answer<ReferralState> answering(int status) {
        return commands.answering(outcomes -> {
            CommandOutcome<ReferralState> outcome = outcomes.get(0);
            ReferralState.Referral referral = (ReferralState.Referral) outcome.state();
            return new CommandResponse(!outcome.changed() && status == 201 ? 200 : status,
                    Map.of("Location", PATH + referral.referralId()),
                    commands.toJson(ReferralView.of(referral, outcome.version())));
        });
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "referral-not-found", "no referral " + id)
                .at(PATH + id, null).toResponse();
    }
}
