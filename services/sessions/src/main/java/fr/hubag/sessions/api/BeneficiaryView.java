package fr.hubag.sessions.api;

import fr.hubag.sessions.domain.BeneficiaryState;
import fr.hubag.sessions.domain.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A beneficiary as read: the pseudonymous record (coarse attributes, consents, whether erased) and, for the callers
 * who may see the person and while their key exists, {@code personalData}, decrypted for this answer only.
 */
public record BeneficiaryView(
        UUID id,
        @Schema(enumeration = {"GP", "GF", "MQ", "MF"}) String territory,
        UUID actorId,
        String ageBand,
        String communeInseeCode,
        String socialStatus,
        String gender,
        List<ConsentView> consents,
        @Schema(enumeration = {"active", "erased"}) String status,
        @Schema(description = "absent for callers who see only the pseudonymous record, and once erased")
        PersonalData personalData,
        long version) {

    public record ConsentView(String purpose, String givenOn) {}

    static BeneficiaryView of(BeneficiaryState.Registered b, PersonalData personalData, long version) {
        List<ConsentView> consents = b.consents().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().ordinal()))
                .map(e -> new ConsentView(e.getKey().code(), e.getValue().toString())).toList();
        return new BeneficiaryView(b.beneficiaryId(), b.territory().name(), b.actorId(), b.ageBand().code(),
                b.communeInseeCode(), b.socialStatus().code(), b.gender() == null ? null : b.gender().code(),
                consents, b.erased() ? "erased" : "active", personalData, version);
    }

    /**
     * The answer to a command, remembered with its Idempotency-Key: the id and status only, so that the stored
     * answer never holds personal data (it is kept in clear in es_idempotency_keys and outlives an erasure).
     */
    public record Receipt(UUID id, @Schema(enumeration = {"active", "erased"}) String status, long version) {

        static Receipt of(BeneficiaryState state, long version) {
            BeneficiaryState.Registered b = (BeneficiaryState.Registered) state;
            return new Receipt(b.beneficiaryId(), b.erased() ? "erased" : "active", version);
        }
    }

}
