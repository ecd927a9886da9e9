package fr.hubag.projection.sessions.read;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's referral where it stands: submitted, answered (accepted, or refused with a coded reason), assigned to a
 * census actor or a session, closed with its outcome, or expired unanswered; each step's time. The person appears by
 * pseudonymous id only, and not at all once erased.
 */
@Schema(name = "PartnerReferral")
public record PartnerReferral(UUID referralId,
                              @Schema(description = "the referring partner (its token's subject)") String partner,
                              @Schema(description = "GP, GF, MQ or MF") String territory,
                              @Schema(description = "the pseudonymous beneficiary id; absent once the person is "
                                      + "erased") UUID beneficiaryId,
                              boolean beneficiaryErased,
                              @Schema(description = "demarche_en_ligne, acces_aux_droits, recherche_emploi, "
                                      + "autonomie_numerique, equipement, autre") String reason,
                              List<String> themes,
                              @Schema(description = "submitted, accepted, refused, assigned, closed, expired")
                              String status,
                              @Schema(description = "hors_territoire, hors_perimetre, doublon, pas_de_capacite, "
                                      + "personne_injoignable, autre; refused only") String refusalReason,
                              @Schema(description = "the census actor it is assigned to") UUID assignedActorId,
                              @Schema(description = "the session it is assigned to, when one") UUID assignedSessionId,
                              @Schema(description = "attended, autonomous, redirected, no_show, closed; closed only")
                              String outcome,
                              @Schema(description = "the kind of structure, for outcome redirected") String redirectedTo,
                              @Schema(description = "expired only: unanswered after this many days")
                              Integer expiredAfterDays,
                              Instant submittedAt, Instant acceptedAt, Instant refusedAt, Instant assignedAt,
                              Instant closedAt, Instant expiredAt,
                              @Schema(description = "when it last changed: the order of the list") Instant changedAt) {}
