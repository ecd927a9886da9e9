package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.Reconciliation;
import fr.hubag.contracts.vouchers.VoucherEvent.OrderExpired;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.vouchers.application.FunderNotices;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The funder's credit note of an expired order, with its reconciliation (what {@code OrderExpired} recorded). */
@Path("/api/vouchers/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders of booklets of APTIC passes")
@SecurityRequirement(name = "jwt")
public class CreditNoteResource {

    /** A credit note: the order, when it was issued, its amount and the reconciliation it rests on. */
    public record CreditNoteView(UUID orderId, String funderId, String territory, LocalDate acceptedUntil,
                                 Instant issuedAt, long creditedCents, Reconciliation reconciliation) {

        static CreditNoteView of(OrderExpired e) {
            return new CreditNoteView(e.orderId(), e.funderId(), e.territory().name(), e.acceptedUntil(),
                    e.occurredAt(), e.reconciliation().creditedCents(), e.reconciliation());
        }
    }

    private final FunderNotices notices;

    public CreditNoteResource(FunderNotices notices) {
        this.notices = notices;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Credit notes, newest first", description = "Roles: partner (its own; another funderId is a "
            + "403), coordinator (orders of its territories), hub-admin (all, or one funder's). At most 500.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditNoteView.class,
            type = SchemaType.ARRAY)))
    public Uni<List<CreditNoteView>> creditNotes(
            @QueryParam("funderId") @Schema(description = "one funder's credit notes") String funderId) {
        AlertResource.checkFunderId(funderId);
        return notices.creditNotes(funderId).map(notes -> notes.stream().map(CreditNoteView::of).toList());
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "An expired order's credit note", description = "Roles: the order's funder (partner), "
            + "coordinators of its territories, hub-admin. Issued by the daily expiry job once the order's tolerance "
            + "(acceptedUntil) has ended in every zone of its perimeter: the face value of the passes never redeemed, "
            + "in integer cents, with the reconciliation ordered = redeemed + expired and paid = redeemed + credited + "
            + "fee kept (the 4 % fee is not credited).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CreditNoteView.class)))
    @APIResponse(responseCode = "404", description = "No such order (order-not-found), or not expired yet "
            + "(credit-note-not-issued)")
    public Uni<Response> creditNote(@PathParam("orderId") @Schema(type = SchemaType.STRING, format = "uuid")
                                    String orderId) {
        UUID id;
        try {
            id = PathIds.uuid("orderId", orderId);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(Problem.of(Response.Status.NOT_FOUND, "order-not-found", "no order "
                    + orderId).at("/api/vouchers/credit-notes/" + orderId, null).toResponse());
        }
        return notices.creditNote(id).map(note -> Response.ok(CreditNoteView.of(note)).build());
    }
}
