package fr.hubag.sessions.api;

import fr.hubag.eventsourcing.command.CommandOutcome;
import fr.hubag.eventsourcing.command.CommandResult;
import fr.hubag.servicekit.commands.CommandResponse;
import fr.hubag.servicekit.commands.Commands;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.sessions.api.BeneficiaryRequests.ConsentRequest;
import fr.hubag.sessions.api.BeneficiaryRequests.PersonalDataRequest;
import fr.hubag.sessions.api.BeneficiaryRequests.RegisterRequest;
import fr.hubag.sessions.application.BeneficiaryAccess;
import fr.hubag.sessions.application.BeneficiaryCommands;
import fr.hubag.sessions.domain.BeneficiaryCommand;
import fr.hubag.sessions.domain.BeneficiaryState;
import fr.hubag.sessions.domain.PersonalData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Beneficiaries: the people mediators accompany. Under {@code /api/sessions/} so that the gateway's existing route
 * to the sessions service serves them. Command answers carry the id and status only — never the person's data, which
 * would otherwise be kept in clear with the Idempotency-Key; the person is read with GET, decrypted per request.
 */
@Path("/api/sessions/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "beneficiaries", description = "People accompanied: pseudonymous record, encrypted personal data, "
        + "consents, erasure")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR})
public class BeneficiaryResource {

    static final String WHO = "Roles: mediator of the actor that registered the person (token claim `actors`) in a "
            + "territory of their token, coordinator of the person's territory, hub-admin; analysts and partners "
            + "never. ";

    private final BeneficiaryCommands beneficiaries;
    private final Commands commands;
    private final Clock clock = Clock.systemUTC();

