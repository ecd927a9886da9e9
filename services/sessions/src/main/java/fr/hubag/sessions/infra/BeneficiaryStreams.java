package fr.hubag.sessions.infra;

import fr.hubag.contracts.sessions.BeneficiaryEvent;
import fr.hubag.contracts.sessions.BeneficiaryEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.sessions.domain.BeneficiaryCommand;
import fr.hubag.sessions.domain.BeneficiaryDecider;
import fr.hubag.sessions.domain.BeneficiaryState;

/**
 * How beneficiaries are stored: stream type {@code beneficiary}, one stream per pseudonymous id, in the territory
 * they were registered in; published on {@code sessions.events} beside the sessions.
 */
public final class BeneficiaryStreams {

    public static final EventCodec<BeneficiaryEvent> CODEC = EventCodec.of(BeneficiaryEvents.CATALOGUE,
            BeneficiaryEvent::occurredAt);

    public static final AggregateType<BeneficiaryCommand, BeneficiaryEvent, BeneficiaryState> BENEFICIARY =
            new AggregateType<>("beneficiary", new BeneficiaryDecider(), CODEC, BeneficiaryStreams::territoryOf);

    private BeneficiaryStreams() {}

    private static String territoryOf(BeneficiaryState state) {
        return switch (state) {
            case BeneficiaryState.Registered beneficiary -> beneficiary.territory().name();
            case BeneficiaryState.Unregistered none -> null;
        };
    }
}
