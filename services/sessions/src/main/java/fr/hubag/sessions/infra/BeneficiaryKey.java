package fr.hubag.sessions.infra;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One person's data key, wrapped by the master key: deleting this row is erasing the person (crypto-shredding). */
@Entity
@Table(name = "beneficiary_keys")
public class BeneficiaryKey extends PanacheEntityBase {

    @Id
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "wrapped_key", nullable = false)
    public byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
