package fr.hubag.contracts.sessions;

import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a beneficiary, on {@code sessions.events} keyed by the beneficiary's pseudonymous id: only that id
 * and coarse attributes, never personal data, not even encrypted (brief, rule 4). The person's name, phone, e-mail,
 * birth year, partner file number and notes stay in the sessions service, encrypted with a key of their own that
 * erasure deletes; these events, and the counts built on them, remain.
 */
public sealed interface BeneficiaryEvent {

    UUID beneficiaryId();

    Instant occurredAt();

    /**
     * A person was registered by a mediators' structure ({@code actorId}, a census actor) in {@code territory}:
     * their age band (from the birth year), commune ({@code communeInseeCode}, null when not given), social status
     * and, if they gave it, gender.
     */
    record BeneficiaryRegistered(UUID beneficiaryId, Territory territory, UUID actorId, AgeBand ageBand,
                                 String communeInseeCode, SocialStatus socialStatus, Gender gender,
                                 Instant occurredAt) implements BeneficiaryEvent {}

    /** The person consented to {@code purpose} on {@code givenOn} (a local date of the territory). */
    record ConsentRecorded(UUID beneficiaryId, ConsentPurpose purpose, LocalDate givenOn, Instant occurredAt)
            implements BeneficiaryEvent {}

    /** The person withdrew their consent to {@code purpose}. */
    record ConsentWithdrawn(UUID beneficiaryId, ConsentPurpose purpose, Instant occurredAt)
            implements BeneficiaryEvent {}

    /**
     * The person's personal data was erased (GDPR art. 17): their key is deleted, so whatever was encrypted with it
     * is unreadable everywhere. Other services drop what they keep about the id; counts stay.
     */
    record BeneficiaryErased(UUID beneficiaryId, Instant occurredAt) implements BeneficiaryEvent {}
}
