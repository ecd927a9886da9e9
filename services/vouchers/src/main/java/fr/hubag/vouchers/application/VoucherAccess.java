package fr.hubag.vouchers.application;

import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.domain.OrderState.Order;
import io.quarkus.security.ForbiddenException;

import java.util.Collection;
import java.util.UUID;

/**
 * Who may do what with vouchers. Funders and distributors are partner organisations (CAF, France Travail, a CCAS, a
 * town hall) calling with a {@code partner} token whose subject names the organisation: a funder acts on the orders
 * it placed, a distributor hands out the passes of orders that name it (so does the funder). A mediator redeems for
 * the actors of its token's {@code actors} claim only; coordinators see the orders of their territories; hub admins
 * do everything. An actor's monthly statement is read by its mediators, its territory's coordinators and hub admins,
 * and marked paid by hub admins. Every check also wants the caller's token to cover a territory of the order (or the actor's).
 */
public final class VoucherAccess {

    private VoucherAccess() {}

    static boolean admin(Caller caller) {
        return caller.hasRole(Roles.HUB_ADMIN);
    }

    /** Orders are placed by a partner for itself, or by a hub admin for a named funder, in territories they cover. */
    static void requireMayOrder(Caller caller, Collection<Territory> territories, String funderId) {
        territories.forEach(caller::requireTerritory);
        if (admin(caller)) {
            return;
        }
        if (!caller.hasRole(Roles.PARTNER) || !caller.subject().equals(funderId)) {
            throw new ForbiddenException("a funder orders for itself (its token's subject)");
        }
    }

    /** Activation and the booklets' codes: the order's funder, or a hub admin. */
    static void requireFunder(Caller caller, Order order) {
        requireSomeTerritory(caller, order);
        if (!admin(caller) && !isFunder(caller, order)) {
            throw new ForbiddenException("only the order's funder may do this");
        }
    }

    /** Reading an order: its funder and distributors, the coordinators of its territories, hub admins. */
    static void requireMaySee(Caller caller, Order order) {
        requireSomeTerritory(caller, order);
        if (!admin(caller) && !caller.hasRole(Roles.COORDINATOR) && !mayDistribute(caller, order)) {
            throw new ForbiddenException("this order is neither yours nor given to you to distribute");
        }
    }

    /** Whether the caller may hand out the order's passes: its funder, a distributor it names, a hub admin. */
    static boolean mayDistribute(Caller caller, Order order) {
        if (admin(caller)) {
            return true;
        }
        boolean partner = caller.hasRole(Roles.PARTNER) && order.perimeter().territories().stream()
                .anyMatch(caller::covers);
        return partner && (isFunder(caller, order) || order.quote().distributors().contains(caller.subject()));
    }

    /** A mediator redeems for an actor of its token, in a territory it covers; a hub admin for any. */
    static void requireMayRedeemFor(Caller caller, UUID actorId, ActorFacts actor) {
        if (actor.known()) {
            caller.requireTerritory(actor.territory());
        }
        if (admin(caller)) {
            return;
        }
        if (!caller.hasRole(Roles.MEDIATOR) || !caller.actors().contains(actorId.toString())) {
            throw new ForbiddenException("a mediator redeems only for the actors named in their token");
        }
    }

    /**
     * An actor's statement: hub admins, the coordinators of the actor's territory, and a mediator of that actor (its
     * token's {@code actors} claim) in that territory.
     */
    static void requireMayReadStatement(Caller caller, UUID actorId, Territory territory) {
        caller.requireTerritory(territory);
        if (admin(caller) || caller.hasRole(Roles.COORDINATOR)) {
            return;
        }
        if (!caller.hasRole(Roles.MEDIATOR) || !caller.actors().contains(actorId.toString())) {
            throw new ForbiddenException("a mediator reads only the statements of the actors named in their token");
        }
    }

    /** An order's credit note and alerts: its funder, the coordinators of its territories, hub admins. */
    static void requireMayReadCreditNote(Caller caller, Order order) {
        requireSomeTerritory(caller, order);
        if (!admin(caller) && !caller.hasRole(Roles.COORDINATOR) && !isFunder(caller, order)) {
            throw new ForbiddenException("only the order's funder, its territories' coordinators and hub admins "
                    + "see its credit note");
        }
    }

    /**
     * Whose alerts a caller may list: a partner its own (asking for another funder's is a 403), a coordinator and a
     * hub admin any funder's or all (null). Returns the funder to filter on.
     */
    static String alertsFunder(Caller caller, String asked) {
        if (admin(caller) || caller.hasRole(Roles.COORDINATOR)) {
            return asked;
        }
        if (!caller.hasRole(Roles.PARTNER) || (asked != null && !asked.equals(caller.subject()))) {
            throw new ForbiddenException("a funder sees its own alerts only");
        }
        return caller.subject();
    }

    /** Whether an alert of an order in {@code territories} is for the caller's eyes (its token covers one). */
    static boolean seesTerritoryOf(Caller caller, Collection<Territory> territories) {
        return admin(caller) || territories.stream().anyMatch(caller::covers);
    }

    private static boolean isFunder(Caller caller, Order order) {
        return caller.hasRole(Roles.PARTNER) && caller.subject().equals(order.funderId());
    }

    private static void requireSomeTerritory(Caller caller, Order order) {
        if (order.perimeter().territories().stream().noneMatch(caller::covers)) {
            caller.requireTerritory(order.territory());
        }
    }
}
