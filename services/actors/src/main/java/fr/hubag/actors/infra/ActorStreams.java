package fr.hubag.actors.infra;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorDecider;
import fr.hubag.actors.domain.ActorEvent;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;

/**
 * How actors are stored: stream type {@code actor}, one stream per actor keyed by its id, events under their
 * contract names and schema versions. An upcaster joins here whenever a contract gets a new version.
 */
public final class ActorStreams {

    public static final EventCodec<ActorEvent> CODEC = EventCodec.builder(ActorEvent.class, ActorEvent::occurredAt)
            .event("ActorRegistered", 1, ActorEvent.ActorRegistered.class)
            .event("LabelGranted", 1, ActorEvent.LabelGranted.class)
            .build();

    public static final AggregateType<ActorCommand, ActorEvent, ActorState> ACTOR = new AggregateType<>(
            "actor", new ActorDecider(), CODEC,
            state -> state instanceof ActorState.Registered actor ? actor.territory().name() : null);

    private ActorStreams() {}
}
