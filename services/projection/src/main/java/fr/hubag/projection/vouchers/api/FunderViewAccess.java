package fr.hubag.projection.vouchers.api;

import fr.hubag.domain.Territory;
import fr.hubag.projection.shared.Scope;
import fr.hubag.projection.shared.ScopeAccess;
import fr.hubag.servicekit.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.Arrays;
import java.util.List;

/**
 * Who reads the vouchers read models, as the vouchers service decides for the orders themselves: a funder (a partner
 * token; its subject names the organisation) its own orders only, in the territories its token covers; coordinators
 * every order of their territories; hub admins all. Analysts read the consolidation only: counts and amounts added
 * up, no funder, order or actor named (the topic is theirs for more). Staff and analysts need a token covering the
 * scope (hub: all four territories); a funder's hub-wide view keeps to the territories its token covers.
 *
 * @param funder the funder the caller may see (null: every funder)
 * @param territories the order territories the caller may see
 */
record FunderViewAccess(String funder, List<String> territories) {

    /** The per-order views (orders, an order's ledger, its redemptions): funders, coordinators, hub admins. */
    static FunderViewAccess orders(SecurityIdentity identity, Scope scope) {
        if (identity.hasRole(Roles.HUB_ADMIN) || identity.hasRole(Roles.COORDINATOR)) {
            ScopeAccess.require(identity, scope);
            return new FunderViewAccess(null, scope.territory().map(t -> List.of(t.name()))
                    .orElseGet(() -> Arrays.stream(Territory.values()).map(Territory::name).toList()));
        }
        if (!identity.hasRole(Roles.PARTNER)) {
            throw new ForbiddenException();
        }
        if (scope.territory().isPresent()) {
            ScopeAccess.require(identity, scope);
        }
        List<String> territories = ScopeAccess.covered(identity).stream()
                .filter(t -> scope.territory().map(t::equals).orElse(true)).map(Territory::name).sorted().toList();
        if (territories.isEmpty()) {
            throw new ForbiddenException();
        }
        return new FunderViewAccess(identity.getPrincipal().getName(), territories);
    }

    /** The consolidation: coordinators, hub admins and analysts (the endpoint's roles) covering the scope. */
    static void consolidation(SecurityIdentity identity, Scope scope) {
        ScopeAccess.require(identity, scope);
    }

    /** Whether the caller may see this order: its funder's and of its territories. */
    boolean sees(String orderFunder, String orderTerritory) {
        return (funder == null || funder.equals(orderFunder)) && territories.contains(orderTerritory);
    }
}
