package fr.hubag.actors.api;

import java.util.List;

/**
 * A place as clients send it: the fields of the national standard of mediation places v1.0.2 under English names
 * (the standard's column is given for each in the OpenAPI description); enumerated values are the standard's
 * French values, multi-valued fields are arrays. The territory is never sent: it is the commune's.
 */
public record PlaceRequest(
        String name,
        String pivot,
        Boolean pivotUnknown,
        CommuneRequest commune,
        String address,
        String addressComplement,
        Double latitude,
        Double longitude,
        List<String> typologies,
        String phone,
        List<String> emails,
        List<String> websites,
        String openingHours,
        String summary,
        String description,
        String source,
        List<String> itinerance,
        String parentStructure,
        String updatedOn,
        List<String> services,
        List<String> publics,
        List<String> specificSupport,
        List<String> fees,
        List<String> programmes,
        List<String> trainingLabels,
        List<String> otherTrainingLabels,
        List<String> accessModes,
        List<String> supportModes,
        String accesLibreUrl,
        String appointmentUrl) {

    /** commune (name), code_insee, code_postal. */
    public record CommuneRequest(String name, String inseeCode, String postcode) {}
}
