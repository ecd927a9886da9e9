package fr.hubag.sessions.application;

import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.sessions.domain.BeneficiaryCommand;
import fr.hubag.sessions.domain.BeneficiaryState;
import io.quarkus.security.ForbiddenException;

import java.util.UUID;

/**
 * Who may see a beneficiary's personal data and act on them: hub admins; coordinators of the beneficiary's territory;
 * mediators of the actor that registered them (token claim {@code actors}), in a territory of their token. A mediator
 * of another actor of the territory may enrol them by their pseudonymous id, and so sees the pseudonymous record, not
 * the person. Analysts and partners never see personal data (brief, rule 4): refused here whatever the gateway did.
 */
public final class BeneficiaryAccess {

    private BeneficiaryAccess() {}

    /**
     * Register: as {@link #requireMayHandle}, or a partner in a territory of its token registering the person it is
     * about to refer — with their consent to {@code retour_prescripteur}, else 422 (it may not read them afterwards).
     */
    public static void requireMayRegister(Caller caller, BeneficiaryCommand.RegisterBeneficiary command) {
        if (caller.hasRole(Roles.PARTNER) && !mayHandle(caller, command.actorId())) {
            caller.requireTerritory(command.territory());
            if (command.consents().stream().noneMatch(c -> c.purpose() == ConsentPurpose.RETOUR_PRESCRIPTEUR)) {
                throw CommandRejected.unprocessable("consent-required", "consents",
                        "a partner registers a person with their consent to retour_prescripteur");
            }
            return;
        }
        requireMayHandle(caller, command.territory(), command.actorId());
    }

    /** Register, read the person, change their data or consents, erase them. */
    public static void requireMayHandle(Caller caller, Territory territory, UUID actorId) {
        caller.requireTerritory(territory);
        if (!mayHandle(caller, actorId)) {
            throw new ForbiddenException("only mediators of the actor that registered a beneficiary, coordinators of "
                    + "their territory and hub admins handle their personal data");
        }
    }

    /** Whether the caller sees the person (true) or only the pseudonymous record (false); 403 otherwise. */
    public static boolean requireMayRead(Caller caller, BeneficiaryState.Registered beneficiary) {
        caller.requireTerritory(beneficiary.territory());
        if (mayHandle(caller, beneficiary.actorId())) {
            return true;
        }
        if (caller.hasRole(Roles.MEDIATOR)) {
            return false;
        }
        throw new ForbiddenException("beneficiaries are read by mediators, coordinators and hub admins");
    }

    public static void requireMayHandle(Caller caller, BeneficiaryState state) {
        if (state instanceof BeneficiaryState.Registered beneficiary) {
            requireMayHandle(caller, beneficiary.territory(), beneficiary.actorId());
        }
    }

    private static boolean mayHandle(Caller caller, UUID actorId) {
        return caller.hasRole(Roles.HUB_ADMIN) || caller.hasRole(Roles.COORDINATOR)
                || caller.hasRole(Roles.MEDIATOR) && caller.actors().contains(actorId.toString());
    }
}
