package fr.hubag.actors.domain.place;

import fr.hubag.contracts.standard.AccessMode;
import fr.hubag.contracts.standard.Fee;
import fr.hubag.contracts.standard.Itinerance;
import fr.hubag.contracts.actors.Place;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SpecificSupport;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.contracts.standard.TrainingLabel;
import fr.hubag.contracts.actors.Commune;
import fr.hubag.actors.domain.place.PlaceChecks.Coordinates;
import fr.hubag.actors.domain.place.PlaceChecks.PivotReading;
import fr.hubag.domain.Territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static fr.hubag.actors.domain.place.StandardField.ADRESSE;
import static fr.hubag.actors.domain.place.StandardField.AUTRES_FORMATIONS_LABELS;
import static fr.hubag.actors.domain.place.StandardField.CODE_INSEE;
import static fr.hubag.actors.domain.place.StandardField.CODE_POSTAL;
import static fr.hubag.actors.domain.place.StandardField.COMMUNE;
import static fr.hubag.actors.domain.place.StandardField.COMPLEMENT_ADRESSE;
import static fr.hubag.actors.domain.place.StandardField.DATE_MAJ;
import static fr.hubag.actors.domain.place.StandardField.DISPOSITIF_PROGRAMMES_NATIONAUX;
import static fr.hubag.actors.domain.place.StandardField.FICHE_ACCES_LIBRE;
import static fr.hubag.actors.domain.place.StandardField.FORMATIONS_LABELS;
import static fr.hubag.actors.domain.place.StandardField.FRAIS_A_CHARGE;
import static fr.hubag.actors.domain.place.StandardField.HORAIRES;
import static fr.hubag.actors.domain.place.StandardField.ID;
import static fr.hubag.actors.domain.place.StandardField.ITINERANCE;
import static fr.hubag.actors.domain.place.StandardField.MODALITES_ACCES;
import static fr.hubag.actors.domain.place.StandardField.MODALITES_ACCOMPAGNEMENT;
import static fr.hubag.actors.domain.place.StandardField.NOM;
import static fr.hubag.actors.domain.place.StandardField.PRESENTATION_DETAIL;
import static fr.hubag.actors.domain.place.StandardField.PRESENTATION_RESUME;
import static fr.hubag.actors.domain.place.StandardField.PRISE_EN_CHARGE_SPECIFIQUE;
import static fr.hubag.actors.domain.place.StandardField.PRISE_RDV;
import static fr.hubag.actors.domain.place.StandardField.PUBLICS_SPECIFIQUEMENT_ADRESSES;
import static fr.hubag.actors.domain.place.StandardField.SERVICES;
import static fr.hubag.actors.domain.place.StandardField.SITE_WEB;
import static fr.hubag.actors.domain.place.StandardField.SOURCE;
import static fr.hubag.actors.domain.place.StandardField.STRUCTURE_PARENTE;

/**
 * The one validator of a place, whatever its way in (REST body, CSV row, JSON file): a {@link RawPlace} becomes a
 * {@link Place} only if every rule of the national standard v1.0.2 — and the hub's own (a commune of a hub
 * territory, a phone of that territory, coordinates inside it) — holds. Every problem is reported at once, on its
 * field, so a producer fixes a row in one go. The territory always comes from the commune, never from the input.
 */
public final class PlaceReader {

    public static final int SUMMARY_MAX = 280;
    /** The bounds of the event contract (contracts/events/actors/Place.json): what is stored can be published. */
    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 300;

    private final CommuneRegistry communes;

    public PlaceReader(CommuneRegistry communes) {
        this.communes = communes;
    }

    /** A reader on the official commune list. */
    public PlaceReader() {
        this(CommuneRegistry.official());
    }

