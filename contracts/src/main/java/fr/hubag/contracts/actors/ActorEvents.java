package fr.hubag.contracts.actors;

import fr.hubag.contracts.actors.ActorEvent.ActorClosed;
import fr.hubag.contracts.actors.ActorEvent.ActorDetailsChanged;
import fr.hubag.contracts.actors.ActorEvent.ActorRegistered;
import fr.hubag.contracts.actors.ActorEvent.ActorReopened;
import fr.hubag.contracts.actors.ActorEvent.ActorsMerged;
import fr.hubag.contracts.actors.ActorEvent.AidantDeparted;
import fr.hubag.contracts.actors.ActorEvent.AidantEnrolled;
import fr.hubag.contracts.actors.ActorEvent.AidantTrainingCompleted;
import fr.hubag.contracts.actors.ActorEvent.LabelGranted;
import fr.hubag.contracts.actors.ActorEvent.LabelRevoked;
import fr.hubag.domain.EventCatalogue;

/**
 * What is on the topic {@code actors.events}: each type under its contract name (= the schema file's name) and
 * current version, and the upcasts from older versions. The actors service stores with it, the projection reads
 * with it; a new schema version is a change here and nowhere else.
 */
public final class ActorEvents {

    public static final EventCatalogue<ActorEvent> CATALOGUE = EventCatalogue.of(ActorEvent.class)
            .event("ActorRegistered", 2, ActorRegistered.class)
            .event("ActorDetailsChanged", 1, ActorDetailsChanged.class)
            .event("ActorClosed", 1, ActorClosed.class)
            .event("ActorReopened", 1, ActorReopened.class)
            .event("LabelGranted", 1, LabelGranted.class)
            .event("LabelRevoked", 1, LabelRevoked.class)
            .event("AidantEnrolled", 1, AidantEnrolled.class)
            .event("AidantTrainingCompleted", 1, AidantTrainingCompleted.class)
            .event("AidantDeparted", 1, AidantDeparted.class)
            .event("ActorsMerged", 1, ActorsMerged.class)
            .upcast("ActorRegistered", 1, ActorRegisteredV1.class, ActorRegisteredV1::toV2)
            .build();

    private ActorEvents() {}
}
