package fr.hubag.contracts.actors;

import fr.hubag.contracts.standard.AccessMode;
import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Itinerance;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.contracts.standard.TrainingLabel;

import java.time.LocalDate;
import java.util.List;

/**
 * A place of digital mediation as the national standard v1.0.2 describes it, with English component names (the JSON
 * keys of the {@code place} object of the actors events, schema {@code Place.json}) and the standard's French values.
 * A place is only built by the actors service's reader, which checks every rule, or from events that were checked
 * when written; lists are never null.
 */
public record Place(
        String name,
        String pivot,
        boolean pivotUnknown,
        Commune commune,
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
        List<Itinerance> itinerance,
        String parentStructure,
        LocalDate updatedOn,
        List<Service> services,
        List<Public> publics,
        List<SpecificSupport> specificSupport,
        List<Fee> fees,
        List<Programme> programmes,
        List<TrainingLabel> trainingLabels,
        List<String> otherTrainingLabels,
        List<AccessMode> accessModes,
        List<SupportMode> supportModes,
        String accesLibreUrl,
        String appointmentUrl) {

    /** The pivot of a place that has none (the standard's placeholder), always with {@code pivotUnknown}. */
    public static final String UNKNOWN_PIVOT = "00000000000000";

    public Place {
        typologies = copy(typologies);
        emails = copy(emails);
        websites = copy(websites);
        itinerance = copy(itinerance);
        services = copy(services);
        publics = copy(publics);
        specificSupport = copy(specificSupport);
        fees = copy(fees);
        programmes = copy(programmes);
        trainingLabels = copy(trainingLabels);
        otherTrainingLabels = copy(otherTrainingLabels);
        accessModes = copy(accessModes);
        supportModes = copy(supportModes);
    }

    /** The same place with new opening hours and services: what a place's own staff may change themselves. */
    public Place withHoursAndServices(String openingHours, List<Service> services) {
        return new Place(name, pivot, pivotUnknown, commune, address, addressComplement, latitude, longitude,
                typologies, phone, emails, websites, openingHours, summary, description, source, itinerance,
                parentStructure, updatedOn, services, publics, specificSupport, fees, programmes, trainingLabels,
                otherTrainingLabels, accessModes, supportModes, accesLibreUrl, appointmentUrl);
    }

    /** The same place with another date of last update. */
    public Place withUpdatedOn(LocalDate date) {
        return new Place(name, pivot, pivotUnknown, commune, address, addressComplement, latitude, longitude,
                typologies, phone, emails, websites, openingHours, summary, description, source, itinerance,
                parentStructure, date, services, publics, specificSupport, fees, programmes, trainingLabels,
                otherTrainingLabels, accessModes, supportModes, accesLibreUrl, appointmentUrl);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
