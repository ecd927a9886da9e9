package fr.hubag.sessions.api;

import fr.hubag.contracts.sessions.RedirectionStructure;
import fr.hubag.contracts.sessions.ReferralOutcome;
import fr.hubag.contracts.sessions.ReferralReason;
import fr.hubag.contracts.sessions.RefusalReason;
import fr.hubag.contracts.sessions.Theme;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.sessions.domain.ReferralCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.hubag.sessions.api.SessionRequests.body;
import static fr.hubag.sessions.api.SessionRequests.code;
import static fr.hubag.sessions.api.SessionRequests.themes;
import static fr.hubag.sessions.api.SessionRequests.uuid;

/**
 * The referrals' request bodies. There is no field for the partner's own file number: it is personal data, so it
 * goes with the person's encrypted data (beneficiary registration, {@code franceTravailNumber} / {@code cafNumber}),
 * never into a referral's events; an unknown member is a 400.
 */
public final class ReferralRequests {

    private ReferralRequests() {}

    public record SubmitRequest(
            @Schema(required = true, enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
            @Schema(required = true, format = "uuid", description = "the person's pseudonymous id: a beneficiary "
                    + "registered in the territory with the consent retour_prescripteur") String beneficiaryId,
            @Schema(required = true, enumeration = {"demarche_en_ligne", "acces_aux_droits", "recherche_emploi",
                    "autonomie_numerique", "equipement", "autre"}) String reason,
            @Schema(required = true, description = "the sessions' themes (docs/sessions.md), at least one")
            List<String> themes) {}

    public record RefuseRequest(
            @Schema(required = true, enumeration = {"hors_territoire", "hors_perimetre", "doublon",
                    "pas_de_capacite", "personne_injoignable", "autre"}) String reason) {}

    public record AssignRequest(
            @Schema(format = "uuid", description = "the census actor whose mediators take the person on; "
                    + "optional with a session (its actor)") String actorId,
            @Schema(format = "uuid", description = "a session of the territory the person is expected at")
            String sessionId) {}

    public record OutcomeRequest(
            @Schema(required = true, enumeration = {"attended", "autonomous", "redirected", "no_show", "closed"})
            String outcome,
            @Schema(enumeration = {"administration", "mediation_numerique", "operateur_ou_organisme_en_charge",
                    "aide_sociale", "insertion_professionnelle", "aide_aux_demarches_administratives", "autre"},
                    description = "redirected only: the kind of structure") String redirectedTo) {}

    static ReferralCommand.SubmitReferral submit(SubmitRequest r, UUID referralId, String partner, Instant now) {
        Violations v = body(r);
        Optional<Territory> territory = v.oneOf("territory", r.territory(), Territory::parse,
                new Object[]{"GP", "GF", "MQ", "MF"});
        Optional<UUID> beneficiary = uuid(v, "beneficiaryId", r.beneficiaryId(), true);
        v.require("reason", r.reason());
        Optional<ReferralReason> reason = r.reason() == null ? Optional.empty()
                : code(v, "reason", r.reason(), ReferralReason.class);
        List<Theme> themes = themes(v, r.themes());
        v.throwIfAny();
        return new ReferralCommand.SubmitReferral(referralId, partner, territory.orElseThrow(),
                beneficiary.orElseThrow(), ReferralCommand.Beneficiary.UNKNOWN, reason.orElseThrow(), themes, now);
    }

    static ReferralCommand.RefuseReferral refuse(RefuseRequest r, UUID referralId, Instant now) {
        Violations v = body(r);
        v.require("reason", r.reason());
        Optional<RefusalReason> reason = r.reason() == null ? Optional.empty()
                : code(v, "reason", r.reason(), RefusalReason.class);
        v.throwIfAny();
        return new ReferralCommand.RefuseReferral(referralId, reason.orElseThrow(), now);
    }

    static ReferralCommand.AssignReferral assign(AssignRequest r, UUID referralId, Instant now) {
        Violations v = body(r);
        Optional<UUID> actor = uuid(v, "actorId", r.actorId(), false);
        Optional<UUID> session = uuid(v, "sessionId", r.sessionId(), false);
        if (v.ok() && actor.isEmpty() && session.isEmpty()) {
            v.add("actorId", "an actor, a session, or both");
        }
        v.throwIfAny();
        return new ReferralCommand.AssignReferral(referralId, actor.orElse(null), session.orElse(null), now);
    }

    static ReferralCommand.RecordOutcome outcome(OutcomeRequest r, UUID referralId, Instant now) {
        Violations v = body(r);
        v.require("outcome", r.outcome());
        Optional<ReferralOutcome> outcome = r.outcome() == null ? Optional.empty()
                : code(v, "outcome", r.outcome(), ReferralOutcome.class);
        RedirectionStructure structure = r.redirectedTo() == null ? null
                : code(v, "redirectedTo", r.redirectedTo(), RedirectionStructure.class).orElse(null);
        v.throwIfAny();
        return new ReferralCommand.RecordOutcome(referralId, outcome.orElseThrow(), structure, now);
    }
}
