package fr.hubag.sessions.infra;

import fr.hubag.sessions.domain.PersonalData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where beneficiaries' personal data lives: two ordinary tables through Hibernate Reactive with Panache, beside the
 * event store (whose events name the person by a pseudonymous id only). Each operation is one short transaction of
 * its own; the kernel's command runs after it (see {@code BeneficiaryCommands} for the order and why).
 */
@ApplicationScoped
public class BeneficiaryVault {

    private final PersonalDataCipher cipher;

    public BeneficiaryVault(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** A new person's key (wrapped) and their data sealed with it. */
    public Uni<Void> store(UUID beneficiaryId, PersonalData data, Instant at) {
        PersonalDataCipher.DataKey key = cipher.newDataKey(beneficiaryId);
        BeneficiaryKey wrapped = new BeneficiaryKey();
        wrapped.beneficiaryId = beneficiaryId;
        wrapped.wrappedKey = key.wrapped();
        wrapped.createdAt = at;
        EncryptedPersonalData row = new EncryptedPersonalData();
        row.beneficiaryId = beneficiaryId;
        row.updatedAt = at;
        cipher.seal(key.key(), beneficiaryId, data, row);
        return Panache.withTransaction(() -> wrapped.persist().chain(row::persist)).replaceWithVoid();
    }

    /** The person's data, opened; empty when their key is gone (erased) or was never stored. */
    public Uni<Optional<PersonalData>> read(UUID beneficiaryId) {
        return Panache.withSession(() -> BeneficiaryKey.<BeneficiaryKey>findById(beneficiaryId)
                .chain(key -> key == null ? Uni.createFrom().item(Optional.<PersonalData>empty())
                        : EncryptedPersonalData.<EncryptedPersonalData>findById(beneficiaryId).map(row ->
                        row == null ? Optional.empty()
                                : Optional.of(cipher.open(cipher.unwrap(beneficiaryId, key.wrappedKey),
                                beneficiaryId, row)))));
    }

    /** Replaces the person's data, sealed again under their key with new nonces; false when the key is gone. */
    public Uni<Boolean> replace(UUID beneficiaryId, PersonalData data, Instant at) {
        return Panache.withTransaction(() -> BeneficiaryKey.<BeneficiaryKey>findById(beneficiaryId).chain(key -> {
            if (key == null) {
                return Uni.createFrom().item(false);
            }
            return EncryptedPersonalData.<EncryptedPersonalData>findById(beneficiaryId).chain(found -> {
                EncryptedPersonalData row = found != null ? found : new EncryptedPersonalData();
                row.beneficiaryId = beneficiaryId;
                row.updatedAt = at;
                cipher.seal(cipher.unwrap(beneficiaryId, key.wrappedKey), beneficiaryId, data, row);
                return (found != null ? Uni.createFrom().item(row) : row.persist()).replaceWith(true);
            });
        }));
    }

    /**
     * Erasure: the wrapped key first — from then on nothing sealed with it opens, wherever a copy lies — then the
     * sealed values. Safe to repeat: a second erasure deletes nothing.
     */
    public Uni<Void> erase(UUID beneficiaryId) {
        return Panache.withTransaction(() -> BeneficiaryKey.delete("beneficiaryId", beneficiaryId)
                .chain(() -> EncryptedPersonalData.delete("beneficiaryId", beneficiaryId))).replaceWithVoid();
    }
}
