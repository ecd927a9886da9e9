package fr.hubag.projection.vouchers.api;

import fr.hubag.projection.shared.Paging;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.vouchers.read.Consolidation;
import fr.hubag.projection.vouchers.read.OrderLedger;
import fr.hubag.projection.vouchers.read.OrderSummary;
import fr.hubag.projection.vouchers.read.OrdersPage;
import fr.hubag.projection.vouchers.read.RedemptionsPage;
import fr.hubag.projection.vouchers.read.StatementsPage;
import fr.hubag.projection.vouchers.read.VoucherQueries;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The vouchers read endpoints of a scope (a territory or the hub): the live funder view — orders, an order's ledger
 * per territory with its credit note and refusals by reason, its redemptions by month, actor and commune — the
 * actors' statements ({@link StatementAccess}) and the consolidation. The two scopes are two root
 * paths ({@link TerritoryVouchersResource}, {@link HubVouchersResource}) over these methods; who sees what is
 * {@link FunderViewAccess}'s.
 */
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "vouchers read models", description = "The live funder view of APTIC orders and the vouchers ledger, "
        + "per territory and hub-wide")
@APIResponse(responseCode = "400", description = "Bad parameter; every faulty one is named")
public abstract class VouchersEndpoints {

    private static final String FUNDERS = "Roles: partner (a funder: its own orders, in the territories its token "
            + "covers), coordinator (orders of its territories), hub-admin (all; hub: a token covering all four). ";

    /** As the vouchers service names funders (the OrderQuoted contract's funderId). */
    private static final Pattern FUNDER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final VoucherQueries queries;
    private final CurrentIdentityAssociation identity;

    protected VouchersEndpoints(VoucherQueries queries, CurrentIdentityAssociation identity) {
        this.queries = queries;
        this.identity = identity;
    }

    /** The scope the request names (a 400 for an unknown territory). */
    protected abstract Scope scope(UriInfo uri);

