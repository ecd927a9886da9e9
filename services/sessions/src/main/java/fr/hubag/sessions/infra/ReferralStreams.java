package fr.hubag.sessions.infra;

import fr.hubag.contracts.sessions.ReferralEvent;
import fr.hubag.contracts.sessions.ReferralEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;
import fr.hubag.sessions.domain.ReferralCommand;
import fr.hubag.sessions.domain.ReferralDecider;
import fr.hubag.sessions.domain.ReferralState;

/**
 * How referrals are stored: stream type {@code referral}, one stream per referral, in the territory it was sent to;
 * published on {@code sessions.events} beside sessions and beneficiaries.
 */
public final class ReferralStreams {

    public static final String TYPE = "referral";

    public static final EventCodec<ReferralEvent> CODEC = EventCodec.of(ReferralEvents.CATALOGUE,
            ReferralEvent::occurredAt);

    public static final AggregateType<ReferralCommand, ReferralEvent, ReferralState> REFERRAL =
            new AggregateType<>(TYPE, new ReferralDecider(), CODEC, ReferralStreams::territoryOf);

    private ReferralStreams() {}

    private static String territoryOf(ReferralState state) {
        return switch (state) {
            case ReferralState.Referral referral -> referral.territory().name();
            case ReferralState.None none -> null;
        };
    }
}
