package fr.hubag.sessions.infra;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One person's personal data as stored: every value a sealed box under their data key (see {@link PersonalDataCipher}). */
@Entity
@Table(name = "beneficiary_personal_data")
public class EncryptedPersonalData extends PanacheEntityBase {

    @Id
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    public byte[] name;
    public byte[] phone;
    public byte[] email;

    @Column(name = "birth_year")
    public byte[] birthYear;

    @Column(name = "france_travail_number")
    public byte[] franceTravailNumber;

    @Column(name = "caf_number")
    public byte[] cafNumber;

    public byte[] notes;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