    @GET
    @Path("/orders")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Orders of APTIC passes with their ledger totals", description = FUNDERS + "Orders led by "
            + "the scope's territory (hub: all), newest first, each with its quote, its state and its ledger added "
            + "up over its territories; amounts in cents. `funderId` keeps to one funder (a funder may name only "
            + "itself). Paging: follow `next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrdersPage.class)))
    public Uni<OrdersPage> orders(
            @Parameter(description = "the funder (a partner token's subject)") @QueryParam("funderId") String funderId,
            @Parameter(description = "orders per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        String funder = QueryParams.blankToNull(funderId);
        if (funder != null && !FUNDER_ID.matcher(funder).matches()) {
            params.invalid("funderId", "must be an organisation id: 1 to 128 of letters, digits and . _ : @ -");
        }
        Paging paging = Paging.of(params, size, cursor, VoucherQueries::validOrderCursor, uri);
        params.check();
        return identity.getDeferredIdentity().map(caller -> FunderViewAccess.orders(caller, scope))
                .chain(access -> {
                    if (funder != null && access.funder() != null && !funder.equals(access.funder())) {
                        throw new ForbiddenException();
                    }
                    String only = access.funder() != null ? access.funder() : funder;
                    return queries.orders(scope, only, access.territories(), paging.after(), paging.size())
                            .map(page -> new OrdersPage(scope.name(), only, paging.size(), page.items(),
                                    paging.next(page)));
                });
    }

    @GET
    @Path("/orders/{orderId}")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "The live funder view of an order, per territory", description = FUNDERS + "Booklets and "
            + "passes issued, distributed, started (a first pass redeemed), redeemed, expired and outstanding, with "
            + "their amounts in cents; issued, distributed and expired count in the order's territory, redemptions "
            + "in the redeeming actor's. Once expired, `order.creditNote`: the credit note's reconciliation (ordered "
            + "= redeemed + expired; paid = redeemed + credited + fee kept). `refusals`: refused redemptions of the "
            + "order by reason. Another funder's order: 403; an order not led by the scope's territory: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderLedger.class)))
    @APIResponse(responseCode = "404", description = "No such order in this scope")
    public Uni<OrderLedger> order(@PathParam("orderId") String orderId, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        UUID id = params.uuid("orderId", orderId);
        params.check();
        return visible(scope, id).chain(order -> Uni.combine().all()
                .unis(queries.ledger(scope, id), queries.refusals(scope, id))
                .with((territories, refusals) -> new OrderLedger(order, territories, refusals)));
    }

    @GET
    @Path("/orders/{orderId}/redemptions")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "An order's redemptions by month, actor and commune", description = FUNDERS + "Passes "
            + "redeemed and their amount in cents, per month (the local date of the redemption in the actor's "
            + "territory), actor and commune, in that order; `month` keeps to one month. Paging: follow `next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RedemptionsPage.class)))
    @APIResponse(responseCode = "404", description = "No such order in this scope")
    public Uni<RedemptionsPage> redemptions(@PathParam("orderId") String orderId,
            @Parameter(description = "a month, YYYY-MM") @QueryParam("month") String month,
            @Parameter(description = "rows per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        UUID id = params.uuid("orderId", orderId);
        String given = QueryParams.blankToNull(month);
        LocalDate first = month(params, given);
        Paging paging = Paging.of(params, size, cursor, VoucherQueries::validRedemptionCursor, uri);
        params.check();
        LocalDate only = first;
        return visible(scope, id)
                .chain(order -> queries.redemptions(scope, id, only, paging.after(), paging.size()))
                .map(page -> new RedemptionsPage(id, given, paging.size(), page.items(), paging.next(page)));
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN, Roles.ANALYST})
    @Operation(summary = "Every order of the scope added up", description = "Roles: coordinator, hub-admin and "
            + "analyst whose token covers the territory (hub, the hub-wide consolidation: all four). Orders quoted, "
            + "activated and expired; the ledger's counts and amounts in cents (expired passes and credited cents "
            + "included) in all and per territory; passes redeemed per month; refused redemptions by reason in all "
            + "and per territory (the refused actor's; refusals of codes that led to no order count here only); the "
            + "actors' statements per month, owed and paid. No funder, order or actor is named.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Consolidation.class)))
    public Uni<Consolidation> ledger(@Context UriInfo uri) {
        Scope scope = scope(uri);
        return identity.getDeferredIdentity().invoke(caller -> FunderViewAccess.consolidation(caller, scope))
                .chain(() -> queries.consolidation(scope));
    }

    @GET
    @Path("/statements")
    @RolesAllowed({Roles.MEDIATOR, Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "The actors' monthly statements (per-actor settlements)", description = "Roles: mediator "
            + "(the statements of the actors its token names), coordinator (every actor of its territories) and "
            + "hub-admin, with a token covering the territory (hub: all four); funders and analysts: 403 (the "
            + "ledger adds the statements up per month). Statements of actors of the scope's territory (hub: all), "
            + "newest month first: passes redeemed at the actor in the month (its territory's zone), amount owed in "
            + "cents, `status` issued or paid with the payment's reference. `actorId`, `month` keep to one; a "
            + "mediator naming another actor: 403. Paging: follow `next`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatementsPage.class)))
    public Uni<StatementsPage> statements(
            @Parameter(description = "one actor (a census actor id)") @QueryParam("actorId") String actorId,
            @Parameter(description = "a month, YYYY-MM") @QueryParam("month") String month,
            @Parameter(description = "statements per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "where to go on: the cursor of the previous page's next link, as given")
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Scope scope = scope(uri);
        QueryParams params = new QueryParams();
        UUID actor = QueryParams.blankToNull(actorId) == null ? null : params.uuid("actorId", actorId);
        String given = QueryParams.blankToNull(month);
        LocalDate first = month(params, given);
        Paging paging = Paging.of(params, size, cursor, VoucherQueries::validStatementCursor, uri);
        params.check();
        return identity.getDeferredIdentity()
                .map(caller -> StatementAccess.only(StatementAccess.actors(caller, scope), actor))
                .chain(actors -> queries.statements(scope, actors, first, paging.after(), paging.size()))
                .map(page -> new StatementsPage(scope.name(), actor, given, paging.size(), page.items(),
                        paging.next(page)));
    }

    /** The first day of a month given as YYYY-MM (null if not given; named in the 400 if not a month). */
    private static LocalDate month(QueryParams params, String given) {
        if (given == null) {
            return null;
        }
        try {
            return YearMonth.parse(given).atDay(1);
        } catch (DateTimeParseException e) {
            params.invalid("month", "must be a month, YYYY-MM");
            return null;
        }
    }

    /** The order, if the scope holds it (else 404) and the caller may see it (else 403). */
    private Uni<OrderSummary> visible(Scope scope, UUID id) {
        return identity.getDeferredIdentity().map(caller -> FunderViewAccess.orders(caller, scope))
                .chain(access -> queries.order(scope, id).map(found -> {
                    OrderSummary order = found.orElseThrow(() -> new NotFoundException("no order " + id + " in "
                            + scope.name()));
                    if (!access.sees(order.funderId(), order.territory())) {
                        throw new ForbiddenException();
                    }
                    return order;
                }));
    }
}
