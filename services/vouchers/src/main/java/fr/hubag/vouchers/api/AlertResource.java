package fr.hubag.vouchers.api;

import fr.hubag.servicekit.problem.Violations;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.vouchers.application.FunderNotices;
import fr.hubag.vouchers.domain.ValidityAlerts;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/** The funders' alerts: orders whose passes' validity ends within 30 days (or in tolerance) with passes left. */
@Path("/api/vouchers/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders of booklets of APTIC passes")
@SecurityRequirement(name = "jwt")
public class AlertResource {

    private final FunderNotices notices;
    private final Clock clock;

    public AlertResource(FunderNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Orders near their validity end with passes not redeemed", description = "Roles: partner "
            + "(its own orders; another funderId is a 403), coordinator (orders of its territories), hub-admin (all). "
            + "From 30 days before the validity end (validity-ending) through the month of tolerance (tolerance), in "
            + "the order's territory's calendar, for activated orders with passes not redeemed; soonest first, at "
            + "most 1 000 orders looked at.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ValidityAlerts.Alert.class,
            type = SchemaType.ARRAY)))
    public Uni<List<ValidityAlerts.Alert>> alerts(
            @QueryParam("funderId") @Schema(description = "one funder's orders") String funderId) {
        checkFunderId(funderId);
        return notices.alerts(funderId, clock.instant());
    }

    /** A malformed {@code funderId} filter is a 400 naming it. */
    static void checkFunderId(String funderId) {
        if (funderId != null) {
            Violations v = new Violations();
            v.matches("funderId", funderId, "[A-Za-z0-9._:@-]{1,128}", "an organisation id");
            v.throwIfAny();
        }
    }
}
