package fr.hubag.actors.infra;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorDecider;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.contracts.actors.ActorEvent;
import fr.hubag.contracts.actors.ActorEvents;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;

/**
 * How actors are stored: stream type {@code actor}, one stream per actor keyed by its id, events under their
 * contract names and schema versions as {@link ActorEvents} lists them (with the upcast of ActorRegistered v1, so the
 * oldest streams fold like new ones).
 */
public final class ActorStreams {

    public static final EventCodec<ActorEvent> CODEC = EventCodec.of(ActorEvents.CATALOGUE, ActorEvent::occurredAt);

    public static final AggregateType<ActorCommand, ActorEvent, ActorState> ACTOR = new AggregateType<>(
            "actor", new ActorDecider(), CODEC, ActorStreams::territoryOf);

    private ActorStreams() {}

    private static String territoryOf(ActorState state) {
        return switch (state) {
            case ActorState.Registered actor -> actor.territory().name();
            case ActorState.Merged merged -> merged.territory().name();
            case ActorState.Unregistered unregistered -> null;
        };
    }
}
