package fr.hubag.projection.vouchers.api;

import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.vouchers.read.VoucherQueries;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

/** The hub-wide vouchers read models: schema hub, every order. */
@Path("/api/projection/hub/vouchers")
public class HubVouchersResource extends VouchersEndpoints {

    public HubVouchersResource(VoucherQueries queries, CurrentIdentityAssociation identity) {
        super(queries, identity);
    }

    @Override
    protected Scope scope(UriInfo uri) {
        return Scope.HUB;
    }
}
