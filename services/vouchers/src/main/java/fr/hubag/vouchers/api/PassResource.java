package fr.hubag.vouchers.api;

import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/**
 * Passes in use: handed to a beneficiary (one by its code, or a whole booklet), redeemed at a labelled actor by its
 * mediator, and the refused redemptions hub staff review.
 */
@Path("/api/vouchers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "passes", description = "Distribution and redemption of APTIC passes")
@SecurityRequirement(name = "jwt")
public class PassResource {

    private final HttpVoucherCommands commands;
    private final Clock clock;

    public PassResource(HttpVoucherCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @POST
    @Path("/distributions")
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Operation(summary = "Hand a pass or a booklet to a beneficiary", description = "Roles: a distributor the order "
            + "names or its funder (partner, in a territory of the order), hub-admin. A pass by its `code`, or every "
            + "pass of a booklet by `orderId` and `booklet` (all or none). Only passes of an activated order. A code "
            + "of an order not given to the caller is answered as unknown.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VoucherViews.DistributionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown code (code-unknown), order or booklet")
    @APIResponse(responseCode = "409", description = "Order not activated, pass distributed to someone else, redeemed or expired")
    @APIResponse(responseCode = "422", description = "A typo in the code (code-mistyped: its check character)")
    public Uni<Response> distribute(VoucherRequests.DistributionBody body, @Context ContainerRequestContext http) {
        return commands.distribute(body, http, clock.instant());
    }

    @POST
    @Path("/redemptions")
    @RolesAllowed({Roles.MEDIATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Redeem a pass", description = "Roles: mediator for an actor of its token's `actors` claim in "
            + "a territory of its token, hub-admin. Accepted if the order is activated, the pass distributed and not "
            + "redeemed, the day (in the actor's territory) not past the tolerance, the actor inside the order's "
            + "perimeter and holding the APTIC label that day (census, kept locally). Of simultaneous redemptions of "
            + "a pass one wins; the others get 409 pass-already-redeemed. Every refusal is recorded.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VoucherViews.RedemptionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown code (code-unknown)")
    @APIResponse(responseCode = "409", description = "pass-already-redeemed, pass-not-distributed, pass-expired, order-not-activated")
    @APIResponse(responseCode = "422", description = "code-mistyped, actor-unknown, outside-perimeter, actor-not-labelled")
    public Uni<Response> redeem(VoucherRequests.RedemptionBody body, @Context ContainerRequestContext http) {
        return commands.redeem(body, http, clock.instant());
    }

    @GET
    @Path("/refusals")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.COORDINATOR})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refused redemptions, newest first (fraud review)", description = "Roles: coordinator (actors "
            + "of own territories), hub-admin (all, and actors the census does not know). At most 500.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoucherViews.RefusalView.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<java.util.List<VoucherViews.RefusalView>> refusals(
            @QueryParam("actorId") @Schema(format = "uuid") String actorId) {
        java.util.UUID actor = actorId == null ? null : PathIds.uuid("actorId", actorId);
        return commands.passes().refusals(actor).map(list -> list.stream().map(VoucherViews.RefusalView::of)
                .toList());
    }
}
