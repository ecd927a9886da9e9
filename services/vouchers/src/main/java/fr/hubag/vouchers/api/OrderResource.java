package fr.hubag.vouchers.api;

import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.PathIds;
import fr.hubag.vouchers.application.OrderCommands;
import fr.hubag.vouchers.domain.OrderState;
import io.smallrye.common.annotation.Blocking;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A funder's orders of APTIC passes: quote, activate with the payment mandate, read, and a booklet's codes for
 * printing, as JSON or as a PDF of cut-out coupons. Who may do what is in {@code VoucherAccess}.
 */
@Path("/api/vouchers/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders of booklets of APTIC passes")
@SecurityRequirement(name = "jwt")
public class OrderResource {

    static final String BOOKLET_PDF = "application/pdf";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final HttpVoucherCommands commands;
    private final Clock clock;

    public OrderResource(HttpVoucherCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Operation(summary = "Order booklets of passes (quoted)", description = "Roles: partner (the funder, for itself: "
            + "its token's subject), hub-admin (naming funderId); the token covers every territory of the "
            + "perimeter. Amounts in integer cents; the 4 % fee is rounded to the nearest cent, halves up. The "
            + "passes are drawn now and usable once the order is activated. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Quoted",
            content = @Content(schema = @Schema(implementation = VoucherViews.OrderView.class)))
    @APIResponse(responseCode = "422", description = "A rule of orders (a commune outside the perimeter, a "
            + "validity in the past or too long, more than 10 000 passes)")
    public Uni<Response> quote(VoucherRequests.OrderBody body, @Context ContainerRequestContext http) {
        return commands.quote(body, http, clock.instant());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "Read an order", description = "Roles: its funder and the distributors it names (partner), "
            + "coordinators of its territories, hub-admin.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoucherViews.OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order")
    public Uni<Response> get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id) {
        UUID orderId;
        try {
            orderId = PathIds.uuid("id", id);
        } catch (InvalidRequest notAnId) {
            return Uni.createFrom().item(notFound(id));
        }
        OrderCommands orders = commands.orders();
        return orders.load(orderId).map(loaded -> switch (loaded.state()) {
            case OrderState.Order order -> Response.ok(VoucherViews.OrderView.of(order, loaded.version()))
                    .header("ETag", "\"" + loaded.version() + "\"").build();
            case OrderState.NoOrder none -> notFound(id);
        });
    }

    @POST
    @Path("/{id}/activation")
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Operation(summary = "Activate an order with its payment mandate", description = "Roles: its funder, hub-admin. "
            + "From then on its passes are usable. The same reference again changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoucherViews.OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Activated already with another reference, or a stale If-Match")
    public Uni<Response> activate(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                  VoucherRequests.ActivationBody body, @Context ContainerRequestContext http) {
        return commands.activate(PathIds.uuid("id", id), body, http, clock.instant());
    }

    @POST
    @Path("/{id}/late-distribution")
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Operation(summary = "Allow distribution in the last 15 days before the validity end", description = "Roles: its "
            + "funder, hub-admin. From 15 days before the passes' validity end, they are handed out only once the funder "
            + "has confirmed it (a person then has little time to use a pass). Confirming again changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoucherViews.OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order")
    public Uni<Response> confirmLateDistribution(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
            @Context ContainerRequestContext http) {
        return commands.confirmLateDistribution(PathIds.uuid("id", id), http, clock.instant());
    }

    @GET
    @Path("/{id}/booklets/{booklet}")
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Operation(summary = "A booklet's codes, for printing", description = "Roles: the order's funder, hub-admin. "
            + "With the booklet's PDF (same path, .pdf), the only places a code is given in clear.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderCommands.Booklet.class)))
    @APIResponse(responseCode = "404", description = "No such order or booklet")
    public Uni<Response> booklet(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                                 @PathParam("booklet") @Schema(type = SchemaType.INTEGER, minimum = "1") String booklet) {
        BookletAt at = BookletAt.parse(id, booklet);
        if (at == null) {
            return Uni.createFrom().item(notFound(id + "/booklets/" + booklet));
        }
        return commands.orders().booklet(at.orderId(), at.number()).map(b -> Response.ok(b)
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/{id}/booklets/{booklet}.pdf")
    @Produces(BOOKLET_PDF)
    @RolesAllowed({Roles.PARTNER, Roles.HUB_ADMIN})
    @Blocking // the PDF is written to the response page by page as it is drawn: a worker thread, not the event loop
    @Operation(summary = "A booklet as a printable PDF", description = "Roles: the order's funder, hub-admin, as for "
            + "the booklet's codes. A4 pages of ten cut-out coupons; each pass's code printed XXXX-XXXX-XXXX-XXX and "
            + "as a QR code holding the normalised code alone (what the redemption endpoint reads), with the face "
            + "value, validity end and tolerance, funder, perimeter, order and booklet. An attachment, never cached "
            + "(Cache-Control: no-store). Refusals are application/problem+json.")
    @APIResponse(responseCode = "200", description = "The booklet's PDF",
            content = @Content(mediaType = BOOKLET_PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such order or booklet")
    public Response bookletPdf(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") String id,
                               @PathParam("booklet") @Schema(type = SchemaType.INTEGER, minimum = "1")
                               String booklet) {
        BookletAt at = BookletAt.parse(id, booklet);
        if (at == null) {
            return notFound(id + "/booklets/" + booklet + ".pdf");
        }
        // the codes are read and unsealed before the first byte is sent, so a refusal is still a problem document
        OrderCommands.PrintableBooklet printable = commands.orders().printable(at.orderId(), at.number()).await()
                .atMost(READ_TIMEOUT);
        return Response.ok((StreamingOutput) out -> BookletPdf.write(printable, out), BOOKLET_PDF)
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"pass-aptic-" + at.orderId() + "-carnet-"
                        + at.number() + ".pdf\"")
                .build();
    }

    /** A booklet's address in the path; a malformed one is no booklet (404), as an unknown one. */
    private record BookletAt(UUID orderId, int number) {

        static BookletAt parse(String id, String booklet) {
            try {
                return new BookletAt(PathIds.uuid("id", id), Integer.parseInt(booklet));
            } catch (InvalidRequest | NumberFormatException notABooklet) {
                return null;
            }
        }
    }

    private static Response notFound(String id) {
        return Problem.of(Response.Status.NOT_FOUND, "order-not-found", "no order " + id)
                .at("/api/vouchers/orders/" + id, null).toResponse();
    }
}
