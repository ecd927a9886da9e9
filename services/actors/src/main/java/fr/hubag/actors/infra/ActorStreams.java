package fr.hubag.actors.infra;

import fr.hubag.actors.domain.ActorCommand;
import fr.hubag.actors.domain.ActorDecider;
import fr.hubag.actors.domain.ActorEvent;
import fr.hubag.actors.domain.ActorState;
import fr.hubag.eventsourcing.codec.EventCodec;
import fr.hubag.eventsourcing.command.AggregateType;

/**
 * How actors are stored: stream type {@code actor}, one stream per actor keyed by its id, events under their
 * contract names and schema versions. ActorRegistered v1 (before the national standard's fields) is upcast to v2
 * when read, so the oldest streams fold like new ones.
 */
public final class ActorStreams {

    public static final EventCodec<ActorEvent> CODEC = EventCodec.builder(ActorEvent.class, ActorEvent::occurredAt)
            .event("ActorRegistered", 2, ActorEvent.ActorRegistered.class)
            .event("ActorDetailsChanged", 1, ActorEvent.ActorDetailsChanged.class)
            .event("ActorClosed", 1, ActorEvent.ActorClosed.class)
            .event("ActorReopened", 1, ActorEvent.ActorReopened.class)
            .event("LabelGranted", 1, ActorEvent.LabelGranted.class)
            .event("LabelRevoked", 1, ActorEvent.LabelRevoked.class)
            .event("AidantEnrolled", 1, ActorEvent.AidantEnrolled.class)
            .event("AidantTrainingCompleted", 1, ActorEvent.AidantTrainingCompleted.class)
            .event("AidantDeparted", 1, ActorEvent.AidantDeparted.class)
            .event("ActorsMerged", 1, ActorEvent.ActorsMerged.class)
            .upcaster(ActorRegisteredV1.UPCASTER)
            .build();

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
