package fr.hubag.contracts.actors;

import fr.hubag.domain.Territory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ActorRegistered v1 (contracts/events/actors/ActorRegistered.v1.json), still on the oldest streams: a name, a kind, a
 * commune and an address. v2 carries the whole place of the national standard, so reading v1 means: the kind becomes
 * the standard's typology code, the pivot is the "unknown" placeholder (v1 never asked for it), {@code updatedOn} is
 * the day it was recorded (UTC), and every list is empty. The one upcast the actors store and its consumers share.
 */
public record ActorRegisteredV1(UUID actorId, String name, String kind, Territory territory, Commune commune,
                                String address, Instant occurredAt) {

    /** Each v1 kind as one data.inclusion typology code. */
    static final Map<String, String> KIND_TO_TYPOLOGY = Map.of(
            "association", "ASSO", "epn", "EPN", "tiers_lieu", "TIERS_LIEUX", "france_services", "RFS",
            "mairie", "MUNI", "bibliotheque", "BIB", "ccas", "CCAS", "entreprise", "ENTREPRISE", "autre", "AUTRE");

    public static Optional<String> typologyOf(String kind) {
        return Optional.ofNullable(kind == null ? null : KIND_TO_TYPOLOGY.get(kind));
    }

    public ActorEvent.ActorRegistered toV2() {
        List<String> typologies = typologyOf(kind).map(List::of).orElse(List.of());
        Place place = new Place(name, Place.UNKNOWN_PIVOT, true, commune, address, null, null, null, typologies, null,
                null, null, null, null, null, null, null, null, occurredAt.atOffset(ZoneOffset.UTC).toLocalDate(),
                null, null, null, null, null, null, null, null, null, null, null);
        return new ActorEvent.ActorRegistered(actorId, territory, place, occurredAt);
    }
}
