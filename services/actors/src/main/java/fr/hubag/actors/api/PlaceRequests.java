package fr.hubag.actors.api;

import fr.hubag.actors.domain.place.FieldProblem;
import fr.hubag.actors.domain.place.OpeningHours;
import fr.hubag.contracts.actors.Place;
import fr.hubag.actors.domain.place.PlaceReader;
import fr.hubag.actors.domain.place.PlaceReading;
import fr.hubag.actors.domain.place.RawPlace;
import fr.hubag.actors.domain.place.ReadOptions;
import fr.hubag.contracts.standard.Service;
import fr.hubag.actors.domain.place.StandardField;
import fr.hubag.domain.Coded;
import fr.hubag.servicekit.problem.FieldError;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Violations;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST place goes through the very validator that imports use (one set of rules for every way in); only the
 * names differ, so the 400 names the JSON field ({@code commune.postcode}) where an import names the column.
 */
final class PlaceRequests {

    private static final PlaceReader READER = new PlaceReader();

    private PlaceRequests() {}

    static Place toPlace(PlaceRequest request) {
        if (request == null) {
            throw InvalidRequest.of("body", "is required");
        }
        Map<StandardField, Object> values = new EnumMap<>(StandardField.class);
        values.put(StandardField.NOM, request.name());
        values.put(StandardField.PIVOT, request.pivot());
        values.put(StandardField.PIVOT_UNKNOWN, request.pivotUnknown());
        if (request.commune() != null) {
            values.put(StandardField.COMMUNE, request.commune().name());
            values.put(StandardField.CODE_INSEE, request.commune().inseeCode());
            values.put(StandardField.CODE_POSTAL, request.commune().postcode());
        }
        values.put(StandardField.ADRESSE, request.address());
        values.put(StandardField.COMPLEMENT_ADRESSE, request.addressComplement());
        values.put(StandardField.LATITUDE, request.latitude());
        values.put(StandardField.LONGITUDE, request.longitude());
        values.put(StandardField.TYPOLOGIE, request.typologies());
        values.put(StandardField.TELEPHONE, request.phone());
        values.put(StandardField.COURRIELS, request.emails());
        values.put(StandardField.SITE_WEB, request.websites());
        values.put(StandardField.HORAIRES, request.openingHours());
        values.put(StandardField.PRESENTATION_RESUME, request.summary());
        values.put(StandardField.PRESENTATION_DETAIL, request.description());
        values.put(StandardField.SOURCE, request.source());
        values.put(StandardField.ITINERANCE, request.itinerance());
        values.put(StandardField.STRUCTURE_PARENTE, request.parentStructure());
        values.put(StandardField.DATE_MAJ, request.updatedOn() == null
                ? LocalDate.now(ZoneOffset.UTC).toString() : request.updatedOn());
        values.put(StandardField.SERVICES, request.services());
        values.put(StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES, request.publics());
        values.put(StandardField.PRISE_EN_CHARGE_SPECIFIQUE, request.specificSupport());
        values.put(StandardField.FRAIS_A_CHARGE, request.fees());
        values.put(StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX, request.programmes());
        values.put(StandardField.FORMATIONS_LABELS, request.trainingLabels());
        values.put(StandardField.AUTRES_FORMATIONS_LABELS, request.otherTrainingLabels());
        values.put(StandardField.MODALITES_ACCES, request.accessModes());
        values.put(StandardField.MODALITES_ACCOMPAGNEMENT, request.supportModes());
        values.put(StandardField.FICHE_ACCES_LIBRE, request.accesLibreUrl());
        values.put(StandardField.PRISE_RDV, request.appointmentUrl());
        PlaceReading reading = READER.read(new RawPlace(values), ReadOptions.STRICT);
        return switch (reading) {
            case PlaceReading.Valid valid -> valid.place();
            case PlaceReading.Invalid invalid -> throw new InvalidRequest(invalid.problems().stream()
                    .map(PlaceRequests::toFieldError).toList());
        };
    }

    private static FieldError toFieldError(FieldProblem problem) {
        return new FieldError(problem.field().apiName(), problem.reason());
    }

    /** What a mediator may change about their own place. */
    record HoursAndServices(String openingHours, List<Service> services) {}

    static HoursAndServices hoursAndServices(ActorResource.HoursAndServicesRequest request) {
        Violations v = LifecycleRequests.body(request);
        if (request.openingHours() != null) {
            OpeningHours.problem(request.openingHours()).ifPresent(p -> v.add("openingHours", p));
        }
        List<Service> services = new ArrayList<>();
        if (request.services() != null) {
            for (String code : request.services()) {
                Optional<Service> service = Coded.parse(Service.class, code);
                if (service.isEmpty()) {
                    v.add("services", "unknown value '" + code + "'; allowed: "
                            + String.join(" | ", Coded.codes(Service.class)));
                } else if (!services.contains(service.get())) {
                    services.add(service.get());
                }
            }
        }
        if (request.openingHours() == null && request.services() == null) {
            v.add("body", "send openingHours, services or both");
        }
        v.throwIfAny();
        return new HoursAndServices(request.openingHours(), request.services() == null ? null : services);
    }
}
