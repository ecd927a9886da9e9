package fr.hubag.sessions.domain;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryErased;
import fr.hubag.contracts.sessions.BeneficiaryEvent.BeneficiaryRegistered;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentRecorded;
import fr.hubag.contracts.sessions.BeneficiaryEvent.ConsentWithdrawn;
import fr.hubag.contracts.sessions.ConsentPurpose;
import fr.hubag.domain.CommandRejected;
import fr.hubag.domain.Decider;
import fr.hubag.domain.Territory;
import fr.hubag.sessions.domain.BeneficiaryCommand.Consent;
import fr.hubag.sessions.domain.BeneficiaryCommand.EraseBeneficiary;
import fr.hubag.sessions.domain.BeneficiaryCommand.RecordConsent;
import fr.hubag.sessions.domain.BeneficiaryCommand.RegisterBeneficiary;
import fr.hubag.sessions.domain.BeneficiaryCommand.WithdrawConsent;
import fr.hubag.sessions.domain.BeneficiaryState.Registered;
import fr.hubag.sessions.domain.BeneficiaryState.Unregistered;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A beneficiary's rules, on pseudonymous facts only: registered once, in a commune of their territory, with at least
 * the consent to be followed (without it nothing may be kept about them); consents recorded and withdrawn per purpose;
 * erasure final and safe to repeat (the second asks for what is already true: no event). An erased beneficiary takes
 * no other command (409 {@code beneficiary-erased}): there is no one left to consent.
 */
public final class BeneficiaryDecider implements Decider<BeneficiaryCommand, BeneficiaryEvent, BeneficiaryState> {

    @Override
    public BeneficiaryState initialState() {
        return new Unregistered();
    }

    @Override
    public List<BeneficiaryEvent> decide(BeneficiaryCommand command, BeneficiaryState state) {
        return switch (command) {
            case RegisterBeneficiary register -> register(register, state);
            case RecordConsent record -> {
                Registered beneficiary = active(state);
                LocalDate given = beneficiary.consents().get(record.consent().purpose());
                yield record.consent().givenOn().equals(given) ? List.of()
                        : List.of(consentRecorded(record.beneficiaryId(), record.consent(), record));
            }
            case WithdrawConsent withdraw -> active(state).consents().containsKey(withdraw.purpose())
                    ? List.of(new ConsentWithdrawn(withdraw.beneficiaryId(), withdraw.purpose(), withdraw.at()))
                    : List.of();
            case EraseBeneficiary erase -> switch (state) {
                case Unregistered none -> throw notFound();
                case Registered beneficiary -> beneficiary.erased() ? List.of()
                        : List.of(new BeneficiaryErased(erase.beneficiaryId(), erase.at()));
            };
        };
    }

    private static List<BeneficiaryEvent> register(RegisterBeneficiary register, BeneficiaryState state) {
        if (state instanceof Registered) {
            throw CommandRejected.conflict("beneficiary-exists", "this beneficiary is already registered");
        }
        String commune = register.communeInseeCode();
        if (commune != null && Territory.ofInseeCode(commune).filter(register.territory()::equals).isEmpty()) {
            throw CommandRejected.unprocessable("commune-outside-territory", "communeInseeCode",
                    "the commune is not in " + register.territory().label());
        }
        Set<ConsentPurpose> purposes = new HashSet<>();
        for (Consent consent : register.consents()) {
            if (!purposes.add(consent.purpose())) {
                throw CommandRejected.unprocessable("consent-repeated", "consents",
                        "each purpose is consented to once");
            }
        }
        if (!purposes.contains(ConsentPurpose.SUIVI_MEDIATION)) {
            throw CommandRejected.unprocessable("consent-required", "consents",
                    "a beneficiary is registered with their consent to suivi_mediation");
        }
        List<BeneficiaryEvent> events = new ArrayList<>();
        events.add(new BeneficiaryRegistered(register.beneficiaryId(), register.territory(), register.actorId(),
                register.ageBand(), commune, register.socialStatus(), register.gender(), register.at()));
        register.consents().forEach(consent -> events.add(consentRecorded(register.beneficiaryId(), consent,
                register)));
        return events;
    }

    private static ConsentRecorded consentRecorded(java.util.UUID id, Consent consent, BeneficiaryCommand command) {
        return new ConsentRecorded(id, consent.purpose(), consent.givenOn(), command.at());
    }

    private static Registered active(BeneficiaryState state) {
        return switch (state) {
            case Unregistered none -> throw notFound();
            case Registered erased when erased.erased() ->
                    throw CommandRejected.conflict("beneficiary-erased", "this beneficiary was erased");
            case Registered beneficiary -> beneficiary;
        };
    }

    private static CommandRejected notFound() {
        return CommandRejected.notFound("beneficiary-not-found", "no such beneficiary");
    }

    @Override
    public BeneficiaryState evolve(BeneficiaryState state, BeneficiaryEvent event) {
        return switch (event) {
            case BeneficiaryRegistered r -> new Registered(r.beneficiaryId(), r.territory(), r.actorId(),
                    r.ageBand(), r.communeInseeCode(), r.socialStatus(), r.gender(), Map.of(), false);
            case ConsentRecorded c -> {
                Registered beneficiary = (Registered) state;
                Map<ConsentPurpose, LocalDate> consents = new EnumMap<>(ConsentPurpose.class);
                consents.putAll(beneficiary.consents());
                consents.put(c.purpose(), c.givenOn());
                yield beneficiary.withConsents(consents);
            }
            case ConsentWithdrawn w -> {
                Registered beneficiary = (Registered) state;
                Map<ConsentPurpose, LocalDate> consents = new EnumMap<>(ConsentPurpose.class);
                consents.putAll(beneficiary.consents());
                consents.remove(w.purpose());
                yield beneficiary.withConsents(consents);
            }
            case BeneficiaryErased e -> ((Registered) state).asErased();
        };
    }
}
