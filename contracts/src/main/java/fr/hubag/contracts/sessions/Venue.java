package fr.hubag.contracts.sessions;

import java.util.UUID;

/**
 * Where a session takes place: its place type, the census actor for {@code lieu_activite}, the commune's INSEE code
 * for {@code autre}; {@code domicile} and {@code a_distance} name no place (the person's address is personal data and
 * stays out of events).
 */
public record Venue(PlaceType placeType, UUID actorId, String communeInseeCode) {

    public static Venue atActor(UUID actorId) { return new Venue(PlaceType.LIEU_ACTIVITE, actorId, null); }

    public static Venue inCommune(String inseeCode) { return new Venue(PlaceType.AUTRE, null, inseeCode); }

    public static Venue of(PlaceType type) { return new Venue(type, null, null); }
}