    public BeneficiaryResource(BeneficiaryCommands beneficiaries, Commands commands) {
        this.beneficiaries = beneficiaries;
        this.commands = commands;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.MEDIATOR, Roles.PARTNER})
    @Operation(summary = "Register a beneficiary with their consent", description = WHO + "A partner may register, "
            + "in a territory of its token, a person it is about to refer, with their consent to retour_prescripteur "
            + "(422 consent-required otherwise); it cannot read them afterwards. The personal data is "
            + "stored encrypted with a key of the person's own; events carry a pseudonymous id, the age band (from "
            + "the birth year), the commune, the social status and the gender only. The answer is the new id. Send an "
            + "Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = BeneficiaryView.Receipt.class)))
    @APIResponse(responseCode = "422", description = "A commune outside the territory, no consent to "
            + "suivi_mediation, a purpose twice, or an Idempotency-Key reused with another request")
    public Uni<Response> register(RegisterRequest request, @Context ContainerRequestContext http) {
        BeneficiaryRequests.Registration registration = BeneficiaryRequests.register(request, UUID.randomUUID(),
                clock.instant());
        Commands.Answer<BeneficiaryState> answer = receipt(201);
        return beneficiaries.register(registration.command(), registration.data(),
                commands.context(http, beneficiaries.caller(), request), answer).map(answer::toResponse);
    }

    @GET
    @Path("/{beneficiaryId}")
    @Operation(summary = "Read a beneficiary", description = WHO + "Those callers get `personalData`, decrypted "
            + "for this answer; a mediator of another actor of the territory gets the pseudonymous record only (to "
            + "enrol the person by id). Once erased: the pseudonymous record, status erased, no personal data.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BeneficiaryView.class)))
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Uni<Response> get(@PathParam("beneficiaryId") @Schema(type = SchemaType.STRING, format = "uuid")
                             String id) {
        UUID beneficiaryId;
        try {
            beneficiaryId = PathIds.uuid("beneficiaryId", id);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(notFound(id));
        }
        return beneficiaries.load(beneficiaryId).chain(loaded -> switch (loaded.state()) {
            case BeneficiaryState.Unregistered none -> Uni.createFrom().item(notFound(id));
            case BeneficiaryState.Registered b -> {
                boolean seesThePerson = BeneficiaryAccess.requireMayRead(beneficiaries.caller(), b) && !b.erased();
                Uni<Optional<PersonalData>> data = seesThePerson ? beneficiaries.personalData(beneficiaryId)
                        : Uni.createFrom().item(Optional.empty());
                yield data.map(person -> Response.ok(BeneficiaryView.of(b, person.orElse(null), loaded.version()))
                        .header("ETag", "\"" + loaded.version() + "\"").build());
            }
        });
    }

    @PUT
    @Path("/{beneficiaryId}/personal-data")
    @Operation(summary = "Replace a beneficiary's personal data", description = WHO + "Sealed again under the "
            + "person's key; no event (nothing published changes: the age band stays the one computed at "
            + "registration). A PUT: sending it again changes nothing more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BeneficiaryView.Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "409", description = "The beneficiary was erased")
    public Uni<Response> replacePersonalData(@PathParam("beneficiaryId") @Schema(type = SchemaType.STRING,
            format = "uuid") String id, PersonalDataRequest request) {
        UUID beneficiaryId = PathIds.uuid("beneficiaryId", id);
        PersonalData data = BeneficiaryRequests.personalData(request, clock.instant());
        return beneficiaries.load(beneficiaryId).chain(loaded -> {
            if (loaded.state() instanceof BeneficiaryState.Registered b && b.erased()) {
                BeneficiaryAccess.requireMayHandle(beneficiaries.caller(), b);
                return Uni.createFrom().item(Problem.of(Response.Status.CONFLICT, "beneficiary-erased",
                        "this beneficiary was erased").at("/api/sessions/beneficiaries/" + id, null).toResponse());
            }
            return beneficiaries.replacePersonalData(beneficiaryId, data, clock.instant()).map(version ->
                    version.map(v -> Response.ok(new BeneficiaryView.Receipt(beneficiaryId, "active", v)).build())
                            .orElseGet(() -> notFound(id)));
        });
    }

    @POST
    @Path("/{beneficiaryId}/consents")
    @Operation(summary = "Record a consent", description = WHO + "Purpose suivi_mediation | retour_prescripteur | "
            + "recontact, with the local date it was given; the same consent again changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BeneficiaryView.Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "409", description = "The beneficiary was erased, or a stale If-Match")
    public Uni<Response> recordConsent(@PathParam("beneficiaryId") @Schema(type = SchemaType.STRING,
            format = "uuid") String id, ConsentRequest request, @Context ContainerRequestContext http) {
        UUID beneficiaryId = PathIds.uuid("beneficiaryId", id);
        BeneficiaryCommand command = new BeneficiaryCommand.RecordConsent(beneficiaryId,
                BeneficiaryRequests.consent(request), clock.instant());
        return run(answer -> beneficiaries.onBeneficiary(command, commands.context(http,
                beneficiaries.caller(), request), answer));
    }

    @DELETE
    @Path("/{beneficiaryId}/consents/{purpose}")
    @Operation(summary = "Withdraw a consent", description = WHO + "A consent not in force changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BeneficiaryView.Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    @APIResponse(responseCode = "409", description = "The beneficiary was erased, or a stale If-Match")
    public Uni<Response> withdrawConsent(@PathParam("beneficiaryId") @Schema(type = SchemaType.STRING,
            format = "uuid") String id, @PathParam("purpose") @Schema(enumeration = {"suivi_mediation",
            "retour_prescripteur", "recontact"}) String purpose, @Context ContainerRequestContext http) {
        UUID beneficiaryId = PathIds.uuid("beneficiaryId", id);
        BeneficiaryCommand command = new BeneficiaryCommand.WithdrawConsent(beneficiaryId,
                BeneficiaryRequests.purpose(purpose), clock.instant());
        return run(answer -> beneficiaries.onBeneficiary(command, commands.context(http,
                beneficiaries.caller(), null), answer));
    }

    @DELETE
    @Path("/{beneficiaryId}")
    @Operation(summary = "Erase a beneficiary (GDPR art. 17)", description = WHO + "Deletes the person's key, "
            + "then records BeneficiaryErased: their personal data is unreadable wherever it was stored; the "
            + "pseudonymous history and the counts remain. Safe to repeat: the same answer, nothing new recorded.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BeneficiaryView.Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such beneficiary")
    public Uni<Response> erase(@PathParam("beneficiaryId") @Schema(type = SchemaType.STRING, format = "uuid")
                               String id, @Context ContainerRequestContext http) {
        UUID beneficiaryId = PathIds.uuid("beneficiaryId", id);
        BeneficiaryCommand.EraseBeneficiary command = new BeneficiaryCommand.EraseBeneficiary(beneficiaryId,
                clock.instant());
        return run(answer -> beneficiaries.erase(command, commands.context(http, beneficiaries.caller(),
                null), answer));
    }

    private Uni<Response> run(Function<Commands.Answer<BeneficiaryState>, Uni<CommandResult<BeneficiaryState>>> use) {
        Commands.Answer<BeneficiaryState> answer = receipt(200);
        return use.apply(answer).map(answer::toResponse);
    }

    private Commands.Answer<BeneficiaryState> receipt(int status) {
        return commands.answering(outcomes -> {
            CommandOutcome<BeneficiaryState> outcome = outcomes.get(0);
            BeneficiaryView.Receipt receipt = BeneficiaryView.Receipt.of(outcome.state(), outcome.version());
            return new CommandResponse(!outcome.changed() && status == 201 ? 200 : status,
                    Map.of("Location", "/api/sessions/beneficiaries/" + receipt.id()), commands.toJson(receipt));
        });
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "beneficiary-not-found", "no beneficiary " + id)
                .at("/api/sessions/beneficiaries/" + id, null).toResponse();
    }
}
