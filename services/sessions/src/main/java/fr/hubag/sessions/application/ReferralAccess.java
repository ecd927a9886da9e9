package fr.hubag.sessions.application;

import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.sessions.domain.ReferralState;
import io.quarkus.security.ForbiddenException;

/**
 * Who may do what with a referral. A partner is its token's subject (tokens carry no organisation claim: the
 * subject is the partner's machine-to-machine client id): it submits in the territories of its token and sees only
 * its own referrals. Hub staff — coordinators of the referral's territory and hub admins — answer, assign and record
 * the outcome. Mediators read the referrals assigned to an actor of their token's {@code actors} claim. Analysts
 * never: a referral ties a person to a partner.
 */
public final class ReferralAccess {

    private ReferralAccess() {}

    public static void requireMaySubmit(Caller caller, Territory territory) {
        if (!caller.hasRole(Roles.PARTNER)) {
            throw new ForbiddenException("referrals are submitted by partners");
        }
        caller.requireTerritory(territory);
    }

    /** Accept, refuse, assign, record the outcome; an unknown referral is left to the decider (404). */
    public static void requireMayAnswer(Caller caller, ReferralState state) {
        if (!caller.hasRole(Roles.HUB_ADMIN) && !caller.hasRole(Roles.COORDINATOR)) {
            throw new ForbiddenException("referrals are answered by the territory's coordinators and hub admins");
        }
        if (state instanceof ReferralState.Referral referral) {
            caller.requireTerritory(referral.territory());
        }
    }

    public static void requireMayRead(Caller caller, ReferralState.Referral referral) {
        if (caller.hasRole(Roles.PARTNER) && caller.subject().equals(referral.partner())) {
            return;
        }
        if (caller.hasRole(Roles.HUB_ADMIN) || caller.hasRole(Roles.COORDINATOR)) {
            caller.requireTerritory(referral.territory());
            return;
        }
        if (caller.hasRole(Roles.MEDIATOR) && referral.actorId() != null
                && caller.actors().contains(referral.actorId().toString())) {
            caller.requireTerritory(referral.territory());
            return;
        }
        throw new ForbiddenException("a referral is read by its partner, the territory's staff and the mediators of "
                + "the actor it is assigned to");
    }

    /** The partner whose referrals are listed: the caller itself, and only a partner. */
    public static String requirePartner(Caller caller) {
        if (!caller.hasRole(Roles.PARTNER)) {
            throw new ForbiddenException("the list of referrals is a partner's own");
        }
        return caller.subject();
    }
}
