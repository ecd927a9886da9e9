package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A beneficiary as folded from their stream: who registered them, coarse attributes, consents in force, erased. */
public sealed interface BeneficiaryState {

    record Unregistered() implements BeneficiaryState {}

    record Registered(UUID beneficiaryId, Territory territory, UUID actorId, AgeBand ageBand, String communeInseeCode,
                      SocialStatus socialStatus, Gender gender, Map<ConsentPurpose, LocalDate> consents,
                      boolean erased) implements BeneficiaryState {

        public Registered {
            consents = Map.copyOf(consents);
        }

        Registered withConsents(Map<ConsentPurpose, LocalDate> newConsents) {
            return new Registered(beneficiaryId, territory, actorId, ageBand, communeInseeCode, socialStatus, gender,
                    newConsents, erased);
        }

        Registered asErased() {
            return new Registered(beneficiaryId, territory, actorId, ageBand, communeInseeCode, socialStatus, gender,
                    consents, true);
        }
    }
}
