package fr.hubag.actors.api;

import fr.hubag.actors.domain.ActorState;
import fr.hubag.eventsourcing.decider.Coded;

import java.util.List;
import java.util.UUID;

/** An actor as the write service knows it, with the stream version to send back in {@code If-Match}. */
public record ActorView(UUID id, String name, String kind, String territory, CommunePayload commune, String address,
                        List<LabelView> labels, long version) {

    public record LabelView(String label, String validFrom, String validUntil) {}

    static ActorView of(ActorState.Registered actor, long version) {
        return new ActorView(actor.actorId(), actor.name(), actor.kind().code(), actor.territory().name(),
                new CommunePayload(actor.commune().name(), actor.commune().inseeCode(), actor.commune().postcode()),
                actor.address(),
                actor.labels().stream().map(grant -> new LabelView(((Coded) grant.label()).code(),
                        grant.validFrom().toString(),
                        grant.validUntil() == null ? null : grant.validUntil().toString())).toList(),
                version);
    }
}
