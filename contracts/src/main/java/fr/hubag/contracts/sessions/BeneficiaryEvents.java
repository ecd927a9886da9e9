package fr.hubag.contracts.sessions;

import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentRecorded;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentWithdrawn;
import fr.hubag.domain.EventCatalogue;

/**
 * The beneficiaries' events on {@code sessions.events} (streams of type {@code beneficiary}, keyed by the
 * pseudonymous id), each under its contract name and current version.
 */
public final class BeneficiaryEvents {

    public static final EventCatalogue<BeneficiaryEvent> CATALOGUE = EventCatalogue.of(BeneficiaryEvent.class)
            .event("BeneficiaryRegistered", 1, BeneficiaryRegistered.class)
            .event("ConsentRecorded", 1, ConsentRecorded.class)
            .event("ConsentWithdrawn", 1, ConsentWithdrawn.class)
            .event("BeneficiaryErased", 1, BeneficiaryErased.class)
            .build();

    private BeneficiaryEvents() {}
}
