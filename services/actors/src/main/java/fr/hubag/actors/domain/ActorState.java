package fr.hubag.actors.domain;

import fr.hubag.eventsourcing.Territory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An actor as its events make it: not yet registered, or registered with its labels. */
public sealed interface ActorState {

    record Unregistered() implements ActorState {}

    record Registered(UUID actorId, String name, ActorKind kind, Territory territory, Commune commune,
                      String address, List<LabelGrant> labels) implements ActorState {

        public Registered {
            labels = List.copyOf(labels);
        }

        Registered withLabel(LabelGrant grant) {
            List<LabelGrant> more = new ArrayList<>(labels);
            more.add(grant);
            return new Registered(actorId, name, kind, territory, commune, address, more);
        }
    }
}
