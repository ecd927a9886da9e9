package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.contracts.sessions.Gender;
import fr.hubag.contracts.sessions.SocialStatus;
import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What can be asked about a beneficiary as the event store sees them: coarse attributes and consents only. Their
 * personal data never enters a command: it goes to the encrypted store beside it (application/BeneficiaryVault).
 */
public sealed interface BeneficiaryCommand {

    UUID beneficiaryId();

    Instant at();

    /** A consent given on a local date, for one purpose. */
    record Consent(ConsentPurpose purpose, LocalDate givenOn) {}

    record RegisterBeneficiary(UUID beneficiaryId, Territory territory, UUID actorId, AgeBand ageBand,
                               String communeInseeCode, SocialStatus socialStatus, Gender gender,
                               List<Consent> consents, Instant at) implements BeneficiaryCommand {

        public RegisterBeneficiary {
            consents = List.copyOf(consents);
        }
    }

    record RecordConsent(UUID beneficiaryId, Consent consent, Instant at) implements BeneficiaryCommand {}

    record WithdrawConsent(UUID beneficiaryId, ConsentPurpose purpose, Instant at) implements BeneficiaryCommand {}

    /** GDPR art. 17: the personal data is gone (its key deleted before this is decided); safe to ask twice. */
    record EraseBeneficiary(UUID beneficiaryId, Instant at) implements BeneficiaryCommand {}
}