    public PlaceReading read(RawPlace given, ReadOptions options) {
        ReadOptions read = options == null ? ReadOptions.STRICT : options;
        Problems problems = new Problems(read.repairs());
        RawPlace raw = read.repairs() ? OlderExport.renamed(given, problems) : given;
        FieldReader in = new FieldReader(raw, read, problems);

        String externalId = Optional.ofNullable(in.text(ID)).orElse("");
        String name = bounded(in, NOM, in.required(NOM, "the place's name"), NAME_MAX);
        PivotReading pivot = PlaceChecks.pivot(in, raw);
        Optional<CommuneCheck.Resolved> commune = commune(in, raw);
        Territory territory = commune.map(c -> c.commune().territory()).orElse(null);
        String address = bounded(in, ADRESSE,
                in.required(ADRESSE, "the street address (number, street), e.g. 12 rue Schoelcher"), ADDRESS_MAX);
        String complement = in.text(COMPLEMENT_ADRESSE);
        Coordinates coordinates = PlaceChecks.coordinates(in, territory);
        List<String> typologies = PlaceChecks.typologies(in);
        String phone = PlaceChecks.phone(in, territory);
        List<String> emails = PlaceChecks.emails(in);
        List<String> websites = PlaceChecks.urls(in, SITE_WEB);
        String hours = openingHours(in);
        String summary = in.text(PRESENTATION_RESUME);
        String description = in.text(PRESENTATION_DETAIL);
        if (tooLong(in, summary) && problems.repairs()) {
            description = OlderExport.movedSummary(summary, description, problems);
            summary = null;
        }
        String source = in.text(SOURCE);
        List<Itinerance> itinerance = in.enums(ITINERANCE, Itinerance.class, v -> Optional.empty());
        String parent = in.text(STRUCTURE_PARENTE);
        LocalDate updatedOn = in.date(DATE_MAJ);
        if (updatedOn == null && !in.present(DATE_MAJ) && problems.repairs() && read.importedAt() != null
                && territory != null) {
            updatedOn = OlderExport.defaultUpdate(read.importedAt(), territory, problems);
        } else if (updatedOn == null && !in.present(DATE_MAJ)) {
            problems.error(DATE_MAJ, "is required: the date the data was last updated, YYYY-MM-DD");
        }
        List<Service> services = in.enums(SERVICES, Service.class, LegacyVocabulary::service);
        List<SupportMode> supportModes =
                in.enums(MODALITES_ACCOMPAGNEMENT, SupportMode.class, LegacyVocabulary::supportMode);
        List<AccessMode> accessModes = in.enums(MODALITES_ACCES, AccessMode.class, v -> Optional.empty());
        LegacyColumns declared = new LegacyColumns(in,
                in.enums(DISPOSITIF_PROGRAMMES_NATIONAUX, Programme.class, v -> Optional.empty()),
                in.enums(FORMATIONS_LABELS, TrainingLabel.class, v -> Optional.empty()),
                in.values(AUTRES_FORMATIONS_LABELS),
                in.enums(PUBLICS_SPECIFIQUEMENT_ADRESSES, Public.class, v -> Optional.empty()),
                in.enums(PRISE_EN_CHARGE_SPECIFIQUE, SpecificSupport.class, v -> Optional.empty()),
                in.enums(FRAIS_A_CHARGE, Fee.class, v -> Optional.empty())).read();
        String accesLibre = PlaceChecks.url(in, FICHE_ACCES_LIBRE);
        String appointment = PlaceChecks.url(in, PRISE_RDV);

        if (problems.any() || pivot == null || commune.isEmpty()) {
            return new PlaceReading.Invalid(problems.errors());
        }
        Commune placeCommune = commune.get().commune().toCommune(commune.get().postcode());
        Place place = new Place(name, pivot.pivot(), pivot.unknown(), placeCommune, address, complement,
                coordinates.latitude(), coordinates.longitude(), typologies, phone, emails, websites, hours, summary,
                description, source, itinerance, parent, updatedOn, services, List.copyOf(declared.publics),
                List.copyOf(declared.specificSupport), List.copyOf(declared.fees), List.copyOf(declared.programmes),
                List.copyOf(declared.trainingLabels), List.copyOf(declared.otherTrainingLabels), accessModes,
                supportModes, accesLibre, appointment);
        return new PlaceReading.Valid(place, externalId, problems.warnings());
    }

    private Optional<CommuneCheck.Resolved> commune(FieldReader in, RawPlace raw) {
        String postcode = in.code(CODE_POSTAL, 5);
        String inseeCode = in.code(CODE_INSEE, 5);
        boolean repairs = in.problems().repairs();
        if (inseeCode == null && repairs) {
            inseeCode = OlderExport.inseeFromGeocoder(raw, postcode, communes, in.problems()).orElse(null);
        }
        return switch (communes.check(in.text(COMMUNE), inseeCode, postcode, repairs)) {
            case CommuneCheck.Resolved resolved -> {
                resolved.corrections().forEach(in.problems()::correct);
                yield Optional.of(resolved);
            }
            case CommuneCheck.Problems(List<FieldProblem> problems) -> {
                problems.forEach(in.problems()::error);
                yield Optional.empty();
            }
        };
    }

    private static String openingHours(FieldReader in) {
        String hours = in.text(HORAIRES);
        Optional<String> problem = hours == null ? Optional.empty() : OpeningHours.problem(hours);
        if (problem.isPresent() && in.problems().optional(HORAIRES, hours, "not in the OpenStreetMap "
                + "opening_hours format (e.g. Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00): " + problem.get())) {
            return null;
        }
        return hours;
    }

    /** True when the summary is over the standard's limit; a problem unless the reading repairs (it is moved). */
    private static boolean tooLong(FieldReader in, String summary) {
        if (summary == null || summary.codePointCount(0, summary.length()) <= SUMMARY_MAX) {
            return false;
        }
        if (!in.problems().repairs()) {
            in.problems().error(PRESENTATION_RESUME, "has " + summary.codePointCount(0, summary.length())
                    + " characters; at most " + SUMMARY_MAX + " (put the rest in presentation_detail)");
        }
        return true;
    }

    private static String bounded(FieldReader in, StandardField field, String text, int max) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            in.problems().error(field, "has " + text.codePointCount(0, text.length()) + " characters; at most " + max);
        }
        return text;
    }
}
