package fr.hubag.projection.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.vouchers.read.VoucherQueries;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;

/** One territory's vouchers read models: schema gp, gf, mq or mf (orders led by that territory). */
@Path("/api/projection/territories/{territory}/vouchers")
public class TerritoryVouchersResource extends VouchersEndpoints {

    /** The territory of the path (a field: per request; documented by the sessions' TerritoryInOpenApi). */
    @PathParam("territory")
    String territory;

    /** For the request scope's client proxy only (a path parameter field makes the resource per request). */
    protected TerritoryVouchersResource() {
        this(null, null);
    }

    @Inject
    public TerritoryVouchersResource(VoucherQueries queries, CurrentIdentityAssociation identity) {
        super(queries, identity);
    }

    @Override
    protected Scope scope(UriInfo uri) {
        return Scope.of(Territory.parse(territory).orElseThrow(QueryParams::badTerritory));
    }
}
